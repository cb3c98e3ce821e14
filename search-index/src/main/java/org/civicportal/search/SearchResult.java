package org.civicportal.search;

import java.util.List;

/**
 * The answer to a {@link SearchQuery}: the exact number of matching documents, and the best of them
 * by relevance, at most {@link SearchQuery#size()}.
 *
 * @param total exact count of all matching documents, not a lower bound
 * @param hits best hits first; unmodifiable
 */
public record SearchResult(long total, List<SearchHit> hits) {

  private static final SearchResult NONE = new SearchResult(0, List.of());

  /** Copies the hits into an unmodifiable list. */
  public SearchResult {
    hits = List.copyOf(hits);
  }

  static SearchResult none() {
    return NONE;
  }
}
