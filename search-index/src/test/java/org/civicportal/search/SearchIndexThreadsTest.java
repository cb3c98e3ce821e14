package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that several threads share answers exactly as one thread does: same hits in the same
 * order, totals, facets, snippets and pages, over an index of many segments.
 */
class SearchIndexThreadsTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Audience OFFICER = new Audience("demoland", 1, Set.of("alpha"), "DEMOLAND");
  private static final String[] AGENCIES = {"transport", "housing", "health", ""};

  @TempDir Path dir;

  @Test
  void searchOnManyThreadsAnswersAsOneThreadDoes() throws IOException {
    // the same commits in two directories (one writer each): a segment per batch
    for (String copy : List.of("one", "four")) {
      try (SearchIndex writer = SearchIndex.open(dir.resolve(copy))) {
        for (int batch = 0; batch < 9; batch++) {
          writer.apply(batch(batch), List.of(), batch + 1);
        }
      }
    }
    List<SearchQuery> queries = new ArrayList<>();
    for (String text : List.of("permit", "parking permit", "\"resident parking\"", "perm*")) {
      queries.add(new SearchQuery(text, List.of("en"), 7, OFFICER).withFacets(true).at(NOW));
      queries.add(new SearchQuery(text, List.of("en"), 7, OFFICER).at(NOW));
    }

    try (SearchIndex one = SearchIndex.open(dir.resolve("one"), 1);
        SearchIndex four = SearchIndex.open(dir.resolve("four"), 4)) {
      for (SearchQuery query : queries) {
        List<SearchResult> alone = pages(one, query);
        List<SearchResult> shared = pages(four, query);

        assertThat(shared).hasSameSizeAs(alone).hasSizeGreaterThan(1);
        for (int page = 0; page < alone.size(); page++) {
          assertThat(withoutCursor(shared.get(page))).isEqualTo(withoutCursor(alone.get(page)));
        }
      }
    }
  }

  @Test
  void fewerThanOneThreadPerSearchIsRefused() {
    assertThatThrownBy(() -> SearchIndex.open(dir, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<SearchResult> pages(SearchIndex index, SearchQuery first) throws IOException {
    List<SearchResult> pages = new ArrayList<>();
    SearchResult page = index.search(first);
    pages.add(page);
    while (page.nextCursor() != null) {
      page = index.search(first.withCursor(page.nextCursor()));
      pages.add(page);
    }
    return pages;
  }

  private static SearchResult withoutCursor(SearchResult result) {
    return new SearchResult(
        result.total(), result.hits(), result.facets(), null, result.didYouMean());
  }

  private static List<IndexDocument> batch(int batch) {
    List<IndexDocument> documents = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = batch * 6 + i;
      String title = n % 3 == 0 ? "Resident parking permit " + n : "Permit for works " + n;
      String body =
          "Apply for a permit online. ".repeat(1 + n % 4)
              + (n % 2 == 0 ? "Resident parking in zone " + n + "." : "Road works permit.");
      Visibility visibility =
          new Visibility(
              n % 7 == 0 ? "elsewhere" : "demoland",
              n % 3,
              n % 5 == 0 ? Set.of("alpha") : Set.of(),
              Set.of());
      documents.add(
          new IndexDocument("doc:" + n, "service", "s" + n, "en", title, "", body, visibility)
              .withDetails(
                  AGENCIES[n % AGENCIES.length], "roads", NOW.minus(Duration.ofDays(n * 11L))));
    }
    return documents;
  }
}
