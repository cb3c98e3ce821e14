package org.civicportal.indexing.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/** Search in the staff menu for every employee; the index page for tenant admins. */
@ApplicationScoped
public class SearchMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forEveryone(50, "search", "search.title"),
        StaffMenuItem.forReaders(110, "index", "index.title", StaffAccess::isTenantAdmin));
  }
}
