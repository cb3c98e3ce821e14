package org.civicportal.catalog.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;

/**
 * A service as its editors and reviewers see it: one revision (the newest unless asked otherwise),
 * its state, texts and translation status, and whether a version is published now. {@code slug} is
 * the source language's slug.
 */
public record EditorialService(
    long id,
    String code,
    String agency,
    String externalId,
    String slug,
    String state,
    int revision,
    boolean published,
    String sourceLanguage,
    String category,
    List<String> channels,
    List<String> tags,
    List<Long> related,
    String ceiling,
    Integer processingDays,
    String reviewComment,
    String editedBy,
    String submittedBy,
    Instant updatedAt,
    Instant publishAt,
    Instant unpublishAt,
    Map<String, Text> texts,
    Map<String, String> translations) {

  static EditorialService of(PublicService service, List<String> locales) {
    return of(service, service.latest(), locales);
  }

  static EditorialService of(PublicService service, ServiceRevision r, List<String> locales) {
    Map<String, Text> texts = new LinkedHashMap<>();
    r.texts().forEach((language, text) -> texts.put(language, Text.of(text)));
    Map<String, String> status = new LinkedHashMap<>();
    r.translationStatus(locales).forEach((language, s) -> status.put(language, s.external()));
    return new EditorialService(
        service.id(),
        service.code(),
        service.agency().code(),
        service.externalId().orElse(null),
        r.text(r.sourceLanguage()).map(RevisionText::slug).orElse(null),
        r.state().external(),
        r.number(),
        service.isPublished(),
        r.sourceLanguage(),
        r.category().orElse(null),
        r.channels().stream().map(Channel::external).toList(),
        r.tags(),
        r.related(),
        r.ceiling().orElse(null),
        r.processingDays().orElse(null),
        r.reviewComment().orElse(null),
        r.editedBy(),
        r.submittedBy().orElse(null),
        r.updatedAt(),
        r.publishAt().orElse(null),
        service.unpublishAt().orElse(null),
        texts,
        status);
  }

  /** A revision's text in one language. */
  public record Text(
      String slug,
      String title,
      String summary,
      String body,
      String eligibility,
      String documentsNeeded,
      String fees,
      String processingTime,
      String contact,
      Instant updatedAt) {
    static Text of(RevisionText t) {
      return new Text(
          t.slug(),
          t.title(),
          t.summary(),
          t.body(),
          t.eligibility(),
          t.documentsNeeded(),
          t.fees(),
          t.processingTime(),
          t.contact(),
          t.updatedAt());
    }
  }
}
