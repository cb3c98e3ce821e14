package org.civicportal.audit.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.identity.web.StaffMenuContribution;
import org.civicportal.identity.web.StaffMenuItem;

/** The audit log in the staff menu, for the tenant's auditors only (others are refused there). */
@ApplicationScoped
public class AuditMenu implements StaffMenuContribution {
  @Override
  public List<StaffMenuItem> items() {
    return List.of(StaffMenuItem.forReaders(130, "audit", "staff.audit", StaffAccess::isAuditor));
  }
}
