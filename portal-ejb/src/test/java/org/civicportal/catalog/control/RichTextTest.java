package org.civicportal.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RichTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script><p>Hi</p>",
        "<p onclick=\"alert(1)\">Hi</p>",
        "<a href=\"javascript:alert(1)\">Hi</a>",
        "<img src=x onerror=alert(1)>Hi",
        "<iframe src=\"https://evil.example\"></iframe>Hi",
        "<svg><script>alert(1)</script></svg>Hi",
        "<style>body{display:none}</style>Hi",
        "<a href=\"JaVaScRiPt:alert(1)\">Hi</a>",
        "<form action=\"https://evil.example\"><input name=x></form>Hi",
      })
  void noScriptSurvives(String attack) {
    String clean = RichText.sanitise(attack);

    assertThat(clean.toLowerCase())
        .doesNotContain(
            "<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "<form")
        .contains("hi");
  }

  @Test
  void structureAndSafeLinksAreKept() {
    String clean =
        RichText.sanitise(
            "<h2>Fees</h2><ul><li><strong>85</strong> dollars</li></ul>"
                + "<p><a href=\"https://gov.example/pay\">Pay</a></p>");

    assertThat(clean)
        .contains("<h2>Fees</h2>", "<li><strong>85</strong> dollars</li>")
        .contains("href=\"https://gov.example/pay\"", "rel=\"nofollow noopener\"");
  }

  @Test
  void plainTextBecomesParagraphsAndIsEscaped() {
    assertThat(RichText.sanitise("First <3 line\nsame paragraph\n\nSecond"))
        .isEqualTo("<p>First &lt;3 line<br>same paragraph</p><p>Second</p>");
    assertThat(RichText.sanitise("   ")).isNull();
  }

  @Test
  void textDropsMarkupAndKeepsBlocksApart() {
    assertThat(
            RichText.text("<h2>Fees</h2><p>85 <em>dollars</em></p><ul><li>a</li><li>b</li></ul>"))
        .isEqualTo("Fees\n85 dollars\na\nb");
  }

  @Test
  void everyXssPayloadOfTheSharedCorpusIsDefused() throws IOException {
    Path dir = Path.of("../../shared/corpus/security-test-payloads");
    Assumptions.assumeTrue(Files.isDirectory(dir), "the shared corpus is not here");
    List<Path> files;
    try (var stream = Files.walk(dir)) {
      files =
          stream
              .filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase().contains("xss"))
              .toList();
    }
    Assumptions.assumeFalse(files.isEmpty(), "no XSS payload list in the corpus");
    int checked = 0;
    for (Path file : files) {
      for (String payload : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (payload.isBlank()) {
          continue;
        }
        String clean = RichText.sanitise(payload);
        if (clean == null) {
          continue;
        }
        String lower = clean.toLowerCase();
        assertThat(lower)
            .as(payload)
            .doesNotContain("<script", "<iframe", "<svg", "<img", "<style");
        assertThat(lower)
            .as(payload)
            .doesNotContainPattern("<[a-z][^>]*=\\s*\"?\\s*(javascript|vbscript|data):");
        assertThat(lower).as(payload).doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }
}
