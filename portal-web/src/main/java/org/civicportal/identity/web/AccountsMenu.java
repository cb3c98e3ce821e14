package org.civicportal.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The identity pages in the staff menu: employees for tenant admins, API tokens for everyone. */
@ApplicationScoped
public class AccountsMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forReaders(80, "employees", "employees.title", StaffAccess::isTenantAdmin),
        StaffMenuItem.forEveryone(120, "tokens", "staff.tokens"));
  }
}
