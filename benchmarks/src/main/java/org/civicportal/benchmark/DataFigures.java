package org.civicportal.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What building the data measured, kept beside the data so that a run reusing it still reports how
 * it was built.
 *
 * @param documents documents generated, indexed and loaded
 * @param languages languages generated, e.g. {@code en,fr}
 * @param averageChars average length of title, summary and body together
 * @param generationSeconds time to generate the documents in memory (not part of any other figure)
 * @param rebuildSeconds {@code SearchIndex.rebuild} of all documents, commit included
 * @param indexBytes size of the index directory after the rebuild
 * @param copySeconds PostgreSQL COPY of all rows, tsvector computed by the server
 * @param ginSeconds PostgreSQL CREATE INDEX ... USING gin
 * @param vacuumSeconds PostgreSQL VACUUM (ANALYZE) after the load
 * @param postgresBytes table, TOAST and indexes together
 */
record DataFigures(
    long documents,
    String languages,
    long averageChars,
    double generationSeconds,
    double rebuildSeconds,
    long indexBytes,
    double copySeconds,
    double ginSeconds,
    double vacuumSeconds,
    long postgresBytes) {

  private static final String FILE = "build.properties";

  double indexingDocumentsPerSecond() {
    return documents / rebuildSeconds;
  }

  double postgresLoadSeconds() {
    return copySeconds + ginSeconds + vacuumSeconds;
  }

  void save(Path dataDir) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("documents", Long.toString(documents));
    properties.setProperty("languages", languages);
    properties.setProperty("averageChars", Long.toString(averageChars));
    properties.setProperty("generationSeconds", Double.toString(generationSeconds));
    properties.setProperty("rebuildSeconds", Double.toString(rebuildSeconds));
    properties.setProperty("indexBytes", Long.toString(indexBytes));
    properties.setProperty("copySeconds", Double.toString(copySeconds));
    properties.setProperty("ginSeconds", Double.toString(ginSeconds));
    properties.setProperty("vacuumSeconds", Double.toString(vacuumSeconds));
    properties.setProperty("postgresBytes", Long.toString(postgresBytes));
    try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
      properties.store(out, "Written once the index and the database are complete");
    }
  }

  /** The figures of a complete earlier build in {@code dataDir}, or null when there is none. */
  static DataFigures load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new DataFigures(
        Long.parseLong(p.getProperty("documents")),
        p.getProperty("languages"),
        Long.parseLong(p.getProperty("averageChars")),
        Double.parseDouble(p.getProperty("generationSeconds")),
        Double.parseDouble(p.getProperty("rebuildSeconds")),
        Long.parseLong(p.getProperty("indexBytes")),
        Double.parseDouble(p.getProperty("copySeconds")),
        Double.parseDouble(p.getProperty("ginSeconds")),
        Double.parseDouble(p.getProperty("vacuumSeconds")),
        Long.parseLong(p.getProperty("postgresBytes")));
  }
}
