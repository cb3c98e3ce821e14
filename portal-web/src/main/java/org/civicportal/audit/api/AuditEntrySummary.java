package org.civicportal.audit.api;

import java.time.Instant;
import org.civicportal.audit.entity.AuditEntry;

/** One audit entry as auditors read it. */
public record AuditEntrySummary(
    long sequence,
    Instant occurredAt,
    String actor,
    String action,
    String subject,
    String detail,
    String hash) {
  static AuditEntrySummary of(AuditEntry e) {
    return new AuditEntrySummary(
        e.sequence(), e.occurredAt(), e.actor(), e.actionName(), e.subject(), e.detail(), e.hash());
  }
}
