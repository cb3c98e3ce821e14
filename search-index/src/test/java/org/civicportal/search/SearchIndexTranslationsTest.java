package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search over several languages shows each record once, in the first language searched whose
 * version matches: in the hits, the total, the facets and across pages; never hidden by a version
 * the reader may not see.
 */
class SearchIndexTranslationsTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Audience CITIZEN = Audience.publicOf("demoland");
  private static final Audience OFFICER = new Audience("demoland", 1, Set.of(), "DEMOLAND");
  private static final List<String> FRENCH_READER = List.of("fr", "en");

  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void indexDocuments() throws IOException {
    List<IndexDocument> documents = new ArrayList<>();
    // a: both versions say "quokka"
    documents.addAll(
        service("a", Map.of("en", "Quokka ferry pass", "fr", "Abonnement ferry quokka"), 0));
    // b: English only
    documents.addAll(service("b", Map.of("en", "Quokka island map"), 0));
    // c: only the English version says "wombat"
    documents.addAll(service("c", Map.of("en", "Wombat boat", "fr", "Bateau de la baie"), 0));
    // d: the French version is above the citizen's level, the English one public
    IndexDocument dEnglish = version("d", "en", "Quokka permit", Set.of("fr"), 0);
    IndexDocument dFrench = version("d", "fr", "Permis quokka", Set.of("en"), 1);
    documents.add(dEnglish);
    documents.add(dFrench);
    // e: English and Arabic versions match, no French one
    documents.addAll(service("e", Map.of("en", "Quokka guide", "ar", "دليل quokka"), 0));
    // 25 records in both languages for paging
    for (int i = 0; i < 25; i++) {
      documents.addAll(
          service("h" + i, Map.of("en", "Harbour berth " + i, "fr", "Harbour place " + i), 0));
    }
    index = SearchIndex.open(dir);
    // two commits, so that versions of one record also sit in different segments
    index.apply(documents.subList(0, documents.size() / 2), List.of(), 1);
    index.apply(documents.subList(documents.size() / 2, documents.size()), List.of(), 2);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void aRecordFoundInBothLanguagesShowsOnceInTheReadersLanguage() throws IOException {
    SearchResult result = search("quokka", FRENCH_READER, CITIZEN, SearchFilters.none());

    assertThat(hits(result))
        .containsExactlyInAnyOrder("a/fr", "b/en", "d/en", "e/en")
        .doesNotHaveDuplicates();
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.facets().get("language")).containsOnly(entry("en", 3L), entry("fr", 1L));
  }

  @Test
  void aRecordWhoseReaderLanguageVersionDoesNotMatchIsFoundInTheDefaultLanguage()
      throws IOException {
    assertThat(hits(search("wombat", FRENCH_READER, CITIZEN, SearchFilters.none())))
        .containsExactly("c/en");
  }

  @Test
  void aVersionTheReaderMayNotSeeHidesNothing() throws IOException {
    assertThat(hits(search("quokka", FRENCH_READER, CITIZEN, SearchFilters.none())))
        .contains("d/en")
        .doesNotContain("d/fr");
    assertThat(hits(search("quokka", FRENCH_READER, OFFICER, SearchFilters.none())))
        .contains("d/fr")
        .doesNotContain("d/en");
  }

  @Test
  void theOrderOfTheLanguagesDecides() throws IOException {
    assertThat(hits(search("quokka", List.of("ar", "en", "fr"), CITIZEN, SearchFilters.none())))
        .containsExactlyInAnyOrder("a/en", "b/en", "d/en", "e/ar");
    assertThat(hits(search("quokka", List.of("en", "fr"), CITIZEN, SearchFilters.none())))
        .containsExactlyInAnyOrder("a/en", "b/en", "d/en", "e/en");
  }

  @Test
  void aSearchInOneLanguageShowsThatLanguageOnly() throws IOException {
    assertThat(hits(search("quokka", List.of("fr"), OFFICER, SearchFilters.none())))
        .containsExactlyInAnyOrder("a/fr", "d/fr");
  }

  @Test
  void filteringOnALanguageShowsWhatItsFacetCounted() throws IOException {
    for (Audience audience : List.of(CITIZEN, OFFICER)) {
      SearchResult all = search("quokka", FRENCH_READER, audience, SearchFilters.none());
      for (Map.Entry<String, Long> language : all.facets().get("language").entrySet()) {
        SearchResult filtered =
            search(
                "quokka",
                FRENCH_READER,
                audience,
                SearchFilters.none().withLanguage(language.getKey()));
        assertThat(filtered.total()).as(language.getKey()).isEqualTo(language.getValue());
        assertThat(hits(filtered))
            .as(language.getKey())
            .allMatch(hit -> hit.endsWith("/" + language.getKey()))
            .isSubsetOf(hits(all));
      }
    }
  }

  @Test
  void pagesHoldEachRecordOnceWithoutGaps() throws IOException {
    SearchQuery first =
        new SearchQuery("harbour", FRENCH_READER, 7, CITIZEN).withFacets(true).at(NOW);
    List<String> seen = new ArrayList<>();
    SearchResult page = index.search(first);
    int pages = 1;
    seen.addAll(hits(page));
    while (page.nextCursor() != null) {
      page = index.search(first.withCursor(page.nextCursor()));
      assertThat(page.total()).isEqualTo(25);
      seen.addAll(hits(page));
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates().allMatch(hit -> hit.endsWith("/fr"));
    assertThat(new HashSet<>(seen.stream().map(hit -> hit.split("/")[0]).toList())).hasSize(25);
  }

  @Test
  void aCorrectionIsOfferedOnlyIfItFindsMoreRecords() throws IOException {
    // "ferry" (only service a has it, in both languages) adds a to c
    assertThat(search("wombat OR ferrx", FRENCH_READER, CITIZEN, SearchFilters.none()).didYouMean())
        .isEqualTo("wombat OR ferry");
    // "ferry" finds a again, in English too: the same record, so no correction is offered
    assertThat(
            search("abonnement OR ferrx", FRENCH_READER, CITIZEN, SearchFilters.none())
                .didYouMean())
        .isNull();
  }

  private static SearchResult search(
      String text, List<String> languages, Audience audience, SearchFilters filters)
      throws IOException {
    return index.search(
        new SearchQuery(text, languages, 50, audience)
            .withFilters(filters)
            .withFacets(true)
            .at(NOW));
  }

  private static List<String> hits(SearchResult result) {
    return result.hits().stream().map(hit -> hit.id() + "/" + hit.language()).toList();
  }

  private static List<IndexDocument> service(String id, Map<String, String> titles, int level) {
    List<IndexDocument> versions = new ArrayList<>();
    titles.forEach(
        (language, title) -> versions.add(version(id, language, title, titles.keySet(), level)));
    return versions;
  }

  private static IndexDocument version(
      String id, String language, String title, Set<String> languages, int level) {
    return new IndexDocument(
            "service:" + id + ":" + language,
            "service",
            id,
            language,
            title,
            "",
            title + ".",
            level == 0
                ? Visibility.publicIn("demoland")
                : new Visibility("demoland", level, Set.of(), Set.of()))
        .withDetails("transport", "travel", NOW)
        .withTranslations(languages);
  }
}
