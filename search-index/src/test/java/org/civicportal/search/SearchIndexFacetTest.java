package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.civicportal.search.SearchIndexTest.ids;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facets and drill-down filters: exact counts over the hits of the total, nothing above the
 * audience's clearance, filters that narrow without reordering.
 */
class SearchIndexFacetTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Audience OFFICER = new Audience("demoland", 1, Set.of(), "DEMOLAND");

  @TempDir static Path dir;
  private static SearchIndex index;

  /**
   * 12 permit documents the officer may see (level 0 and 1), plus 5 it may not: level 2, another
   * tenant, a compartment. The hidden ones bring agencies ("intelligence"), a category ("defence")
   * and a level ("2") that no visible document has.
   */
  @BeforeAll
  static void indexDocuments() throws IOException {
    List<IndexDocument> documents = new ArrayList<>();
    String[] agencies = {"transport", "transport", "housing", "", "transport", "housing"};
    String[] categories = {"roads", "roads", "homes", "roads", "", "homes"};
    int[] ageDays = {1, 3, 10, 20, 100, 400};
    for (int i = 0; i < 12; i++) {
      int k = i % 6;
      documents.add(
          permit(
              "v" + i,
              i < 8 ? "service" : "page",
              i % 4 == 0 ? "fr" : "en",
              agencies[k],
              categories[k],
              i == 11 ? null : NOW.minus(Duration.ofDays(ageDays[k])),
              new Visibility("demoland", i % 3 == 0 ? 1 : 0, Set.of(), Set.of())));
    }
    documents.add(
        permit(
            "h0",
            "service",
            "en",
            "intelligence",
            "defence",
            NOW,
            new Visibility("demoland", 2, Set.of(), Set.of())));
    documents.add(
        permit(
            "h1",
            "dossier",
            "en",
            "intelligence",
            "defence",
            NOW,
            new Visibility("demoland", 2, Set.of(), Set.of())));
    documents.add(
        permit(
            "h2",
            "service",
            "en",
            "transport",
            "roads",
            NOW,
            new Visibility("samplestan", 0, Set.of(), Set.of())));
    documents.add(
        permit(
            "h3",
            "service",
            "en",
            "transport",
            "roads",
            NOW,
            new Visibility("demoland", 0, Set.of("ALPHA"), Set.of())));
    documents.add(
        permit(
            "h4",
            "service",
            "en",
            "housing",
            "homes",
            NOW,
            new Visibility("demoland", 0, Set.of(), Set.of("SAMPLESTAN"))));
    index = SearchIndex.open(dir);
    index.rebuild(documents, 1);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void facetsCountExactlyTheVisibleHits() throws IOException {
    SearchResult result = index.search(query(SearchFilters.none()));

    assertThat(result.total()).isEqualTo(12);
    Map<String, Map<String, Long>> facets = result.facets();
    assertThat(facets.keySet())
        .containsExactly("type", "agency", "category", "language", "level", "updated");
    assertThat(facets.get("type")).containsExactly(entry("service", 8L), entry("page", 4L));
    assertThat(facets.get("agency")).containsExactly(entry("transport", 6L), entry("housing", 4L));
    assertThat(facets.get("category")).containsExactly(entry("roads", 6L), entry("homes", 4L));
    assertThat(facets.get("language")).containsExactly(entry("en", 9L), entry("fr", 3L));
    assertThat(facets.get("level")).containsExactly(entry("0", 8L), entry("1", 4L));
    // ages 1,3,10,20,100,400 days twice; v11 (age 400) has no date
    assertThat(facets.get("updated"))
        .containsExactly(entry("365d", 10L), entry("30d", 8L), entry("7d", 4L), entry("older", 1L));
  }

  @Test
  void nothingAboveClearanceShowsInFacets() throws IOException {
    SearchResult result = index.search(query(SearchFilters.none()));

    assertThat(result.facets().get("agency")).doesNotContainKey("intelligence");
    assertThat(result.facets().get("category")).doesNotContainKey("defence");
    assertThat(result.facets().get("type")).doesNotContainKey("dossier");
    assertThat(result.facets().get("level")).doesNotContainKey("2");
  }

  @Test
  void clearedAudienceSeesTheHiddenValues() throws IOException {
    Audience cleared = new Audience("demoland", 2, Set.of("ALPHA"), "SAMPLESTAN");

    SearchResult result =
        index.search(
            new SearchQuery("permit", List.of("en", "fr"), 5, cleared).withFacets(true).at(NOW));

    assertThat(result.facets().get("agency")).containsEntry("intelligence", 2L);
    assertThat(result.facets().get("level")).containsEntry("2", 2L);
    assertThat(result.facets().get("type")).containsEntry("dossier", 1L);
  }

  @Test
  void facetsAreCountedOverTheFilteredResult() throws IOException {
    SearchFilters transport = SearchFilters.none().withAgency("transport");

    SearchResult result = index.search(query(transport));

    assertThat(result.total()).isEqualTo(6);
    assertThat(result.facets().get("agency")).containsExactly(entry("transport", 6L));
    assertThat(result.facets().get("category")).containsExactly(entry("roads", 4L));
  }

  @Test
  void everyFilterNarrowsToItsValue() throws IOException {
    SearchFilters none = SearchFilters.none();

    assertThat(index.search(query(none.withTypes(Set.of("page")))).total()).isEqualTo(4);
    assertThat(index.search(query(none.withTypes(Set.of("page", "service")))).total())
        .isEqualTo(12);
    assertThat(index.search(query(none.withCategory("homes"))).total()).isEqualTo(4);
    assertThat(index.search(query(none.withLanguage("fr"))).total()).isEqualTo(3);
    assertThat(index.search(query(none.withLevel(1))).total()).isEqualTo(4);
    assertThat(index.search(query(none.withLevel(2))).total()).isZero();
    assertThat(index.search(query(none.withUpdated(UpdatedWithin.LAST_7_DAYS))).total())
        .isEqualTo(4);
    assertThat(index.search(query(none.withUpdated(UpdatedWithin.OLDER))).total()).isEqualTo(1);
    assertThat(
            index
                .search(query(none.withAgency("transport").withUpdated(UpdatedWithin.LAST_30_DAYS)))
                .total())
        .isEqualTo(4);
  }

  @Test
  void filterDoesNotReorderWhatRemains() throws IOException {
    SearchResult all = index.search(query(SearchFilters.none()).withFacets(false));
    SearchResult pages = index.search(query(SearchFilters.none().withTypes(Set.of("page"))));

    List<String> pageIdsInFullOrder =
        all.hits().stream().filter(hit -> hit.type().equals("page")).map(SearchHit::id).toList();
    assertThat(ids(pages)).isEqualTo(pageIdsInFullOrder);
  }

  @Test
  void facetsAreLeftOutUnlessAsked() throws IOException {
    SearchResult result = index.search(query(SearchFilters.none()).withFacets(false));

    assertThat(result.facets()).isEmpty();
    assertThat(result.total()).isEqualTo(12);
  }

  @Test
  void dateRangesMoveWithNow() throws IOException {
    SearchQuery later = query(SearchFilters.none()).at(NOW.plus(Duration.ofDays(300)));

    SearchResult result = index.search(later);

    // ages are now 301, 303, 310, 320, 400 and 700 days
    assertThat(result.facets().get("updated"))
        .containsExactly(entry("365d", 8L), entry("older", 3L));
  }

  private static SearchQuery query(SearchFilters filters) {
    return new SearchQuery("permit", List.of("en", "fr"), 20, OFFICER)
        .withFilters(filters)
        .withFacets(true)
        .at(NOW);
  }

  private static IndexDocument permit(
      String id,
      String type,
      String language,
      String agency,
      String category,
      Instant updated,
      Visibility visibility) {
    String title = language.equals("fr") ? "Permis " + id : "Permit " + id;
    String body =
        language.equals("fr") ? "Demande de permit en ligne." : "Apply for a permit online.";
    return new IndexDocument("doc:" + id, type, id, language, title, "", body, visibility)
        .withDetails(agency, category, updated);
  }
}
