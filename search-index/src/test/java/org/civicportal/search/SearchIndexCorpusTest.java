package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real government pages: 400 service-public.fr pages and the Government of Canada service inventory
 * in English and French. Totals are checked against counts made here by reading the text, not by
 * asking Lucene.
 */
class SearchIndexCorpusTest {

  private static final int PAGES = 400;

  @TempDir static Path dir;
  private static SearchIndex index;
  private static List<IndexDocument> pages;
  private static List<IndexDocument> services;

  @BeforeAll
  static void indexCorpus() throws IOException {
    if (!Corpus.available()) {
      return;
    }
    pages = Corpus.servicePublicPages(PAGES);
    services = Corpus.serviceInventory();
    List<IndexDocument> all = new ArrayList<>(pages);
    all.addAll(services);
    index = SearchIndex.open(dir);
    index.rebuild(all, 1);
  }

  @BeforeEach
  void requireCorpus() {
    // Assumed per test rather than in @BeforeAll, so that a run without the corpus reports each
    // test as skipped instead of reporting none.
    Assumptions.assumeTrue(Corpus.available(), "no corpus at " + Corpus.root().toAbsolutePath());
  }

  @AfterAll
  static void closeIndex() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void everyDocumentIsIndexedOnce() throws IOException {
    int expected = pages.size() + services.size();

    int count = index.documentCount();

    assertThat(pages).hasSize(PAGES);
    assertThat(count).isEqualTo(expected);
  }

  @Test
  void frenchTotalEqualsPagesContainingTheWord() throws IOException {
    long expected = count(pages, containsAnyWord("passeport", "passeports"));

    SearchResult result =
        index.search(new SearchQuery("passeport", List.of("fr"), 10, SampleDocuments.VISITOR));

    assertThat(expected).isGreaterThan(10);
    assertThat(result.total()).isEqualTo(expected + count(services, frenchWith("passeport")));
  }

  @Test
  void unaccentedFrenchTotalEqualsPagesContainingTheAccentedWord() throws IOException {
    long expected = count(pages, containsAnyWord("démarche", "démarches"));

    SearchResult result =
        index.search(new SearchQuery("demarche", List.of("fr"), 10, SampleDocuments.VISITOR));

    assertThat(expected).isGreaterThan(10);
    assertThat(result.total()).isEqualTo(expected + count(services, frenchWith("démarche")));
  }

  @Test
  void englishTotalEqualsServicesContainingTheWord() throws IOException {
    long expected = count(services, englishWith("passport"));

    SearchResult result =
        index.search(new SearchQuery("passports", List.of("en"), 10, SampleDocuments.VISITOR));

    assertThat(expected).isGreaterThan(3);
    assertThat(result.total()).isEqualTo(expected);
    assertThat(result.hits()).allMatch(hit -> hit.language().equals("en"));
  }

  @Test
  void frenchSearchReturnsOnlyFrenchDocuments() throws IOException {
    SearchQuery french = new SearchQuery("service", List.of("fr"), 100, SampleDocuments.VISITOR);

    SearchResult result = index.search(french);

    assertThat(result.hits()).isNotEmpty().allMatch(hit -> hit.language().equals("fr"));
  }

  @Test
  void snippetsHighlightTheWordAndCarryNoMarkup() throws IOException {
    SearchQuery word = new SearchQuery("passeport", List.of("fr"), 20, SampleDocuments.VISITOR);

    SearchResult result = index.search(word);

    assertThat(result.hits())
        .hasSize(20)
        .allSatisfy(
            hit ->
                assertThat(hit.snippet())
                    .containsIgnoringCase("<mark>passeport")
                    .doesNotContain("<script", "<a ", "\n")
                    .hasSizeLessThanOrEqualTo(400));
  }

  @Test
  void naughtyStringsAndXssPayloadsNeverThrow() throws IOException {
    List<String> payloads = new ArrayList<>(Corpus.payloads("blns/blns.txt"));
    payloads.addAll(Corpus.payloads("payloadbox-xss/xss-payload-list.txt"));
    payloads.addAll(Corpus.payloads("payloadbox-sqli/detect_Generic_SQLI.txt"));

    for (String payload : payloads) {
      if (payload.length() <= SearchQuery.MAX_LENGTH) {
        SearchQuery hostile =
            new SearchQuery(payload, List.of("en", "fr"), 5, SampleDocuments.VISITOR);

        assertThatCode(() -> index.search(hostile)).as(payload).doesNotThrowAnyException();
      }
    }
  }

  private static Predicate<IndexDocument> containsAnyWord(String... words) {
    Set<String> wanted = Set.of(words);
    return document -> {
      Set<String> found = Corpus.words(document.title());
      found.addAll(Corpus.words(document.summary()));
      found.addAll(Corpus.words(document.body()));
      return found.stream().anyMatch(wanted::contains);
    };
  }

  private static Predicate<IndexDocument> englishWith(String word) {
    Predicate<IndexDocument> english = document -> document.language().equals("en");
    return english.and(containsAnyWord(word, word + "s"));
  }

  private static Predicate<IndexDocument> frenchWith(String word) {
    Predicate<IndexDocument> french = document -> document.language().equals("fr");
    return french.and(containsAnyWord(word, word + "s"));
  }

  private static long count(List<IndexDocument> documents, Predicate<IndexDocument> predicate) {
    return documents.stream().filter(predicate).count();
  }
}
