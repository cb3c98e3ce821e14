package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.search.SampleDocuments.en;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursor paging: every page of a search comes from the commit its first page saw, so pages have no
 * duplicates and no gaps, and the total stays, while documents are added and deleted.
 */
class SearchIndexCursorTest {

  private static final int N = 57;
  private static final int PAGE = 10;

  @TempDir Path dir;

  @Test
  void pagesStayOnTheFirstPagesCommitWhileDocumentsArrive() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, N), List.of(), 1);
      SearchResult first = index.search(permitQuery());
      Set<String> matchingAtFirstPage = allIds(index, N + 50);

      // 20 new documents, 10 of them matching with higher scores, and 5 old ones deleted
      List<IndexDocument> arriving = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        arriving.add(en("new-permit-" + i, "Permit permit permit", "Permit.", "Permit."));
        arriving.add(en("other-" + i, "Council tax", "Pay it.", "Online."));
      }
      List<String> deleted = List.of(key(3), key(17), key(30), key(44), key(56));
      index.apply(arriving, deleted, 2);
      List<String> paged = new ArrayList<>(ids(first));
      List<Long> totals = new ArrayList<>(List.of(first.total()));
      int pages = 1;
      for (String cursor = first.nextCursor(); cursor != null; pages++) {
        SearchResult next = index.search(permitQuery().withCursor(cursor));
        paged.addAll(ids(next));
        totals.add(next.total());
        cursor = next.nextCursor();
      }

      assertThat(matchingAtFirstPage).hasSize(N);
      assertThat(paged).doesNotHaveDuplicates().hasSize(N);
      assertThat(new HashSet<>(paged)).isEqualTo(matchingAtFirstPage);
      assertThat(totals).hasSize(pages).containsOnly((long) N);
      assertThat(pages).isEqualTo((N + PAGE - 1) / PAGE);
      assertThat(index.search(permitQuery()).total()).isEqualTo(N + 10 - 5);
    }
  }

  @Test
  void lastPageHasNoCursorAndPagesMayChangeSize() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 25), List.of(), 1);

      SearchResult first = index.search(permitQuery());
      SearchResult rest =
          index.search(
              new SearchQuery("permit", List.of("en"), 100, SampleDocuments.VISITOR)
                  .withCursor(first.nextCursor()));

      assertThat(first.hits()).hasSize(PAGE);
      assertThat(first.nextCursor()).isNotNull().matches("[A-Za-z0-9_-]+");
      assertThat(rest.hits()).hasSize(15);
      assertThat(rest.nextCursor()).isNull();
    }
  }

  @Test
  void exactlyOnePageHasNoCursor() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, PAGE), List.of(), 1);

      SearchResult only = index.search(permitQuery());

      assertThat(only.hits()).hasSize(PAGE);
      assertThat(only.nextCursor()).isNull();
    }
  }

  @Test
  void cursorOfAnotherTextFiltersOrAudienceIsRefused() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 30), List.of(), 1);
      String cursor = index.search(permitQuery()).nextCursor();
      Audience staff = new Audience(SampleDocuments.TENANT, 1, Set.of(), null);

      SearchQuery otherText =
          new SearchQuery("parking", List.of("en"), PAGE, SampleDocuments.VISITOR);
      SearchQuery otherAudience = new SearchQuery("permit", List.of("en"), PAGE, staff);
      SearchQuery otherFilters =
          permitQuery().withFilters(SearchFilters.none().withTypes(Set.of("service")));
      SearchQuery otherLanguages =
          new SearchQuery("permit", List.of("en", "fr"), PAGE, SampleDocuments.VISITOR);

      for (SearchQuery other : List.of(otherText, otherAudience, otherFilters, otherLanguages)) {
        assertThatThrownBy(() -> index.search(other.withCursor(cursor)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("The cursor belongs to another search");
      }
      assertThat(index.search(permitQuery().withFacets(true).withCursor(cursor)).hits())
          .hasSize(PAGE);
    }
  }

  @Test
  void malformedOrAlteredCursorIsRefusedWithIllegalArgument() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 30), List.of(), 1);
      String cursor = index.search(permitQuery()).nextCursor();
      char last = cursor.charAt(cursor.length() - 1);
      String altered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
      char firstOfBody = cursor.charAt(20);
      String alteredInside =
          cursor.substring(0, 20) + (firstOfBody == 'x' ? 'y' : 'x') + cursor.substring(21);

      for (String bad :
          List.of(
              "x",
              "not a cursor",
              "////",
              "%00",
              cursor + "A",
              cursor.substring(1),
              altered,
              alteredInside,
              "A".repeat(10_000))) {
        assertThatThrownBy(() -> index.search(permitQuery().withCursor(bad)))
            .as(bad)
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cursor");
      }
    }
  }

  @Test
  void blankCursorMeansTheFirstPage() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 30), List.of(), 1);

      SearchResult blank = index.search(permitQuery().withCursor("  "));

      assertThat(ids(blank)).isEqualTo(ids(index.search(permitQuery())));
    }
  }

  @Test
  void cursorExpiresWhenItsCommitIsReleased() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir, Duration.ZERO)) {
      index.apply(permits(0, 30), List.of(), 1);
      String cursor = index.search(permitQuery()).nextCursor();

      index.apply(permits(30, 31), List.of(), 2);

      assertThatThrownBy(() -> index.search(permitQuery().withCursor(cursor)))
          .isInstanceOf(CursorExpiredException.class)
          .hasMessageContaining("start the search again");
    }
  }

  @Test
  void cursorLivesOnWhileNoNewerCommitReplacedItsOwn() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir, Duration.ZERO)) {
      index.apply(permits(0, 30), List.of(), 1);

      String cursor = index.search(permitQuery()).nextCursor();

      assertThat(index.search(permitQuery().withCursor(cursor)).hits()).hasSize(PAGE);
    }
  }

  @Test
  void cursorOfAnEarlierOpeningOfTheIndexHasExpired() throws IOException {
    String cursor;
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 30), List.of(), 1);
      cursor = index.search(permitQuery()).nextCursor();
    }

    try (SearchIndex reopened = SearchIndex.open(dir)) {

      assertThatThrownBy(() -> reopened.search(permitQuery().withCursor(cursor)))
          .isInstanceOf(CursorExpiredException.class);
    }
  }

  @Test
  void cursorKeepsTheFirstPagesDateRanges() throws IOException {
    java.time.Instant now = java.time.Instant.parse("2026-06-01T00:00:00Z");
    List<IndexDocument> dated = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      dated.add(permits(i, i + 1).get(0).withDetails("", "", now.minus(Duration.ofDays(5))));
    }
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(dated, List.of(), 1);
      SearchQuery recent =
          permitQuery().withFilters(SearchFilters.none().withUpdated(UpdatedWithin.LAST_7_DAYS));
      SearchResult first = index.search(recent.at(now));

      SearchResult second =
          index.search(recent.at(now.plus(Duration.ofDays(30))).withCursor(first.nextCursor()));

      assertThat(first.total()).isEqualTo(20);
      assertThat(second.total()).isEqualTo(20);
      assertThat(second.hits()).hasSize(PAGE);
    }
  }

  /** Every id the query matches now, by paging with the largest page size. */
  private static Set<String> allIds(SearchIndex index, int atMost) throws IOException {
    Set<String> ids = new HashSet<>();
    String cursor = null;
    do {
      SearchResult page =
          index.search(
              new SearchQuery(
                      "permit", List.of("en"), SearchQuery.MAX_SIZE, SampleDocuments.VISITOR)
                  .withCursor(cursor));
      ids.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null && ids.size() < atMost);
    return ids;
  }

  private static SearchQuery permitQuery() {
    return new SearchQuery("permit", List.of("en"), PAGE, SampleDocuments.VISITOR);
  }

  /** Permits whose scores differ (the word repeats) and tie (the same repeat count). */
  private static List<IndexDocument> permits(int from, int to) {
    List<IndexDocument> permits = new ArrayList<>();
    for (int i = from; i < to; i++) {
      permits.add(
          en(
              "permit-" + i,
              "Parking permit " + i,
              "Permit ".repeat(1 + i % 4) + "for residents.",
              "Apply for a parking permit online."));
    }
    return permits;
  }

  private static String key(int permit) {
    return "service:permit-" + permit + ":en";
  }

  private static List<String> ids(SearchResult result) {
    return SearchIndexTest.ids(result);
  }
}
