package org.civicportal.document.api;

import java.time.Instant;
import org.civicportal.document.entity.StaffDocument;

/** A whole document with its label. */
public record DocumentDetail(
    long id,
    String title,
    String body,
    String agency,
    String language,
    String classification,
    String createdBy,
    Instant updatedAt,
    long version) {
  static DocumentDetail of(StaffDocument d) {
    return new DocumentDetail(
        d.id(),
        d.title(),
        d.body(),
        d.agency(),
        d.language(),
        d.marking(),
        d.createdBy(),
        d.updatedAt(),
        d.version());
  }
}
