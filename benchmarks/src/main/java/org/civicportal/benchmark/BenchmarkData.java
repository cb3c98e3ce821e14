package org.civicportal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchIndex;

/**
 * The benchmark's data directory for one document count: the search index ({@code index/}) and the
 * PostgreSQL cluster ({@code postgres/}) holding the same generated documents, built once and timed
 * while they are built. Its layout is the runner's business; nothing else reads it.
 */
final class BenchmarkData {

  private static final System.Logger LOG = System.getLogger(BenchmarkData.class.getName());

  private final Path dir;

  BenchmarkData(Path dir) {
    this.dir = dir;
  }

  Path indexDir() {
    return dir.resolve("index");
  }

  Path postgresDir() {
    return dir.resolve("postgres");
  }

  /** The figures of a complete earlier build of {@code documents} documents, or null. */
  DataFigures existing(long documents) throws IOException {
    DataFigures figures = DataFigures.load(dir);
    return figures != null && figures.documents() == documents ? figures : null;
  }

  /**
   * Removes whatever is there, generates the documents, indexes them with {@code
   * SearchIndex.rebuild} and loads them into PostgreSQL on {@code postgres}, which must be started
   * on {@link #postgresDir()}.
   */
  DataFigures build(long documents, PostgresServer postgres) throws Exception {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve("build.properties"));
    deleteTree(indexDir());

    LOG.log(Level.INFO, "Generating {0} documents", documents);
    long start = System.nanoTime();
    DocumentGenerator generator =
        new DocumentGenerator(CorpusText.allPages(), documents, DocumentGenerator.SEED);
    List<BenchDocument> all = new ArrayList<>((int) documents);
    long chars = 0;
    for (BenchDocument document : generator) {
      all.add(document);
      IndexDocument d = document.document();
      chars += d.title().length() + d.summary().length() + d.body().length();
    }
    double generationSeconds = (System.nanoTime() - start) / 1e9;

    LOG.log(Level.INFO, "Indexing with SearchIndex.rebuild");
    List<IndexDocument> indexed = all.stream().map(BenchDocument::document).toList();
    double rebuildSeconds;
    try (SearchIndex index = SearchIndex.open(indexDir())) {
      start = System.nanoTime();
      index.rebuild(indexed, 1);
      rebuildSeconds = (System.nanoTime() - start) / 1e9;
    }
    LOG.log(Level.INFO, "Indexed in {0} s; loading PostgreSQL", rebuildSeconds);

    PostgresLoad.Timings load = PostgresLoad.load(postgres, all);
    LOG.log(Level.INFO, "PostgreSQL loaded in {0} s", load.totalSeconds());
    DataFigures figures =
        new DataFigures(
            documents,
            String.join(",", generator.languages()),
            chars / Math.max(1, documents),
            generationSeconds,
            rebuildSeconds,
            sizeOf(indexDir()),
            load.copySeconds(),
            load.indexSeconds(),
            load.vacuumSeconds(),
            postgresBytes(postgres));
    figures.save(dir);
    return figures;
  }

  private static long postgresBytes(PostgresServer postgres) throws Exception {
    try (Connection connection = postgres.connect();
        Statement statement = connection.createStatement();
        ResultSet size = statement.executeQuery("SELECT pg_total_relation_size('document')")) {
      size.next();
      return size.getLong(1);
    }
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(BenchmarkData::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
