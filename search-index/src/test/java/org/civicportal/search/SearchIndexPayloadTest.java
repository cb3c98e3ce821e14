package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line of every file in the shared {@code security-test-payloads} (XSS, SQL injection, the
 * Big List of Naughty Strings; see its SOURCE.md) as search text, as a suggestion prefix and as a
 * cursor: nothing throws except the documented IllegalArgumentException for text over the length
 * limit and for a string that is not a cursor.
 */
class SearchIndexPayloadTest {

  @TempDir static Path dir;
  private static SearchIndex index;
  private static List<String> lines;

  @BeforeAll
  static void indexAndReadPayloads() throws IOException {
    Path payloads = Corpus.root().resolve("security-test-payloads");
    if (!Files.isDirectory(payloads)) {
      return;
    }
    lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(payloads)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        // new String replaces bytes that are not UTF-8 (one SQL list has some) instead of failing
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        lines.addAll(text.lines().toList());
      }
    }
    index = SearchIndex.open(dir);
    index.rebuild(SampleDocuments.ALL, 1);
  }

  @BeforeEach
  void requirePayloads() {
    Assumptions.assumeTrue(lines != null, "no payloads under " + Corpus.root().toAbsolutePath());
  }

  @AfterAll
  static void closeIndex() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void everyPayloadIsSearchableTextOrRefusedAsTooLong() {
    for (String line : lines) {
      if (line.length() > SearchQuery.MAX_LENGTH) {
        assertThatThrownBy(() -> query(line)).isExactlyInstanceOf(IllegalArgumentException.class);
      } else {
        assertThatCode(() -> index.search(query(line).withFacets(true)))
            .as(line)
            .doesNotThrowAnyException();
      }
    }
    assertThat(lines).hasSizeGreaterThan(9000);
  }

  @Test
  void everyPayloadIsASuggestionPrefixOrRefusedAsTooLong() {
    for (String line : lines) {
      if (line.length() > SearchQuery.MAX_LENGTH) {
        assertThatThrownBy(
                () -> index.suggest(line, List.of("en", "fr"), SampleDocuments.VISITOR, 10))
            .isExactlyInstanceOf(IllegalArgumentException.class);
      } else {
        assertThatCode(() -> index.suggest(line, List.of("en", "fr"), SampleDocuments.VISITOR, 10))
            .as(line)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void everyPayloadAsACursorIsRefusedAsMalformed() {
    SearchQuery passport = query("passport");
    for (String line : lines) {
      if (line.isBlank()) {
        // a blank cursor is no cursor: the first page
        assertThatCode(() -> index.search(passport.withCursor(line))).doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> index.search(passport.withCursor(line)))
            .as(line)
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cursor");
      }
    }
  }

  private static SearchQuery query(String text) {
    return new SearchQuery(text, List.of("en", "fr"), 10, SampleDocuments.VISITOR);
  }
}
