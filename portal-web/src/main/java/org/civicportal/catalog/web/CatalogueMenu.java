package org.civicportal.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/**
 * The catalogue's pages in the staff menu: services for editors and reviewers, import for tenant
 * admins.
 */
@ApplicationScoped
public class CatalogueMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forReaders(40, "services", "staff.services", StaffAccess::isCatalogueStaff),
        StaffMenuItem.forReaders(90, "import", "import.title", StaffAccess::isTenantAdmin));
  }
}
