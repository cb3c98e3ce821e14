package org.civicportal.open311.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared corpus's Open311 folders are: {@code ../../shared/corpus} seen from the module
 * (the clone sits beside {@code shared/}), or the {@code shared.dir} system property naming the
 * shared folder (or its {@code corpus} folder itself). Tests skip when it is absent.
 */
public final class Open311Corpus {

  private Open311Corpus() {}

  public static Path root() {
    String shared = System.getProperty("shared.dir");
    if (shared != null && !shared.isBlank()) {
      Path dir = Path.of(shared);
      return Files.isDirectory(dir.resolve("corpus")) ? dir.resolve("corpus") : dir;
    }
    return Path.of("..", "..", "shared", "corpus");
  }

  /** Real city responses ({@code open311-real-city-data}). */
  public static Path cityData() {
    return root().resolve("open311-real-city-data");
  }

  /** The GeoReport v2 spec texts and JSON Schemas ({@code open311-georeport-v2-spec}). */
  public static Path spec() {
    return root().resolve("open311-georeport-v2-spec");
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
