package org.civicportal.catalog.api;

import java.time.Instant;
import org.civicportal.catalog.entity.ServiceRevision;

/** One line of a service's history. */
public record RevisionSummary(
    int number,
    String state,
    String editedBy,
    String submittedBy,
    String reviewedBy,
    String reviewComment,
    Instant createdAt,
    Instant updatedAt,
    Instant publishAt,
    Instant publishedAt) {

  static RevisionSummary of(ServiceRevision r) {
    return new RevisionSummary(
        r.number(),
        r.state().external(),
        r.editedBy(),
        r.submittedBy().orElse(null),
        r.reviewedBy().orElse(null),
        r.reviewComment().orElse(null),
        r.createdAt(),
        r.updatedAt(),
        r.publishAt().orElse(null),
        r.publishedAt().orElse(null));
  }
}
