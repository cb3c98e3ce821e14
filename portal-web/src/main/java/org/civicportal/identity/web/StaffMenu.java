package org.civicportal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;

/**
 * The staff menu of {@code templates/staff.xhtml}: every feature's {@link StaffMenuContribution}
 * entries, in their order, each shown only to a reader who may use its page (a case worker is not
 * offered the audit log only to be refused there).
 */
@Named
@RequestScoped
public class StaffMenu {
  @Inject @Any Instance<StaffMenuContribution> contributions;
  @Inject StaffAccess access;
  @Inject HttpServletRequest request;

  private List<StaffMenuItem> items;

  public List<StaffMenuItem> getItems() {
    if (items == null) {
      items =
          contributions.stream()
              .flatMap(c -> c.items().stream())
              .filter(item -> access.isSignedIn() && item.usableBy(access))
              .sorted(Comparator.comparingInt(StaffMenuItem::getOrder))
              .toList();
    }
    return items;
  }

  /** Whether the item is the page being shown (the menu marks it with aria-current). */
  public boolean isCurrent(StaffMenuItem item) {
    String path = request.getServletPath();
    return path.equals("/staff/" + item.getPage() + ".xhtml")
        || path.equals("/staff/" + item.getPage());
  }
}
