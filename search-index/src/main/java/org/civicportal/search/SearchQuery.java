package org.civicportal.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a citizen asked for: the text typed, the languages to search, how many hits to return, for
 * whom, with which filters, whether to count facets, and which page.
 *
 * <p>Invariants: {@code text} is never null ({@code null} becomes empty) and at most {@link
 * #MAX_LENGTH} characters; {@code languages} is a non-empty unmodifiable list of {@linkplain
 * SearchLanguages#isSupported supported} codes; {@code size} is between 1 and {@link #MAX_SIZE};
 * {@code filters} and {@code now} are never null; {@code cursor} is null or not blank. Any text
 * within the length limit is a valid query: syntax the parser does not understand is searched as
 * words.
 *
 * @param text what was typed; words are all required, and {@code "a phrase"}, {@code -word}, {@code
 *     pre*} and {@code a OR b} are understood
 * @param languages languages whose documents are searched
 * @param size maximum number of hits returned
 * @param audience whose eyes the search is for: what it may find, required
 * @param filters drill-down filters; {@link SearchFilters#none()} for none
 * @param facets whether to count facets (they cost time in proportion to the number of hits)
 * @param now the moment the date ranges are measured from; a cursor carries the moment of its first
 *     page, which then wins, so that every page of one search has the same ranges
 * @param cursor {@link SearchResult#nextCursor()} of the previous page, or null for the first page;
 *     it is only valid for the same text, languages, filters and audience
 */
public record SearchQuery(
    String text,
    List<String> languages,
    int size,
    Audience audience,
    SearchFilters filters,
    boolean facets,
    Instant now,
    String cursor) {

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
    languages = SearchLanguages.requireSupported(languages);
    Objects.requireNonNull(audience, "audience");
    filters = Objects.requireNonNullElse(filters, SearchFilters.none());
    now = Objects.requireNonNullElseGet(now, Instant::now);
    cursor = cursor == null || cursor.isBlank() ? null : cursor;
  }

  /** The first page, without filters or facets, with date ranges measured from the present. */
  public SearchQuery(String text, List<String> languages, int size, Audience audience) {
    this(text, languages, size, audience, SearchFilters.none(), false, Instant.now(), null);
  }

  /** This query with other filters. */
  public SearchQuery withFilters(SearchFilters filters) {
    return new SearchQuery(text, languages, size, audience, filters, facets, now, cursor);
  }

  /** This query counting facets or not. */
  public SearchQuery withFacets(boolean facets) {
    return new SearchQuery(text, languages, size, audience, filters, facets, now, cursor);
  }

  /** This query with date ranges measured from {@code now}. */
  public SearchQuery at(Instant now) {
    return new SearchQuery(text, languages, size, audience, filters, facets, now, cursor);
  }

  /** This query asking for the page after the one that returned {@code cursor} (null: first). */
  public SearchQuery withCursor(String cursor) {
    return new SearchQuery(text, languages, size, audience, filters, facets, now, cursor);
  }
}
