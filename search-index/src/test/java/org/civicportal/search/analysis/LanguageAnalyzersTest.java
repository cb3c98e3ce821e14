package org.civicportal.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {

  private final Analyzer analyzer = LanguageAnalyzers.perField();

  @AfterEach
  void closeAnalyzer() {
    analyzer.close();
  }

  @Test
  void frenchTypedWithoutAccentsGivesTheSameTerms() throws IOException {
    List<String> accented = terms("body_fr", "Démarches d'état civil");

    List<String> typed = terms("body_fr", "demarche etat civil");

    assertThat(typed).isEqualTo(accented).hasSize(3);
  }

  @Test
  void frenchRemovesElisionPluralAndStopWords() throws IOException {
    List<String> terms = terms("title_fr", "L'attestation et les attestations");

    assertThat(terms).hasSize(2).containsOnly(terms("title_fr", "attestation").get(0));
  }

  @Test
  void frenchStopWordTypedWithoutAccentIsAlsoRemoved() throws IOException {
    List<String> terms = terms("body_fr", "était etait à a");

    assertThat(terms).isEmpty();
  }

  @Test
  void englishStemsPluralsAndRemovesPossessives() throws IOException {
    List<String> terms = terms("body_en", "Passports for the citizen's children");

    assertThat(terms).containsExactly("passport", "citizen", "children");
  }

  @Test
  void englishFoldsAccentsToo() throws IOException {
    List<String> terms = terms("summary_en", "Café naïve");

    assertThat(terms).isEqualTo(terms("summary_en", "cafe naive"));
  }

  @Test
  void fieldLanguageSuffixChoosesTheChain() throws IOException {
    List<String> english = terms("title_en", "les attestations");

    List<String> french = terms("title_fr", "les attestations");

    assertThat(english).containsExactly("le", "attest");
    assertThat(french).containsExactly("atest");
  }

  @Test
  void fieldsWithoutLanguageAreKeptWhole() throws IOException {
    List<String> terms = terms("key", "service:42:fr");

    assertThat(terms).containsExactly("service:42:fr");
  }

  @Test
  void prefixNormalisationLowerCasesAndFolds() {
    BytesRef normalised = analyzer.normalize("title_fr", "DÉMARCH");

    assertThat(normalised.utf8ToString()).isEqualTo("demarch");
  }

  @Test
  void languagesAreArabicGermanEnglishSpanishAndFrench() {
    assertThat(LanguageAnalyzers.languages()).containsExactly("ar", "de", "en", "es", "fr");
  }

  @Test
  void arabicNormalisesHamzaAndTehMarbutaAndStripsTheArticle() throws Exception {
    // "الجوازات" (the passports) and "جوازات" meet; أ/إ/آ become ا, ة becomes ه
    assertThat(terms("body_ar", "الجوازات")).isEqualTo(terms("body_ar", "جوازات"));
    assertThat(terms("body_ar", "أسرة")).isEqualTo(terms("body_ar", "اسره"));
    assertThat(terms("body_ar", "رقم ١٢٣")).contains("123");
  }

  @Test
  void germanUmlautTypedPlainOrAsDigraphGivesTheSameTerm() throws IOException {
    List<String> written = terms("body_de", "Führerschein");

    List<String> plain = terms("body_de", "fuhrerschein");
    List<String> digraph = terms("body_de", "Fuehrerschein");

    assertThat(written).hasSize(1).isEqualTo(plain).isEqualTo(digraph);
  }

  @Test
  void germanStemsPluralsAndRemovesStopWords() throws IOException {
    List<String> plural = terms("title_de", "Die Anträge für Führerscheine");

    List<String> singular = terms("title_de", "Antrag Führerschein");

    assertThat(plural).isEqualTo(singular).hasSize(2);
  }

  @Test
  void spanishPluralsAndAccentsMeetTheirSingular() throws IOException {
    List<String> plural = terms("body_es", "trámites licencias pasaportes naciones");

    List<String> singular = terms("body_es", "tramite licencia pasaporte nación");

    assertThat(plural).isEqualTo(singular).hasSize(4);
  }

  @Test
  void spanishRemovesStopWords() throws IOException {
    List<String> terms = terms("summary_es", "la renovación de los pasaportes y el trámite");

    assertThat(terms).isEqualTo(terms("summary_es", "renovacion pasaporte tramite"));
  }

  @Test
  void suggestionWordsKeepTheWrittenFormBehindTheFoldedOne() throws IOException {
    List<String> terms = terms("words_fr", "L'État civil, 2024 à Paris");

    assertThat(terms).containsExactly("etat\u0001état", "civil\u0001civil", "paris\u0001paris");
  }

  @Test
  void suggestionWordsAreNotStemmed() throws IOException {
    List<String> terms = terms("words_en", "Passports for the citizens");

    assertThat(terms).containsExactly("passports\u0001passports", "citizens\u0001citizens");
  }

  @Test
  void foldingForSuggestionsLowerCasesAndRemovesAccents() {
    String folded = SuggestionWords.fold("DÉMARCHE Straße");

    assertThat(folded).isEqualTo("demarche strasse");
  }

  @Test
  void unknownLanguageHasNoAnalyzer() {
    assertThatThrownBy(() -> LanguageAnalyzers.forLanguage("tlh"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> terms(String field, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
