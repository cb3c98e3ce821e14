package org.civicportal.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CitizenQueryParserTest {

  private final Analyzer analyzer = LanguageAnalyzers.perField();
  private final CitizenQueryParser parser = new CitizenQueryParser(analyzer);

  @AfterEach
  void closeAnalyzer() {
    analyzer.close();
  }

  @Test
  void uppercaseOrBetweenWordsBecomesAlternative() {
    String translated = CitizenQueryParser.translateOr("passport OR visa");

    assertThat(translated).isEqualTo("passport | visa");
  }

  @Test
  void repeatedOrIsTranslatedEachTime() {
    String translated = CitizenQueryParser.translateOr("a OR OR b OR c");

    assertThat(translated).isEqualTo("a | | b | c");
  }

  @Test
  void orThatIsNotAWordBetweenSpacesStays() {
    String translated = CitizenQueryParser.translateOr("ORANGE or OR. OR");

    assertThat(translated).isEqualTo("ORANGE or OR. OR");
  }

  @Test
  void orInsideQuotesStays() {
    String translated = CitizenQueryParser.translateOr("\"salt OR pepper\" OR \"oil\"");

    assertThat(translated).isEqualTo("\"salt OR pepper\" | \"oil\"");
  }

  @Test
  void escapedQuoteDoesNotOpenAPhrase() {
    String translated = CitizenQueryParser.translateOr("\\\" a OR b");

    assertThat(translated).isEqualTo("\\\" a | b");
  }

  @Test
  void wordsAreRequiredAndWeightedByField() {
    Optional<Query> query = parser.parse("passport renewal", List.of("en"));

    assertThat(query)
        .get()
        .asString()
        .contains(
            "+((title_en:passport)^3.0 (summary_en:passport)^1.5 body_en:passport"
                + " (attachments_en:passport)^0.8)")
        .contains("+((title_en:renew)^3.0");
  }

  @Test
  void eachLanguageIsParsedWithItsOwnStopWords() {
    Optional<Query> query = parser.parse("the passeport", List.of("en", "fr"));

    assertThat(query).get().asString().doesNotContain("title_en:the").contains("title_fr:the");
  }

  @Test
  void prefixAlsoLooksForItsStem() {
    Optional<Query> query = parser.parse("démarches*", List.of("fr"));

    assertThat(query)
        .get()
        .asString()
        .contains("title_fr:demarches*")
        .contains("title_fr:demarch*");
  }

  @Test
  void prefixThatIsItsOwnStemIsSearchedOnce() {
    Optional<Query> query = parser.parse("pass*", List.of("en"));

    assertThat(query)
        .get()
        .asString()
        .isEqualTo(
            "(title_en:pass*)^3.0 (summary_en:pass*)^1.5 body_en:pass* (attachments_en:pass*)^0.8");
  }

  @Test
  void onlyStopWordsParseToNothing() {
    Optional<Query> query = parser.parse("the and of", List.of("en"));

    assertThat(query).isEmpty();
  }

  @Test
  void punctuationParsesToNothing() {
    Optional<Query> query = parser.parse("\"(*", List.of("en", "fr"));

    assertThat(query).isEmpty();
  }
}
