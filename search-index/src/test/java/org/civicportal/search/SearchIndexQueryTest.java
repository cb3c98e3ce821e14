package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.civicportal.search.SampleDocuments.en;
import static org.civicportal.search.SearchIndexTest.ids;
import static org.civicportal.search.SearchIndexTest.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What citizens can type and what they get back, on a handful of short service pages. */
class SearchIndexQueryTest {

  private static final IndexDocument COUNCIL_TAX =
      en(
          "council-tax",
          "Pay your Council Tax",
          "",
          "<script>alert(1)</script> Pay your council tax online, by Direct Debit or by phone."
              + " Contact your council if you cannot pay.");

  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void indexSampleDocuments() throws IOException {
    index = SearchIndex.open(dir);
    index.rebuild(Stream.concat(SampleDocuments.ALL.stream(), Stream.of(COUNCIL_TAX)).toList(), 1);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void unaccentedFrenchWordFindsAccentedText() throws IOException {
    SearchQuery typedWithoutAccents = query("demarche", "fr");

    SearchResult result = index.search(typedWithoutAccents);

    assertThat(ids(result)).containsExactlyInAnyOrder("passeport", "carte-identite");
  }

  @Test
  void unaccentedFrenchPhraseFindsAccentedPhrase() throws IOException {
    SearchQuery typedWithoutAccents = query("\"etat civil\"", "fr");

    SearchResult result = index.search(typedWithoutAccents);

    assertThat(ids(result)).containsExactly("etat-civil");
  }

  @Test
  void accentedQueryStillMatches() throws IOException {
    SearchQuery accented = query("démarches", "fr");

    SearchResult result = index.search(accented);

    assertThat(ids(result)).containsExactlyInAnyOrder("passeport", "carte-identite");
  }

  @Test
  void englishPluralFindsSingular() throws IOException {
    SearchQuery plural = query("passports", "en");

    SearchResult result = index.search(plural);

    assertThat(ids(result)).containsExactlyInAnyOrder("passport", "renew-passport");
  }

  @Test
  void everyWordIsRequired() throws IOException {
    SearchQuery twoWords = query("renew licence", "en");

    SearchResult result = index.search(twoWords);

    assertThat(ids(result)).containsExactly("driving-licence");
  }

  @Test
  void minusExcludesWord() throws IOException {
    SearchQuery renewButNotPassport = query("renew -passport", "en");

    SearchResult result = index.search(renewButNotPassport);

    assertThat(ids(result)).containsExactly("driving-licence");
  }

  @Test
  void quotedPhraseNeedsWordsInOrder() throws IOException {
    SearchResult inOrder = index.search(query("\"driving licence\"", "en"));

    SearchResult reversed = index.search(query("\"licence driving\"", "en"));

    assertThat(ids(inOrder)).containsExactly("driving-licence");
    assertThat(reversed.total()).isZero();
  }

  @Test
  void starMatchesWordPrefix() throws IOException {
    SearchQuery prefix = query("pass*", "en");

    SearchResult result = index.search(prefix);

    assertThat(ids(result)).containsExactlyInAnyOrder("passport", "renew-passport");
  }

  @Test
  void wholeWordWithStarAlsoFindsItsOtherForms() throws IOException {
    SearchResult french = index.search(query("demarche*", "fr"));

    SearchResult english = index.search(query("renewing*", "en"));

    assertThat(ids(french)).containsExactlyInAnyOrder("passeport", "carte-identite");
    assertThat(ids(english)).containsExactlyInAnyOrder("renew-passport", "driving-licence");
  }

  @Test
  void uppercaseOrFindsEitherWord() throws IOException {
    SearchQuery either = query("visa OR licence", "en");

    SearchResult result = index.search(either);

    assertThat(ids(result)).containsExactlyInAnyOrder("visitor-visa", "driving-licence");
  }

  @Test
  void lowercaseOrIsAnOrdinaryWord() throws IOException {
    SearchQuery lowercase = query("visa or licence", "en");

    SearchResult result = index.search(lowercase);

    assertThat(result.total()).isZero();
  }

  @Test
  void titleMatchRanksAboveBodyOnlyMatch(@TempDir Path own) throws IOException {
    try (SearchIndex fresh = SearchIndex.open(own)) {
      IndexDocument inBody = en("in-body", "Council services", "", "Apply online or by phone.");
      IndexDocument inTitle = en("in-title", "Online services", "", "Apply by phone.");
      fresh.rebuild(List.of(inBody, inTitle), 1);

      SearchResult result = fresh.search(query("online", "en"));

      assertThat(ids(result)).containsExactly("in-title", "in-body");
    }
  }

  @Test
  void snippetMarksMatchesAndEscapesHtml() throws IOException {
    SearchQuery word = query("council", "en");

    String snippet = index.search(word).hits().get(0).snippet();

    assertThat(snippet)
        .contains("<mark>council</mark>")
        .contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
        .doesNotContain("<script");
  }

  @Test
  void snippetFallsBackToEscapedSummaryStartWhenOnlyTitleMatches(@TempDir Path own)
      throws IOException {
    try (SearchIndex fresh = SearchIndex.open(own)) {
      String summary = "Find out which day your rubbish & recycling is picked up.";
      fresh.rebuild(
          List.of(en("bins", "Household waste calendar", summary, "Put the box out.")), 1);

      SearchHit hit = fresh.search(query("calendar", "en")).hits().get(0);

      assertThat(hit.snippet())
          .isEqualTo("Find out which day your rubbish &amp; recycling is picked up.");
    }
  }

  @Test
  void snippetOfLongBodyStaysShort(@TempDir Path own) throws IOException {
    String filler = "Residents may apply in person at the town hall during opening hours. ";
    String body =
        filler.repeat(40) + "Bring a utility bill as proof of address. " + filler.repeat(40);
    try (SearchIndex fresh = SearchIndex.open(own)) {
      fresh.rebuild(List.of(en("parking", "Residents parking", "", body)), 1);

      String snippet = fresh.search(query("utility bill", "en")).hits().get(0).snippet();

      assertThat(snippet).contains("<mark>utility</mark>").hasSizeLessThanOrEqualTo(360);
    }
  }

  @ParameterizedTest
  @MethodSource("textsLeavingNothingToSearch")
  void textLeavingNothingToSearchGivesNoHits(String text) throws IOException {
    SearchQuery nothing = query(text, "en");

    SearchResult result = index.search(nothing);

    assertThat(result.total()).isZero();
    assertThat(result.hits()).isEmpty();
  }

  static Stream<String> textsLeavingNothingToSearch() {
    return Stream.of("", "   ", "\"(*", "the of and", "-", "\"", "()", "|", "+", "OR");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileTextNeverThrows(String text) {
    SearchQuery hostile = new SearchQuery(text, List.of("en", "fr"), 10, SampleDocuments.VISITOR);

    assertThatCode(() -> index.search(hostile)).doesNotThrowAnyException();
  }

  static Stream<String> hostileTexts() {
    return Stream.of(
        "*",
        "\\",
        "passport\\",
        "\"unbalanced quote",
        "passport\"",
        "((((passport",
        "passport))))",
        "~",
        "passport~2",
        "\"apply passport\"~3",
        "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t* u* v* w*",
        "OR OR OR OR",
        "passport OR ".repeat(83),
        "x|".repeat(500),
        "-".repeat(1000),
        "\u202Etrop\u202C \uD83D\uDE00 \u0000 \uFEFF",
        "<script>alert(1)</script>",
        "' OR 1=1 --");
  }
}
