package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an audience may find: nothing of another tenant, above its level, outside its compartments
 * or not releasable to it.
 */
class SearchIndexVisibilityTest {
  private static final List<String> WORDS =
      List.of("passport", "licence", "permit", "benefit", "tax", "housing", "school", "parking");
  private static final List<String> COMPARTMENTS = List.of("ALPHA", "BRAVO", "CHARLIE");
  private static final List<String> NATIONS = List.of("DEMOLAND", "SAMPLESTAN", "OTHERIA");
  private static final List<String> AGENCIES = List.of("transport", "housing", "education");
  private static final List<String> SECRET_WORDS = List.of("zeppelin", "uranium", "passkey");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void anotherTenantsDocumentsAreNeverFound() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(
          List.of(
              doc("1", "passport", Visibility.publicIn("demoland")),
              doc("2", "passport", Visibility.publicIn("samplestan"))),
          List.of(),
          1);

      SearchResult demoland = index.search(query("passport", Audience.publicOf("demoland")));
      SearchResult samplestan = index.search(query("passport", Audience.publicOf("samplestan")));

      assertThat(demoland.total()).isEqualTo(1);
      assertThat(demoland.hits()).extracting(SearchHit::id).containsExactly("1");
      assertThat(samplestan.hits()).extracting(SearchHit::id).containsExactly("2");
    }
  }

  @Test
  void levelCompartmentsAndReleasabilityAllLimitWhatIsFound() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(
          List.of(
              doc("published", "permit", Visibility.publicIn("demoland")),
              doc("official", "permit", new Visibility("demoland", 0, Set.of(), Set.of())),
              doc("secret", "permit", new Visibility("demoland", 2, Set.of(), Set.of())),
              doc(
                  "secret-alpha",
                  "permit",
                  new Visibility("demoland", 2, Set.of("ALPHA"), Set.of())),
              doc(
                  "secret-alpha-bravo",
                  "permit",
                  new Visibility("demoland", 2, Set.of("ALPHA", "BRAVO"), Set.of())),
              doc("noforn", "permit", new Visibility("demoland", 0, Set.of(), Set.of("DEMOLAND"))),
              doc(
                  "rel-samplestan",
                  "permit",
                  new Visibility("demoland", 0, Set.of(), Set.of("DEMOLAND", "SAMPLESTAN")))),
          List.of(),
          1);

      assertThat(ids(index, new Audience("demoland", 0, Set.of(), "DEMOLAND")))
          .containsExactlyInAnyOrder("published", "official", "noforn", "rel-samplestan");
      assertThat(ids(index, new Audience("demoland", 2, Set.of("ALPHA"), "DEMOLAND")))
          .containsExactlyInAnyOrder(
              "published", "official", "secret", "secret-alpha", "noforn", "rel-samplestan");
      assertThat(ids(index, new Audience("demoland", 3, Set.of("ALPHA", "BRAVO"), "SAMPLESTAN")))
          .containsExactlyInAnyOrder(
              "published",
              "official",
              "secret",
              "secret-alpha",
              "secret-alpha-bravo",
              "rel-samplestan");
      // the public reads what was published, not every record at the lowest level (issue 14)
      assertThat(ids(index, Audience.publicOf("demoland"))).containsExactly("published");
    }
  }

  /** What the audience may see, what it may not, and the word it searches for. */
  record Sample(List<String> visibleWords, List<Visibility> hidden, String word) {}

  /**
   * The leak test: documents the audience may not see (above its level, in a compartment it lacks,
   * not releasable to it, of another tenant) change nothing in what it gets: not the total, the
   * hits, their order or snippets, the facets, the pages its cursors lead to, the completions or
   * the corrections — even when those documents bring words, agencies, categories and levels of
   * their own.
   */
  @Test
  void documentsAboveTheAudienceChangeNothingItSees() {
    Generator<Sample> samples =
        Generator.zip(visibleCorpus(), hiddenVisibilities(), words(), Sample::new);

    Property.check(
        60,
        samples,
        sample -> {
          Path propertyDir = Files.createTempDirectory("civic-visibility");
          try {
            hiddenDocumentsChangeNothing(
                propertyDir, sample.visibleWords(), sample.hidden(), sample.word());
          } finally {
            try (var files = Files.walk(propertyDir)) {
              files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
          }
        });
  }

  private static void hiddenDocumentsChangeNothing(
      Path propertyDir, List<String> visibleWords, List<Visibility> hidden, String word)
      throws IOException {
    Audience audience = new Audience("demoland", 1, Set.of("ALPHA"), "DEMOLAND");
    List<IndexDocument> visible = new ArrayList<>();
    for (int i = 0; i < visibleWords.size(); i++) {
      visible.add(
          doc(
                  "v" + i,
                  visibleWords.get(i),
                  new Visibility(
                      "demoland", i % 2, i % 3 == 0 ? Set.of("ALPHA") : Set.of(), Set.of()))
              .withDetails(
                  AGENCIES.get(i % AGENCIES.size()),
                  i % 4 == 0 ? "" : "roads",
                  i % 5 == 0 ? null : NOW.minus(Duration.ofDays(3L * i * i)))
              .withTranslations(Set.of("fr")));
    }
    List<IndexDocument> above = new ArrayList<>();
    for (int i = 0; i < hidden.size(); i++) {
      String text =
          word
              + " "
              + visibleWords.get(i % visibleWords.size())
              + " "
              + SECRET_WORDS.get(i % SECRET_WORDS.size());
      above.add(doc("h" + i, text, hidden.get(i)).withDetails("intelligence", "defence", NOW));
      // and a French version of a visible record that the audience may not see: it must not
      // replace the English version in a search over French and English
      String record = "v" + (i % visibleWords.size());
      above.add(
          new IndexDocument(
                  "doc:" + record + ":fr", "document", record, "fr", text, "", text, hidden.get(i))
              .withTranslations(Set.of("en")));
    }
    List<IndexDocument> all = new ArrayList<>(visible);
    all.addAll(above);

    Observed before = observe(propertyDir.resolve("a"), visible, audience, word);
    Observed after = observe(propertyDir.resolve("b"), all, audience, word);

    assertThat(after).isEqualTo(before);
  }

  /** One page of a search, without its cursor (which is opaque and differs per index). */
  record Page(
      long total,
      List<SearchHit> hits,
      Map<String, Map<String, Long>> facets,
      String didYouMean,
      boolean hasNext) {}

  /** Everything an audience gets for one word. */
  record Observed(
      List<Page> pages,
      List<String> completions,
      List<String> secretCompletions,
      String correction,
      String secretCorrection) {}

  private static Observed observe(
      Path dir, List<IndexDocument> documents, Audience audience, String word) throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(documents, List.of(), 1);
      List<Page> pages = new ArrayList<>();
      SearchQuery query =
          new SearchQuery(word, List.of("fr", "en"), 2, audience).withFacets(true).at(NOW);
      String cursor = null;
      do {
        SearchResult result = index.search(query.withCursor(cursor));
        cursor = result.nextCursor();
        pages.add(
            new Page(
                result.total(),
                result.hits(),
                result.facets(),
                result.didYouMean(),
                cursor != null));
      } while (cursor != null);
      String misspelled = word.charAt(0) + word.substring(2);
      return new Observed(
          pages,
          index.suggest("x " + word.substring(0, 2), List.of("en"), audience, 10),
          index.suggest("zep", List.of("en"), audience, 10),
          index.search(query(misspelled, audience)).didYouMean(),
          index.search(query("zepelin uranim", audience)).didYouMean());
    }
  }

  static Generator<List<String>> visibleCorpus() {
    return Generator.of(WORDS).list(1, 4).map(words -> String.join(" ", words)).list(1, 12);
  }

  static Generator<String> words() {
    return Generator.of(WORDS);
  }

  /**
   * Visibilities the audience (level 1, ALPHA, DEMOLAND) may not see, each for at least one reason.
   */
  static Generator<List<Visibility>> hiddenVisibilities() {
    Generator<Visibility> aboveLevel =
        Generator.ints(2, 4).map(level -> new Visibility("demoland", level, Set.of(), Set.of()));
    Generator<Visibility> otherCompartment =
        Generator.of("BRAVO", "CHARLIE")
            .map(c -> new Visibility("demoland", 0, Set.of("ALPHA", c), Set.of()));
    Generator<Visibility> notReleasable =
        Generator.of(NATIONS.subList(1, 3))
            .map(n -> new Visibility("demoland", 0, Set.of(), Set.of(n)));
    Generator<Visibility> otherTenant =
        Generator.zip(
            Generator.ints(0, 1),
            Generator.of(COMPARTMENTS.subList(0, 1)),
            (level, c) -> new Visibility("samplestan", level, Set.of(), Set.of()));
    return Generator.oneOf(aboveLevel, otherCompartment, notReleasable, otherTenant).list(1, 10);
  }

  private static List<String> ids(SearchIndex index, Audience audience) throws IOException {
    SearchResult result = index.search(query("permit", audience));
    assertThat(result.total()).isEqualTo(result.hits().size());
    return result.hits().stream().map(SearchHit::id).toList();
  }

  private static SearchQuery query(String text, Audience audience) {
    return new SearchQuery(text, List.of("en"), 100, audience);
  }

  private static IndexDocument doc(String id, String text, Visibility visibility) {
    return new IndexDocument("doc:" + id, "document", id, "en", text, "", text, visibility);
  }
}
