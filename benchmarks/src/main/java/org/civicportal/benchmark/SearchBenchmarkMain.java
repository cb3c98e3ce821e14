package org.civicportal.benchmark;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one command behind {@code run-search-benchmark.sh}: builds (or, with {@code
 * -Dbench.reuse=true}, reuses) the index and the PostgreSQL database for a document count, keeps
 * PostgreSQL running, counts each query's matches in every engine, runs the JMH cases and writes
 * the Markdown report.
 *
 * <p>Arguments: the number of documents (default 1,000,000). System properties: {@code bench.dir}
 * (data folder, default {@code benchmarks/target/bench-data}), {@code bench.report} (default {@code
 * <bench.dir>/report-<documents>.md}), {@code shared.dir} (the shared folder), and the iteration
 * settings of {@link JmhRuns.Settings#fromSystemProperties()}.
 */
public final class SearchBenchmarkMain {

  private static final System.Logger LOG = System.getLogger(SearchBenchmarkMain.class.getName());

  private SearchBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    long documents = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path root = Path.of(System.getProperty("bench.dir", "benchmarks/target/bench-data"));
    Path report =
        Path.of(
            System.getProperty(
                "bench.report", root.resolve("report-" + documents + ".md").toString()));
    if (!CorpusText.available()) {
      throw new IllegalStateException(
          "No shared corpus at " + CorpusText.root().toAbsolutePath() + "; set -Dshared.dir");
    }
    JmhRuns.Settings settings = JmhRuns.Settings.fromSystemProperties();
    Path dir = root.resolve(Long.toString(documents));
    BenchmarkData data = new BenchmarkData(dir);
    DataFigures figures = Boolean.getBoolean("bench.reuse") ? data.existing(documents) : null;
    boolean reused = figures != null;
    if (!reused) {
      BenchmarkData.deleteTree(dir);
    }
    Files.createDirectories(data.postgresDir());
    try (PostgresServer postgres = PostgresServer.start(data.postgresDir())) {
      if (!reused) {
        figures = data.build(documents, postgres);
      }
      LOG.log(Level.INFO, "Counting matches per query");
      List<QueryTotals> totals =
          QueryTotals.measure(settings.kinds(), data.indexDir(), postgres.jdbcUrl());
      Map<QueryKind, Map<Variant, JmhRuns.Measured>> measured =
          JmhRuns.run(settings, data.indexDir(), postgres.jdbcUrl(), dir);
      Files.writeString(
          report,
          Report.markdown(figures, reused, settings, measured, totals),
          StandardCharsets.UTF_8);
      LOG.log(Level.INFO, "Report written to {0}", report.toAbsolutePath());
    }
  }
}
