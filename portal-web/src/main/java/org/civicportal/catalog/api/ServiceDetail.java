package org.civicportal.catalog.api;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.civicportal.catalog.entity.ServiceTranslation;

/** A published service in one language, with the slugs of its other translations. */
public record ServiceDetail(
    long id,
    String slug,
    String title,
    String summary,
    String body,
    String agency,
    String language,
    Instant updatedAt,
    Map<String, String> translations) {

  static ServiceDetail of(ServiceTranslation t) {
    Map<String, String> slugs = new TreeMap<>();
    t.service().translations().forEach(other -> slugs.put(other.language(), other.slug()));
    return new ServiceDetail(
        t.service().id(),
        t.slug(),
        t.title(),
        t.summary(),
        t.body(),
        t.service().agency().nameIn(t.language()),
        t.language(),
        t.updatedAt(),
        slugs);
  }
}
