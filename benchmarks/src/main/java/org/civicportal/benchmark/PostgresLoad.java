package org.civicportal.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.Visibility;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the documents into PostgreSQL as a bulk load is done: COPY in as many streams as there are
 * cores (the tsvector is computed by the server as rows arrive), then the GIN index, then VACUUM
 * ANALYZE. Each step is timed.
 */
final class PostgresLoad {

  static final int STREAMS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final int FLUSH_BYTES = 1 << 20;

  /** Seconds spent in each step. */
  record Timings(double copySeconds, double indexSeconds, double vacuumSeconds) {
    double totalSeconds() {
      return copySeconds + indexSeconds + vacuumSeconds;
    }
  }

  private PostgresLoad() {}

  static Timings load(PostgresServer server, List<BenchDocument> documents) throws Exception {
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS document");
      statement.execute(PostgresSchema.CREATE_TABLE);
      long start = System.nanoTime();
      copy(server, documents);
      long copied = System.nanoTime();
      statement.execute(PostgresSchema.CREATE_INDEX);
      long indexed = System.nanoTime();
      statement.execute(PostgresSchema.VACUUM);
      long vacuumed = System.nanoTime();
      return new Timings(
          (copied - start) / 1e9, (indexed - copied) / 1e9, (vacuumed - indexed) / 1e9);
    }
  }

  private static void copy(PostgresServer server, List<BenchDocument> documents)
      throws InterruptedException, ExecutionException {
    ExecutorService streams = Executors.newFixedThreadPool(STREAMS);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int stream = 0; stream < STREAMS; stream++) {
        int first = stream;
        done.add(streams.submit(() -> copyStream(server, documents, first, STREAMS)));
      }
      for (Future<Long> future : done) {
        future.get();
      }
    } finally {
      streams.shutdownNow();
    }
  }

  /** COPYs every {@code step}-th document from {@code first}; returns the rows copied. */
  private static long copyStream(
      PostgresServer server, List<BenchDocument> documents, int first, int step)
      throws SQLException {
    try (Connection connection = server.connect()) {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(PostgresSchema.COPY);
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES * 2);
      StringBuilder line = new StringBuilder(4096);
      for (int i = first; i < documents.size(); i += step) {
        line.setLength(0);
        row(documents.get(i), line);
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= FLUSH_BYTES) {
          copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
          buffer.reset();
        }
      }
      copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
      return copy.endCopy();
    }
  }

  /** One line of COPY's text format. */
  static void row(BenchDocument bench, StringBuilder line) {
    IndexDocument document = bench.document();
    Visibility visibility = document.visibility();
    line.append(bench.number()).append('\t');
    text(visibility.tenant(), line).append('\t');
    line.append(visibility.level()).append('\t');
    array(visibility.compartments(), line).append('\t');
    array(visibility.releasableTo(), line).append('\t');
    text(document.language(), line).append('\t');
    text(PostgresSchema.config(document.language()), line).append('\t');
    text(document.type(), line).append('\t');
    text(bench.agency(), line).append('\t');
    text(bench.category(), line).append('\t');
    line.append(bench.updated()).append('\t');
    text(document.title(), line).append('\t');
    text(document.summary(), line).append('\t');
    text(document.body(), line).append('\n');
  }

  /** Label values are plain codes (letters and hyphens), so they need no array quoting. */
  private static StringBuilder array(Set<String> values, StringBuilder line) {
    return line.append('{').append(String.join(",", new TreeSet<>(values))).append('}');
  }

  private static StringBuilder text(String value, StringBuilder line) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return line;
  }
}
