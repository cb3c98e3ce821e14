package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusTest {

  @Test
  void csvQuotedFieldsKeepCommasQuotesAndLineBreaks() {
    String text = "id,name\r\n1,\"Passport, renewal\"\n2,\"He said \"\"hi\"\"\nthen left\"\n";

    List<List<String>> records = Corpus.csv(text);

    assertThat(records)
        .containsExactly(
            List.of("id", "name"),
            List.of("1", "Passport, renewal"),
            List.of("2", "He said \"hi\"\nthen left"));
  }

  @Test
  void csvLastRecordWithoutLineBreakIsKept() {
    String text = "a,b\n1,";

    List<List<String>> records = Corpus.csv(text);

    assertThat(records).containsExactly(List.of("a", "b"), List.of("1", ""));
  }

  @Test
  void jsonStringFieldIsUnescaped() {
    String line =
        "{\"id\": \"F1\", \"title\": \"Carte d\\u0027identit\\u00e9 \\\"CNI\\\"\\\\\", "
            + "\"body\": \"a\\nb\"}";

    String title = Corpus.stringField(line, "title");
    String body = Corpus.stringField(line, "body");

    assertThat(title).isEqualTo("Carte d'identité \"CNI\"\\");
    assertThat(body).isEqualTo("a\nb");
  }

  @Test
  void jsonMissingFieldIsEmpty() {
    String line = "{\"id\": \"F1\"}";

    String title = Corpus.stringField(line, "title");

    assertThat(title).isEmpty();
  }

  @Test
  void wordsAreLowerCasedAndSplitOnPunctuation() {
    String text = "L'État-civil, DÉMARCHES!";

    Set<String> words = Corpus.words(text);

    assertThat(words).containsExactlyInAnyOrder("l", "état", "civil", "démarches");
  }
}
