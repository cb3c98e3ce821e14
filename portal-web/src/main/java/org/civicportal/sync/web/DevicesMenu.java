package org.civicportal.sync.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/**
 * The offline pages in the staff menu: the field app and conflicts for every employee, devices for
 * tenant admins.
 */
@ApplicationScoped
public class DevicesMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(
        StaffMenuItem.forEveryone(60, "field", "staff.field"),
        StaffMenuItem.forEveryone(70, "conflicts", "staff.conflicts"),
        StaffMenuItem.forReaders(100, "devices", "staff.devices", StaffAccess::isTenantAdmin));
  }
}
