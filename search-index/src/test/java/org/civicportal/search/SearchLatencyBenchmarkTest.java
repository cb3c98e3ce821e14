package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough latency comparison, run on purpose only ({@code -Dcivic.bench=200000}): the secured
 * search (audience filter and statistics, exact total, stored fields, snippets) against raw
 * Lucene's top 10 with the same parsed query on the same index. The {@code benchmarks} module has
 * the real benchmark; this one only checks that a change keeps the secured search in the same
 * league, and logs p50 and mean per query.
 */
@EnabledIfSystemProperty(named = "civic.bench", matches = "\\d+")
class SearchLatencyBenchmarkTest {

  private static final System.Logger LOG =
      System.getLogger(SearchLatencyBenchmarkTest.class.getName());
  private static final List<String> QUERIES =
      List.of(
          "passeport", "retraite", "logement", "carte grise", "\"acte de naissance\"", "alloc*");
  private static final List<Audience> AUDIENCES =
      List.of(
          new Audience("north", 2, Set.of("alpha"), "FRA"),
          Audience.publicOf("north"),
          new Audience("south", 1, Set.of(), "USA"));

  @TempDir Path dir;

  @Test
  void securedSearchStaysNearRawLucene() throws IOException {
    Assumptions.assumeTrue(Corpus.available(), "no corpus");
    int documents = Integer.parseInt(System.getProperty("civic.bench"));
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(generate(documents), 1);
    }
    try (SearchIndex index = SearchIndex.open(dir);
        Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory);
        Analyzer analyzer = LanguageAnalyzers.perField()) {
      IndexSearcher raw = new IndexSearcher(reader);
      CitizenQueryParser parser = new CitizenQueryParser(analyzer);
      double rawTotal = 0;
      double securedTotal = 0;
      for (int round = 0; round < 2; round++) { // the first round warms up
        rawTotal = 0;
        securedTotal = 0;
        for (String text : QUERIES) {
          Query query = parser.parse(text, List.of("fr")).orElseThrow();
          double[] rawMs = time(() -> raw.search(query, 10));
          double[] securedMs =
              time(
                  () -> {
                    for (Audience audience : AUDIENCES) {
                      index.search(new SearchQuery(text, List.of("fr"), 10, audience));
                    }
                  });
          rawTotal += rawMs[0];
          securedTotal += securedMs[0] / AUDIENCES.size();
          LOG.log(
              System.Logger.Level.INFO,
              String.format(
                  Locale.ROOT,
                  "%s: raw p50 %.3f ms, secured p50 %.3f ms per audience",
                  text,
                  rawMs[0],
                  securedMs[0] / AUDIENCES.size()));
        }
      }
      LOG.log(
          System.Logger.Level.INFO,
          String.format(Locale.ROOT, "secured / raw (sum of p50s): %.2f", securedTotal / rawTotal));
      assertThat(securedTotal).isPositive();
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  /** Median and mean of 200 runs, in milliseconds. */
  private static double[] time(Action action) throws IOException {
    double[] ms = new double[200];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      action.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    double mean = Arrays.stream(ms).average().orElse(0);
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], mean};
  }

  /** Documents made of real sentences of service-public.fr pages, with random labels. */
  private static List<IndexDocument> generate(int count) throws IOException {
    List<IndexDocument> pages = Corpus.servicePublicPages(Integer.MAX_VALUE);
    List<String> sentences = new ArrayList<>();
    for (IndexDocument page : pages) {
      sentences.addAll(Arrays.asList(page.body().split("(?<=\\.)\\s+")));
    }
    SplittableRandom random = new SplittableRandom(20261126L);
    List<IndexDocument> documents = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      IndexDocument page = pages.get(random.nextInt(pages.size()));
      StringBuilder body = new StringBuilder();
      for (int s = 4 + random.nextInt(9); s > 0; s--) {
        body.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
      }
      int level = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
      Set<String> compartments = random.nextInt(10) == 0 ? Set.of("alpha") : Set.of();
      Visibility visibility =
          new Visibility(random.nextBoolean() ? "north" : "south", level, compartments, Set.of());
      documents.add(
          new IndexDocument(
              "doc:" + n,
              "page",
              Integer.toString(n),
              "fr",
              page.title(),
              page.summary(),
              body.toString(),
              visibility));
    }
    return documents;
  }
}
