package org.civicportal.indexing.api;

import java.util.List;
import java.util.Map;
import org.civicportal.indexing.boundary.Searches;

/**
 * A page of search results: the exact number of matches, the best of them, the facet counts over
 * all matches ({@code {dimension: {value: count}}}), the cursor of the next page (null on the
 * last), a correction when the words found little, and the page's marking: the highest label among
 * its hits (also in the Classification header).
 */
@jakarta.json.bind.annotation.JsonbNillable
public record SearchResults(
    long total,
    List<Hit> hits,
    Map<String, Map<String, Long>> facets,
    String nextCursor,
    String didYouMean,
    String classification) {

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
            .toList(),
        results.facets(),
        results.nextCursor(),
        results.didYouMean().orElse(null),
        results.classification());
  }

  /**
   * One match; {@code slug} is the address of a service ({@code /api/v1/services/{slug}}) or the
   * reference of a request, {@code classification} the marking of a classified record (absent for
   * public content).
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
