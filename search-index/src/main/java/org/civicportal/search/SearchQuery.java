package org.civicportal.search;

import java.util.List;
import java.util.Objects;

/**
 * What a citizen asked for: the text typed, the languages to search and how many hits to return.
 *
 * <p>Invariants: {@code text} is never null ({@code null} becomes empty) and at most {@link
 * #MAX_LENGTH} characters; {@code languages} is a non-empty unmodifiable list of {@linkplain
 * SearchLanguages#isSupported supported} codes; {@code size} is between 1 and {@link #MAX_SIZE}.
 * Any text within the length limit is a valid query: syntax the parser does not understand is
 * searched as words.
 *
 * @param text what was typed; words are all required, and {@code "a phrase"}, {@code -word}, {@code
 *     pre*} and {@code a OR b} are understood
 * @param languages languages whose documents are searched
 * @param size maximum number of hits returned
 * @param audience whose eyes the search is for: what it may find, required
 */
public record SearchQuery(String text, List<String> languages, int size, Audience audience) {

  /** Longest accepted text, in characters; longer text is rejected, not truncated. */
  public static final int MAX_LENGTH = 1000;

  /** Largest page of hits. */
  public static final int MAX_SIZE = 100;

  /**
   * Validates the query.
   *
   * @throws IllegalArgumentException if the text is too long, the size out of range, or the
   *     languages empty or unsupported
   */
  public SearchQuery {
    text = Objects.requireNonNullElse(text, "");
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Search text has " + text.length() + " characters; at most " + MAX_LENGTH + " allowed");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "Search size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
    Objects.requireNonNull(languages, "languages");
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("Search needs at least one language");
    }
    for (String language : languages) {
      if (!SearchLanguages.isSupported(language)) {
        throw new IllegalArgumentException(
            "Unsupported language '" + language + "'; supported: " + SearchLanguages.supported());
      }
    }
    languages = List.copyOf(languages);
    Objects.requireNonNull(audience, "audience");
  }
}
