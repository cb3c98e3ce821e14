package org.civicportal.catalog.entity;

import java.util.Locale;

/**
 * How a revision's text in one language relates to its source text: absent, written against the
 * current source, or written before the source last changed.
 */
public enum TranslationStatus {
  MISSING,
  UP_TO_DATE,
  OUTDATED;

  /** The status's name in the API and on pages, e.g. {@code up-to-date}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
