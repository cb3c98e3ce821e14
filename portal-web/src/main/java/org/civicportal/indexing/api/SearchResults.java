package org.civicportal.indexing.api;

import java.util.List;
import org.civicportal.indexing.boundary.Searches;

/** A page of search results: the exact number of matches and the best of them. */
public record SearchResults(long total, List<Hit> hits) {

  static SearchResults of(Searches.Results results) {
    return new SearchResults(
        results.total(),
        results.hits().stream()
            .map(
                h ->
                    new Hit(
                        h.type(),
                        h.id(),
                        h.title(),
                        h.snippet(),
                        h.slug(),
                        h.language(),
                        h.classification().orElse(null)))
            .toList());
  }

  /**
   * One match; {@code slug} is the address of a service ({@code /api/v1/services/{slug}}), {@code
   * classification} the marking of a classified record (absent for public content).
   */
  public record Hit(
      String type,
      long id,
      String title,
      String snippet,
      String slug,
      String language,
      String classification) {}
}
