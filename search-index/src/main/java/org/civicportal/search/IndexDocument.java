package org.civicportal.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One searchable record in one language, as the outbox hands it over.
 *
 * <p>Invariants: {@code key}, {@code type}, {@code id} and {@code language} are not blank; {@code
 * language} is {@linkplain SearchLanguages#isSupported supported}; {@code title}, {@code summary},
 * {@code body}, {@code attachments}, {@code agency} and {@code category} are never null ({@code
 * null} becomes the empty string, and a blank agency or category becomes empty); agency and
 * category are at most {@link #MAX_LABEL_LENGTH} characters. The key is unique in the index:
 * indexing a document with a key already present replaces the old one. Text is plain text; it is
 * escaped when shown in a snippet.
 *
 * @param key unique handle for updates and deletes, e.g. {@code "service:42:fr"}
 * @param type kind of record, e.g. {@code "service"}; a facet and a filter
 * @param id identifier of the record within its type
 * @param language ISO 639-1 code of the text
 * @param title title shown in results
 * @param summary short description
 * @param body full text
 * @param attachments plain text extracted from the files attached to the record, empty if none;
 *     searched (weighted below the body) and shown in a snippet when only it matches
 * @param agency agency that publishes the record, empty if unknown; a facet and a filter
 * @param category subject category, empty if none; a facet and a filter
 * @param updated when the record last changed, or null if unknown (then it is in no date range)
 * @param visibility who may find it: tenant and classification, required
 * @param translations the other languages the same record (type and id) is indexed in, empty if
 *     none: a search over several languages shows each record once, in the first of its languages
 *     whose version matches
 */
public record IndexDocument(
    String key,
    String type,
    String id,
    String language,
    String title,
    String summary,
    String body,
    String attachments,
    String agency,
    String category,
    Instant updated,
    Visibility visibility,
    Set<String> translations) {

  /** Longest agency or category, in characters: they are facet labels, not text. */
  public static final int MAX_LABEL_LENGTH = 200;

  /**
   * Validates and normalises the fields.
   *
   * @throws IllegalArgumentException if a required field is blank, the language unsupported, or an
   *     agency or category too long
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
    attachments = Objects.requireNonNullElse(attachments, "");
    agency = label(agency, "agency");
    category = label(category, "category");
    Objects.requireNonNull(visibility, "visibility");
    Set<String> others = new TreeSet<>(Objects.requireNonNullElse(translations, Set.of()));
    others.remove(language);
    for (String other : others) {
      if (!SearchLanguages.isSupported(other)) {
        throw new IllegalArgumentException(
            "Unsupported translation language '"
                + other
                + "'; supported: "
                + SearchLanguages.supported());
      }
    }
    translations = Set.copyOf(others);
  }

  /**
   * A record without attachments, agency, category or date: the shape of version 1 of the schema.
   */
  public IndexDocument(
      String key,
      String type,
      String id,
      String language,
      String title,
      String summary,
      String body,
      Visibility visibility) {
    this(key, type, id, language, title, summary, body, "", "", "", null, visibility, Set.of());
  }

  /** This record with the text of its attached files. */
  public IndexDocument withAttachments(String text) {
    return new IndexDocument(
        key,
        type,
        id,
        language,
        title,
        summary,
        body,
        text,
        agency,
        category,
        updated,
        visibility,
        translations);
  }

  /** This record with its agency, category and date of last change. */
  public IndexDocument withDetails(String agency, String category, Instant updated) {
    return new IndexDocument(
        key,
        type,
        id,
        language,
        title,
        summary,
        body,
        attachments,
        agency,
        category,
        updated,
        visibility,
        translations);
  }

  /**
   * This record, also indexed in these other languages (its own language, if listed, is left out).
   */
  public IndexDocument withTranslations(Set<String> languages) {
    return new IndexDocument(
        key,
        type,
        id,
        language,
        title,
        summary,
        body,
        attachments,
        agency,
        category,
        updated,
        visibility,
        languages);
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("IndexDocument." + name + " must not be blank");
    }
  }

  private static String label(String value, String name) {
    if (value == null || value.isBlank()) {
      return "";
    }
    if (value.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "IndexDocument."
              + name
              + " has "
              + value.length()
              + " characters; at most "
              + MAX_LABEL_LENGTH);
    }
    return value;
  }
}
