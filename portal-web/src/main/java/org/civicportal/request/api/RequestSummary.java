package org.civicportal.request.api;

import java.time.Instant;
import org.civicportal.request.entity.ServiceRequest;

/** A request as listed. */
public record RequestSummary(
    String reference,
    String service,
    String agency,
    String state,
    String assignee,
    Instant submittedAt,
    Instant dueAt,
    boolean overdue,
    String classification) {
  static RequestSummary of(ServiceRequest r, boolean staff) {
    return new RequestSummary(
        r.reference(),
        r.serviceCode(),
        r.agency(),
        r.state().external(),
        staff ? r.assignee().orElse(null) : null,
        r.submittedAt(),
        r.dueAt().orElse(null),
        r.overdue(Instant.now()),
        r.marking());
  }
}
