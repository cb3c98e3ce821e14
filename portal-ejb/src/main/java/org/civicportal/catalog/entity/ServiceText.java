package org.civicportal.catalog.entity;

/**
 * What an editor writes for a service in one language. Title, summary and body are required; the
 * structured sections are optional. Body, eligibility and documents needed are rich text (already
 * sanitised when they reach an entity); the others are plain text.
 */
public record ServiceText(
    String title,
    String summary,
    String body,
    String eligibility,
    String documentsNeeded,
    String fees,
    String processingTime,
    String contact) {

  /** A text with only the required parts. */
  public static ServiceText of(String title, String summary, String body) {
    return new ServiceText(title, summary, body, null, null, null, null, null);
  }
}
