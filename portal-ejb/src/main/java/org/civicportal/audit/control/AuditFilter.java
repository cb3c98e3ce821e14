package org.civicportal.audit.control;

import java.time.Instant;
import org.civicportal.audit.entity.AuditAction;

/**
 * What an auditor narrows the log to; every criterion is optional (null) and they combine with
 * "and".
 *
 * @param action only entries of this action
 * @param actor only entries by exactly this actor; blank means any
 * @param from only entries at or after this moment
 * @param until only entries before this moment
 */
public record AuditFilter(AuditAction action, String actor, Instant from, Instant until) {
  /** Every entry. */
  public static final AuditFilter ANY = new AuditFilter(null, null, null, null);

  public AuditFilter {
    if (actor != null && actor.isBlank()) {
      actor = null;
    }
  }
}
