package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
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

  @TempDir Path dir;

  @Test
  void anotherTenantsDocumentsAreNeverFound() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(
          List.of(
              doc("1", "passport", new Visibility("demoland", 0, Set.of(), Set.of())),
              doc("2", "passport", new Visibility("samplestan", 0, Set.of(), Set.of()))),
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
          .containsExactlyInAnyOrder("official", "noforn", "rel-samplestan");
      assertThat(ids(index, new Audience("demoland", 2, Set.of("ALPHA"), "DEMOLAND")))
          .containsExactlyInAnyOrder(
              "official", "secret", "secret-alpha", "noforn", "rel-samplestan");
      assertThat(ids(index, new Audience("demoland", 3, Set.of("ALPHA", "BRAVO"), "SAMPLESTAN")))
          .containsExactlyInAnyOrder(
              "official", "secret", "secret-alpha", "secret-alpha-bravo", "rel-samplestan");
      assertThat(ids(index, Audience.publicOf("demoland"))).containsExactly("official");
    }
  }

  private Path propertyDir;

  @BeforeTry
  void createDir() throws IOException {
    propertyDir = Files.createTempDirectory("civic-visibility");
  }

  @AfterTry
  void deleteDir() throws IOException {
    try (var files = Files.walk(propertyDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * The leak test: documents the audience may not see change nothing in what it gets, not the
   * total, not the hits, not their order or snippets.
   */
  @Property(tries = 60)
  void documentsAboveTheAudienceChangeNothingItSees(
      @ForAll("visibleCorpus") List<String> visibleWords,
      @ForAll("hiddenVisibilities") List<Visibility> hidden,
      @ForAll("words") String word)
      throws IOException {
    Audience audience = new Audience("demoland", 1, Set.of("ALPHA"), "DEMOLAND");
    List<IndexDocument> visible = new ArrayList<>();
    for (int i = 0; i < visibleWords.size(); i++) {
      visible.add(
          doc(
              "v" + i,
              visibleWords.get(i),
              new Visibility(
                  "demoland", i % 2, i % 3 == 0 ? Set.of("ALPHA") : Set.of(), Set.of())));
    }
    List<IndexDocument> above = new ArrayList<>();
    for (int i = 0; i < hidden.size(); i++) {
      above.add(
          doc("h" + i, word + " " + visibleWords.get(i % visibleWords.size()), hidden.get(i)));
    }

    SearchResult before;
    SearchResult after;
    try (SearchIndex index = SearchIndex.open(propertyDir.resolve("a"))) {
      index.apply(visible, List.of(), 1);
      before = index.search(query(word, audience));
    }
    try (SearchIndex index = SearchIndex.open(propertyDir.resolve("b"))) {
      List<IndexDocument> all = new ArrayList<>(visible);
      all.addAll(above);
      index.apply(all, List.of(), 1);
      after = index.search(query(word, audience));
    }

    assertThat(after).isEqualTo(before);
  }

  @Provide
  Arbitrary<List<String>> visibleCorpus() {
    return Arbitraries.of(WORDS)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(words -> String.join(" ", words))
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of(WORDS);
  }

  /**
   * Visibilities the audience (level 1, ALPHA, DEMOLAND) may not see, each for at least one reason.
   */
  @Provide
  Arbitrary<List<Visibility>> hiddenVisibilities() {
    Arbitrary<Visibility> aboveLevel =
        Arbitraries.integers()
            .between(2, 4)
            .map(level -> new Visibility("demoland", level, Set.of(), Set.of()));
    Arbitrary<Visibility> otherCompartment =
        Arbitraries.of("BRAVO", "CHARLIE")
            .map(c -> new Visibility("demoland", 0, Set.of("ALPHA", c), Set.of()));
    Arbitrary<Visibility> notReleasable =
        Arbitraries.of(NATIONS.subList(1, 3))
            .map(n -> new Visibility("demoland", 0, Set.of(), Set.of(n)));
    Arbitrary<Visibility> otherTenant =
        Combinators.combine(
                Arbitraries.integers().between(0, 1), Arbitraries.of(COMPARTMENTS.subList(0, 1)))
            .as((level, c) -> new Visibility("samplestan", level, Set.of(), Set.of()));
    return Arbitraries.oneOf(aboveLevel, otherCompartment, notReleasable, otherTenant)
        .list()
        .ofMinSize(1)
        .ofMaxSize(10);
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
