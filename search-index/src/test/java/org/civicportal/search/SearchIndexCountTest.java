package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Totals and facet counts against a model of the index: several thousand random documents in
 * several segments, some replaced (so segments hold deleted documents), at random levels, tenants
 * and compartments. Every query shape is counted both ways the search counts (in a pass of its own
 * for words, prefixes and ORs, whose best hits BM25 finds by skipping; alongside scoring for
 * conjunctions, exclusions and phrases), with more than Lucene's 1,000-hit counting threshold of
 * visible matches, with filters, on one thread and on several.
 */
class SearchIndexCountTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Audience OFFICER = new Audience("demoland", 1, Set.of("alpha"), "DEMOLAND");
  private static final Audience CITIZEN = Audience.publicOf("demoland");
  private static final String[] WORDS = {
    "river", "castle", "garden", "market", "harbour", "tunnel"
  };
  private static final double[] WORD_WEIGHTS = {6, 2, 2, 2, 1, 1};
  private static final String[] TYPES = {"service", "page", "document"};
  private static final String[] AGENCIES = {"transport", "housing", "health", ""};
  private static final String[] CATEGORIES = {"roads", "homes", ""};

  @TempDir static Path dir;
  private static SearchIndex oneThread;
  private static SearchIndex twoThreads;
  private static final Map<String, Model> documents = new LinkedHashMap<>();

  /** What the test knows of one indexed document. */
  private record Model(IndexDocument document, List<String> words) {}

  @BeforeAll
  static void indexDocuments() throws IOException {
    Random random = new Random(20261126);
    try (SearchIndex writer = SearchIndex.open(dir.resolve("one"))) {
      for (int batch = 0; batch < 6; batch++) {
        List<IndexDocument> changed = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
          // the last batch replaces documents of the earlier ones: deleted documents in segments
          int n = batch < 5 ? batch * 800 + i : random.nextInt(4000);
          Model model = randomDocument(n, random);
          documents.put(model.document().key(), model);
          changed.add(model.document());
        }
        writer.apply(changed, List.of(), batch + 1);
      }
    }
    // the same commits in a second directory: each index holds its directory's write lock
    Files.createDirectories(dir.resolve("two"));
    try (Stream<Path> files = Files.list(dir.resolve("one"))) {
      for (Path file :
          files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(file, dir.resolve("two").resolve(file.getFileName()));
      }
    }
    oneThread = SearchIndex.open(dir.resolve("one"), 1);
    twoThreads = SearchIndex.open(dir.resolve("two"), 2);
  }

  @AfterAll
  static void closeIndexes() throws IOException {
    oneThread.close();
    twoThreads.close();
  }

  static List<String> queries() {
    return List.of(
        "river", "gard*", "river OR tunnel", "river castle", "river -tunnel", "\"river castle\"");
  }

  @Test
  void theQueriesCoverBothWaysOfCounting() {
    CitizenQueryParser parser = new CitizenQueryParser(LanguageAnalyzers.perField());
    Map<String, Boolean> skipping = new TreeMap<>();
    for (String text : queries()) {
      skipping.put(text, PageSearch.skipsWell(parser.parse(text, List.of("en")).orElseThrow()));
    }
    assertThat(skipping)
        .containsEntry("river", true)
        .containsEntry("gard*", true)
        .containsEntry("river OR tunnel", true)
        .containsEntry("river castle", false)
        .containsEntry("river -tunnel", false)
        .containsEntry("\"river castle\"", false);
  }

  @Test
  void theModelHasMoreVisibleMatchesThanLuceneCountsExactlyByDefault() {
    assertThat(matching("river", OFFICER, SearchFilters.none())).hasSizeGreaterThan(1000);
  }

  @ParameterizedTest
  @MethodSource("queries")
  void totalsAndFacetsAreThoseOfTheVisibleMatches(String text) throws IOException {
    List<SearchFilters> filters =
        List.of(
            SearchFilters.none(),
            SearchFilters.none().withTypes(Set.of("document", "page")),
            SearchFilters.none().withAgency("transport").withUpdated(UpdatedWithin.LAST_365_DAYS));
    for (Audience audience : List.of(OFFICER, CITIZEN)) {
      for (SearchFilters filter : filters) {
        List<IndexDocument> expected = matching(text, audience, filter);
        for (SearchIndex index : List.of(oneThread, twoThreads)) {
          for (boolean facets : new boolean[] {true, false}) {
            SearchResult result =
                index.search(
                    new SearchQuery(text, List.of("en"), 10, audience)
                        .withFilters(filter)
                        .withFacets(facets)
                        .at(NOW));

            String what = text + " for " + audience + " with " + filter + ", facets " + facets;
            assertThat(result.total()).as(what).isEqualTo(expected.size());
            assertThat(result.facets()).as(what).isEqualTo(facets ? facets(expected) : Map.of());
          }
        }
      }
    }
  }

  private static Model randomDocument(int n, Random random) {
    List<String> words = new ArrayList<>();
    for (int w = 4 + random.nextInt(8); w > 0; w--) {
      words.add(weighted(random));
    }
    String tenant = random.nextInt(10) == 0 ? "elsewhere" : "demoland";
    // a third published to the public, the rest staff records (at the lowest level too)
    Visibility visibility =
        random.nextInt(3) == 0
            ? Visibility.publicIn(tenant)
            : new Visibility(
                tenant,
                random.nextInt(3),
                random.nextInt(5) == 0 ? Set.of("alpha") : Set.of(),
                Set.of());
    // half a day past a whole number of days: never on the edge of a date range
    Instant updated =
        random.nextInt(20) == 0
            ? null
            : NOW.minus(Duration.ofDays(random.nextInt(800)).plusHours(12));
    IndexDocument document =
        new IndexDocument(
                "doc:" + n,
                TYPES[random.nextInt(TYPES.length)],
                "d" + n,
                "en",
                "Record " + n,
                "",
                String.join(" ", words) + ".",
                visibility)
            .withDetails(
                AGENCIES[random.nextInt(AGENCIES.length)],
                CATEGORIES[random.nextInt(CATEGORIES.length)],
                updated);
    return new Model(document, words);
  }

  private static String weighted(Random random) {
    double total = 0;
    for (double weight : WORD_WEIGHTS) {
      total += weight;
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < WORDS.length; i++) {
      pick -= WORD_WEIGHTS[i];
      if (pick < 0) {
        return WORDS[i];
      }
    }
    return WORDS[WORDS.length - 1];
  }

  /** The documents the audience may see that the text and the filters keep, by the model. */
  private static List<IndexDocument> matching(
      String text, Audience audience, SearchFilters filter) {
    Predicate<Model> matches =
        switch (text) {
          case "river" -> model -> model.words().contains("river");
          case "gard*" -> model -> model.words().contains("garden");
          case "river OR tunnel" ->
              model -> model.words().contains("river") || model.words().contains("tunnel");
          case "river castle" ->
              model -> model.words().contains("river") && model.words().contains("castle");
          case "river -tunnel" ->
              model -> model.words().contains("river") && !model.words().contains("tunnel");
          case "\"river castle\"" -> model -> adjacent(model.words(), "river", "castle");
          default -> throw new IllegalArgumentException(text);
        };
    return documents.values().stream()
        .filter(matches)
        .map(Model::document)
        .filter(document -> visible(document.visibility(), audience))
        .filter(document -> kept(document, filter))
        .toList();
  }

  private static boolean adjacent(List<String> words, String first, String second) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals(first) && words.get(i + 1).equals(second)) {
        return true;
      }
    }
    return false;
  }

  private static boolean visible(Visibility visibility, Audience audience) {
    return visibility.tenant().equals(audience.tenant())
        && (audience.staff() || visibility.published())
        && visibility.level() <= audience.maxLevel()
        && audience.compartments().containsAll(visibility.compartments());
  }

  private static boolean kept(IndexDocument document, SearchFilters filter) {
    return (filter.types().isEmpty() || filter.types().contains(document.type()))
        && (filter.agency() == null || filter.agency().equals(document.agency()))
        && (filter.updated() == null || within(document.updated(), filter.updated()));
  }

  private static boolean within(Instant updated, UpdatedWithin range) {
    return updated != null
        && updated.toEpochMilli() >= range.min(NOW)
        && updated.toEpochMilli() <= range.max(NOW);
  }

  /** The facets the search should give for these documents: zero counts left out. */
  private static Map<String, Map<String, Long>> facets(List<IndexDocument> expected) {
    Map<String, Map<String, Long>> facets = new HashMap<>();
    facets.put("type", counts(expected, IndexDocument::type));
    facets.put("agency", counts(expected, IndexDocument::agency));
    facets.put("category", counts(expected, IndexDocument::category));
    facets.put("language", counts(expected, IndexDocument::language));
    facets.put("level", counts(expected, document -> "" + document.visibility().level()));
    Map<String, Long> dates = new HashMap<>();
    for (UpdatedWithin range : UpdatedWithin.values()) {
      long count = expected.stream().filter(d -> within(d.updated(), range)).count();
      if (count > 0) {
        dates.put(range.label(), count);
      }
    }
    facets.put("updated", dates);
    return facets;
  }

  private static Map<String, Long> counts(
      List<IndexDocument> expected, java.util.function.Function<IndexDocument, String> value) {
    return expected.stream()
        .map(value)
        .filter(v -> v != null && !v.isEmpty())
        .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
  }
}
