package org.civicportal.catalog.api;

import org.civicportal.catalog.entity.ServiceTranslation;

/** A published service as listed: enough to show a link and a line of text. */
public record ServiceSummary(
    long id, String slug, String title, String summary, String agency, String language) {

  static ServiceSummary of(ServiceTranslation t) {
    return new ServiceSummary(
        t.service().id(),
        t.slug(),
        t.title(),
        t.summary(),
        t.service().agency().nameIn(t.language()),
        t.language());
  }
}
