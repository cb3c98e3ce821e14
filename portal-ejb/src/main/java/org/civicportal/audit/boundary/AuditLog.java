package org.civicportal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.civicportal.audit.control.AuditFilter;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.control.Verification;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;

/**
 * A tenant's audit log as auditors see it: browsing and filtering its entries, and verifying its
 * hash chain. Entries are only ever appended, each in the transaction of the action it records
 * ({@link AuditTrail#record}); nothing here or anywhere else changes or removes one. Verification
 * reads the chain oldest first and reports the first entry whose hash or link does not hold; what
 * it cannot detect without an external anchor is described on {@link
 * org.civicportal.audit.control.ChainVerification}.
 */
@ApplicationScoped
@Transactional
public class AuditLog {
  public static final int MAX_PAGE_SIZE = 200;

  @Inject AuditTrail trail;
  @Inject CurrentSubject subjects;

  /**
   * One page of the tenant's entries matching the filter, newest first.
   *
   * @param page zero-based page number
   * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
   */
  public List<AuditEntry> browse(String tenant, AuditFilter filter, int page, int size) {
    requireTenant(tenant);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "Page size must be 1 to " + MAX_PAGE_SIZE);
    }
    long first = (long) page * size;
    if (page < 0 || first > Integer.MAX_VALUE) {
      throw new InvalidInputException("page", "No page " + page);
    }
    AuditFilter criteria = filter == null ? AuditFilter.ANY : filter;
    if (criteria.from() != null
        && criteria.until() != null
        && !criteria.from().isBefore(criteria.until())) {
      throw new InvalidInputException("until", "The end of the period must follow its start");
    }
    requireAuditor(tenant);
    return trail.browse(tenant, criteria, (int) first, size);
  }

  /** Checks the tenant's whole chain; see {@link Verification} for what the result says. */
  public Verification verify(String tenant) {
    requireTenant(tenant);
    requireAuditor(tenant);
    return trail.verify(tenant);
  }

  private void requireTenant(String tenant) {
    if (tenant == null || tenant.isBlank()) {
      throw new InvalidInputException("tenant", "A tenant is required");
    }
  }

  /** Only the tenant's own auditors read its log; checked after the input, before any read. */
  private void requireAuditor(String tenant) {
    Subject subject = subjects.get();
    if (!subject.has(Role.AUDITOR) || !subject.tenant().equals(tenant)) {
      throw new NotPermittedException("Only the tenant's auditors read its audit log.");
    }
  }
}
