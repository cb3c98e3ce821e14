package org.civicportal.search;

import java.util.Objects;

/**
 * One searchable record in one language, as the outbox hands it over.
 *
 * <p>Invariants: {@code key}, {@code type}, {@code id} and {@code language} are not blank; {@code
 * language} is {@linkplain SearchLanguages#isSupported supported}; {@code title}, {@code summary}
 * and {@code body} are never null ({@code null} becomes the empty string). The key is unique in the
 * index: indexing a document with a key already present replaces the old one. Text is plain text;
 * it is escaped when shown in a snippet.
 *
 * @param key unique handle for updates and deletes, e.g. {@code "service:42:fr"}
 * @param type kind of record, e.g. {@code "service"}
 * @param id identifier of the record within its type
 * @param language ISO 639-1 code of the text
 * @param title title shown in results
 * @param summary short description
 * @param body full text
 * @param visibility who may find it: tenant and classification, required
 */
public record IndexDocument(
    String key,
    String type,
    String id,
    String language,
    String title,
    String summary,
    String body,
    Visibility visibility) {

  /**
   * Validates and normalises the fields.
   *
   * @throws IllegalArgumentException if a required field is blank or the language unsupported
   */
  public IndexDocument {
    requireNonBlank(key, "key");
    requireNonBlank(type, "type");
    requireNonBlank(id, "id");
    requireNonBlank(language, "language");
    if (!SearchLanguages.isSupported(language)) {
      throw new IllegalArgumentException(
          "Unsupported language '" + language + "'; supported: " + SearchLanguages.supported());
    }
    title = Objects.requireNonNullElse(title, "");
    summary = Objects.requireNonNullElse(summary, "");
    body = Objects.requireNonNullElse(body, "");
    Objects.requireNonNull(visibility, "visibility");
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("IndexDocument." + name + " must not be blank");
    }
  }
}
