package org.civicportal.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}: the exact number of matching documents the audience may see,
 * one page of the best of them by relevance, facet counts over all of them, the cursor of the next
 * page and, when the text found (almost) nothing, a correction that finds more.
 *
 * <p>Invariant: nothing in a result depends on a document the audience may not see — not the total,
 * the hits, their order or snippets, the facets, the correction, nor the pages a cursor leads to.
 *
 * @param total exact count of all matching documents, not a lower bound; the same on every page of
 *     a search
 * @param hits best hits first; unmodifiable
 * @param facets per dimension ({@code type}, {@code agency}, {@code category}, {@code language},
 *     {@code level}, {@code updated}), the count of matching documents per value, values with no
 *     match left out, ordered by count (highest first) then value; empty when the query did not ask
 *     for facets; unmodifiable
 * @param nextCursor opaque, URL-safe handle of the next page, or null on the last page
 * @param didYouMean the text with unknown words replaced by the nearest words the audience may
 *     find, when the text found fewer than {@value SearchIndex#DID_YOU_MEAN_BELOW} hits and the
 *     correction finds more; otherwise null
 */
public record SearchResult(
    long total,
    List<SearchHit> hits,
    Map<String, Map<String, Long>> facets,
    String nextCursor,
    String didYouMean) {

  private static final SearchResult NONE = new SearchResult(0, List.of());

  /** Copies hits and facets into unmodifiable collections that keep their order. */
  public SearchResult {
    hits = List.copyOf(hits);
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    facets.forEach(
        (dimension, counts) ->
            copy.put(dimension, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    facets = Collections.unmodifiableMap(copy);
  }

  /** One page without facets, cursor or correction. */
  public SearchResult(long total, List<SearchHit> hits) {
    this(total, hits, Map.of(), null, null);
  }

  static SearchResult none() {
    return NONE;
  }
}
