package org.civicportal.catalog.api;

import org.civicportal.catalog.boundary.PublicServices.CatalogueEntry;

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
    return new ServiceSummary(
        entry.serviceId(),
        entry.slug(),
        entry.title(),
        entry.summary(),
        entry.agencyName(),
        entry.category(),
        entry.language(),
        entry.fallback());
  }
}
