package org.civicportal.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceTranslation;

/**
 * A published service in one language, with its structured sections and the slugs of its other
 * translations. Rich text fields (body, eligibility, documentsNeeded) are sanitised HTML.
 */
public record ServiceDetail(
    long id,
    String slug,
    String title,
    String summary,
    String body,
    String eligibility,
    String documentsNeeded,
    String fees,
    String processingTime,
    String contact,
    String agency,
    String category,
    List<String> channels,
    List<String> tags,
    String language,
    boolean fallback,
    Instant updatedAt,
    Map<String, String> translations) {

  static ServiceDetail of(ServiceTranslation t, boolean fallback) {
    Map<String, String> slugs = new TreeMap<>();
    t.service().translations().forEach(other -> slugs.put(other.language(), other.slug()));
    ServiceRevision revision = t.service().publishedRevision().orElse(null);
    RevisionText text = revision == null ? null : revision.text(t.language()).orElse(null);
    return new ServiceDetail(
        t.service().id(),
        t.slug(),
        t.title(),
        t.summary(),
        t.body(),
        text == null ? null : text.eligibility(),
        text == null ? null : text.documentsNeeded(),
        text == null ? null : text.fees(),
        text == null ? null : text.processingTime(),
        text == null ? null : text.contact(),
        t.service().agency().nameIn(t.language()),
        revision == null ? null : revision.category().orElse(null),
        revision == null ? List.of() : revision.channels().stream().map(Channel::external).toList(),
        revision == null ? List.of() : revision.tags(),
        t.language(),
        fallback,
        t.updatedAt(),
        slugs);
  }
}
