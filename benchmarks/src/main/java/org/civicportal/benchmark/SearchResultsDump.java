package org.civicportal.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civicportal.search.SearchFilters;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchIndex;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.SearchResult;
import org.civicportal.search.UpdatedWithin;

/**
 * Prints everything the secured search answers for a fixed set of searches on a benchmark index:
 * the benchmark's queries and some with {@code OR}, {@code -word}, misspellings and one letter, at
 * 10 and 37 hits, with and without facets, under four sets of filters, and up to three pages by
 * cursor. Two versions of {@code search-index} that answer alike print the same lines, so a {@code
 * diff} of two runs shows whether a change altered hits, order, totals, facets, snippets or
 * corrections (cursors, which are encrypted per opening, are left out).
 *
 * <p>Arguments: the index directory, the threads per search and the file to write.
 */
public final class SearchResultsDump {

  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final List<String> MORE_TEXTS =
      List.of(
          "pension OR retraite",
          "passport -visa",
          "passeport -carte",
          "xyzzyq",
          "pensoin",
          "\"carte grise\" OR logement*",
          "a");

  private SearchResultsDump() {}

  public static void main(String[] args) throws IOException {
    try (SearchIndex index = SearchIndex.open(Path.of(args[0]), Integer.parseInt(args[1]));
        PrintStream out =
            new PrintStream(
                Files.newOutputStream(Path.of(args[2])), false, StandardCharsets.UTF_8)) {
      for (BenchQuery query : queries()) {
        for (int size : new int[] {10, 37}) {
          for (boolean facets : new boolean[] {false, true}) {
            for (SearchFilters filters : filters(query.language())) {
              SearchQuery search =
                  new SearchQuery(query.text(), List.of(query.language()), size, query.audience())
                      .withFilters(filters)
                      .withFacets(facets)
                      .at(NOW);
              out.println("## " + query + " size=" + size + " facets=" + facets + " " + filters);
              print(index, search, out);
            }
          }
        }
      }
    }
  }

  private static List<BenchQuery> queries() {
    List<BenchQuery> queries = new ArrayList<>();
    for (QueryKind kind : QueryKind.values()) {
      queries.addAll(QuerySet.of(kind));
    }
    List<BenchQuery> first = List.copyOf(queries.subList(0, 3));
    for (String text : MORE_TEXTS) {
      for (BenchQuery query : first) {
        queries.add(new BenchQuery(query.kind(), query.language(), text, query.audience()));
      }
    }
    return queries;
  }

  private static List<SearchFilters> filters(String language) {
    return List.of(
        SearchFilters.none(),
        SearchFilters.none().withLevel(0),
        SearchFilters.none().withUpdated(UpdatedWithin.LAST_365_DAYS).withLanguage(language),
        SearchFilters.none().withTypes(Set.of("document")));
  }

  private static void print(SearchIndex index, SearchQuery search, PrintStream out)
      throws IOException {
    SearchResult result = index.search(search);
    for (int page = 1; ; page++) {
      out.println(
          "total=" + result.total() + " dym=" + result.didYouMean() + " facets=" + result.facets());
      for (SearchHit hit : result.hits()) {
        out.println("  " + hit);
      }
      if (result.nextCursor() == null || page == 3) {
        return;
      }
      result = index.search(search.withCursor(result.nextCursor()));
    }
  }
}
