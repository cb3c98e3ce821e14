package org.civicportal.tenant.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/** Branding in the staff menu, for tenant admins. */
@ApplicationScoped
public class BrandingMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forReaders(95, "branding", "branding.title", StaffAccess::isTenantAdmin));
  }
}
