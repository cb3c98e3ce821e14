package org.civicportal.document.api;

import java.time.Instant;
import org.civicportal.document.entity.StaffDocument;

/** A document as listed, with its portion mark. */
public record DocumentSummary(
    long id, String title, String agency, String classification, Instant updatedAt) {
  static DocumentSummary of(StaffDocument d) {
    return new DocumentSummary(d.id(), d.title(), d.agency(), d.marking(), d.updatedAt());
  }
}
