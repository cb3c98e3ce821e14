package org.civicportal.catalog.api;

import org.civicportal.catalog.boundary.PublicServices.CatalogueEntry;
import org.civicportal.catalog.entity.ServiceTranslation;

/**
 * A published service as listed: enough to show a link and a line of text. {@code fallback} is true
 * when the service has no text in the language asked for and this is its text in another.
 */
public record ServiceSummary(
    long id,
    String slug,
    String title,
    String summary,
    String agency,
    String category,
    String language,
    boolean fallback) {

  static ServiceSummary of(CatalogueEntry entry) {
    ServiceTranslation t = entry.translation();
    return new ServiceSummary(
        t.service().id(),
        t.slug(),
        t.title(),
        t.summary(),
        t.service().agency().nameIn(t.language()),
        entry.category(),
        t.language(),
        entry.fallback());
  }
}
