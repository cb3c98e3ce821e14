package org.civicportal.request.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/** The work queue in the staff menu, for case workers and tenant admins. */
@ApplicationScoped
public class RequestsMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forReaders(
            30, "requests", "requests.title", a -> a.isCaseWorker() || a.isTenantAdmin()));
  }
}
