package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completions and "did you mean", from visible documents only. */
class SearchIndexSuggestTest {

  static final Audience VISITOR = SampleDocuments.VISITOR;
  static final Audience CLEARED = new Audience(SampleDocuments.TENANT, 3, Set.of(), null);

  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void indexDocuments() throws IOException {
    Visibility secret = new Visibility(SampleDocuments.TENANT, 3, Set.of(), Set.of());
    index = SearchIndex.open(dir);
    index.rebuild(
        List.of(
            doc(
                "p1",
                "en",
                "Passport renewal",
                "Renew your passport online.",
                SampleDocuments.PUBLIC),
            doc(
                "p2",
                "en",
                "Passport photos",
                "Rules for passport photos.",
                SampleDocuments.PUBLIC),
            doc("p3", "en", "Parking permits", "Residents parking.", SampleDocuments.PUBLIC),
            doc("p4", "en", "Passenger rights", "When a train is late.", SampleDocuments.PUBLIC),
            doc("f1", "fr", "Démarches en ligne", "Une démarche simple.", SampleDocuments.PUBLIC),
            doc("f2", "fr", "Demarche papier", "Formulaire.", SampleDocuments.PUBLIC),
            // only the cleared audience may see these words
            doc("s1", "en", "Passkey zeppelin programme", "Zeppelin trials.", secret),
            doc("s2", "en", "Parkland zeppelin base", "Passport of agents.", secret)),
        1);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void lastWordIsCompletedByVisibleCountThenAlphabet() throws IOException {
    List<String> suggestions = index.suggest("renew pa", List.of("en"), VISITOR, 10);

    // passport in 2 visible documents, parking in 1 (twice in it), passenger in 1
    assertThat(suggestions)
        .containsExactly("renew passport", "renew parking", "renew passenger")
        .doesNotContain("renew passkey", "renew parkland");
  }

  @Test
  void maxLimitsTheSuggestions() throws IOException {
    List<String> suggestions = index.suggest("Pa", List.of("en"), VISITOR, 2);

    assertThat(suggestions).containsExactly("passport", "parking");
  }

  @Test
  void prefixTypedWithoutAccentsCompletesAccentedWords() throws IOException {
    List<String> unaccented = index.suggest("deMAR", List.of("fr"), VISITOR, 10);
    List<String> accented = index.suggest("dém", List.of("fr"), VISITOR, 10);

    assertThat(unaccented).containsExactly("demarche", "démarche", "démarches");
    assertThat(accented).isEqualTo(unaccented);
  }

  @Test
  void wordOnlyInDocumentsAboveClearanceIsNeverSuggested() throws IOException {
    List<String> visitor = index.suggest("zep", List.of("en"), VISITOR, 10);
    List<String> cleared = index.suggest("zep", List.of("en"), CLEARED, 10);

    assertThat(visitor).isEmpty();
    assertThat(cleared).containsExactly("zeppelin");
  }

  @Test
  void hiddenDocumentsDoNotChangeTheVisibleCounts() throws IOException {
    // "passport" is in two visible and one secret document; "passkey" in a secret one only
    List<String> visitor = index.suggest("pass", List.of("en"), VISITOR, 10);
    List<String> cleared = index.suggest("pass", List.of("en"), CLEARED, 10);

    assertThat(visitor).containsExactly("passport", "passenger");
    assertThat(cleared).containsExactly("passport", "passenger", "passkey");
  }

  @Test
  void shortOrEmptyLastWordGetsNothing() throws IOException {
    assertThat(index.suggest("p", List.of("en"), VISITOR, 10)).isEmpty();
    assertThat(index.suggest("passport ", List.of("en"), VISITOR, 10)).isEmpty();
    assertThat(index.suggest("", List.of("en"), VISITOR, 10)).isEmpty();
    assertThat(index.suggest(null, List.of("en"), VISITOR, 10)).isEmpty();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> index.suggest("a".repeat(1001), List.of("en"), VISITOR, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.suggest("pa", List.of("xx"), VISITOR, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.suggest("pa", List.of("en"), VISITOR, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void misspelledWordGetsTheNearestVisibleWord() throws IOException {
    SearchResult result = index.search(query("pasport renewal", VISITOR));

    assertThat(result.total()).isZero();
    assertThat(result.didYouMean()).isEqualTo("passport renewal");
  }

  @Test
  void transposedLettersAreOneEdit() throws IOException {
    SearchResult result = index.search(query("pasprot", VISITOR));

    assertThat(result.didYouMean()).isEqualTo("passport");
  }

  @Test
  void correctionIsNeverAWordOnlyHiddenDocumentsHave() throws IOException {
    SearchResult visitor = index.search(query("zepelin", VISITOR));
    SearchResult cleared = index.search(query("zepelin", CLEARED));

    assertThat(visitor.total()).isZero();
    assertThat(visitor.didYouMean()).isNull();
    assertThat(cleared.didYouMean()).isEqualTo("zeppelin");
  }

  @Test
  void searchThatFindsEnoughGetsNoCorrection() throws IOException {
    SearchResult result = index.search(query("passport", VISITOR));

    assertThat(result.total()).isEqualTo(2);
    assertThat(result.didYouMean()).isNull();
  }

  @Test
  void correctionThatFindsNoMoreIsNotOffered() throws IOException {
    // "tarin" is one edit from "train", but no document has both "passport" and "train"
    SearchResult result = index.search(query("passport tarin", VISITOR));

    assertThat(result.didYouMean()).isNull();
  }

  private static SearchQuery query(String text, Audience audience) {
    return new SearchQuery(text, List.of("en"), 10, audience);
  }

  private static IndexDocument doc(
      String id, String language, String title, String summary, Visibility visibility) {
    return new IndexDocument("doc:" + id, "page", id, language, title, summary, "", visibility);
  }
}
