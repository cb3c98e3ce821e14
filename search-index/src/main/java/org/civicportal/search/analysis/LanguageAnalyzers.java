package org.civicportal.search.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The supported languages and their analysis chains; the one place to add a language.
 *
 * <p>Each language reuses the stop words and the stemmer of Lucene's own analyzer for it: English
 * keeps Porter, as {@code EnglishAnalyzer} does, so "passports" finds "passport" and "applying"
 * finds "apply"; French keeps {@code FrenchLightStemFilter}, as {@code FrenchAnalyzer} does: a
 * stemmer designed for retrieval that conflates plural, feminine and common derived forms
 * ("passeports", "attestations") and needs no dictionary. German and Spanish likewise keep the
 * light stemmers of {@code GermanAnalyzer} and {@code SpanishAnalyzer}: plurals and case endings
 * go, compounds stay whole, and no dictionary is needed. Arabic keeps {@code ArabicAnalyzer}'s
 * normalisation and light stemmer, with Arabic-Indic digits read as the same digits as 0-9.
 *
 * <p>Adding a language is one more statement in the static block, naming its stop words, what runs
 * before lower-casing (elision, possessives) and its stemmer.
 */
public final class LanguageAnalyzers {

  /** What a language adds to the shared chain; see {@link FoldingAnalyzer}. */
  private record Chain(
      CharArraySet stopWords,
      UnaryOperator<TokenStream> beforeLowerCase,
      UnaryOperator<TokenStream> stemmer) {}

  private static final Map<String, Chain> BY_LANGUAGE = new LinkedHashMap<>();

  static {
    BY_LANGUAGE.put(
        "en",
        new Chain(
            EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            EnglishPossessiveFilter::new,
            PorterStemFilter::new));
    BY_LANGUAGE.put(
        "fr",
        new Chain(
            FrenchAnalyzer.getDefaultStopSet(),
            in -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES),
            FrenchLightStemFilter::new));
    // German as GermanAnalyzer does it: umlauts, ß and the digraphs typed for them ("ue" for "ü")
    // normalised first, so "Führerschein", "Fuehrerschein" and "fuhrerschein" meet; then the
    // light stemmer, which removes plural and case endings.
    BY_LANGUAGE.put(
        "de",
        new Chain(
            GermanAnalyzer.getDefaultStopSet(),
            in -> in,
            in -> new GermanLightStemFilter(new GermanNormalizationFilter(in))));
    // Spanish as SpanishAnalyzer does it: the light stemmer strips plural and gender endings and
    // removes acute accents itself ("trámites" and "tramite" meet).
    BY_LANGUAGE.put(
        "es",
        new Chain(SpanishAnalyzer.getDefaultStopSet(), in -> in, SpanishLightStemFilter::new));
    // Arabic as ArabicAnalyzer does it: normalise orthographic variants (hamza forms, teh
    // marbuta, alef maqsura, diacritics and tatweel), then strip common prefixes and suffixes
    BY_LANGUAGE.put(
        "ar",
        new Chain(
            ArabicAnalyzer.getDefaultStopSet(),
            DecimalDigitFilter::new,
            in -> new ArabicStemFilter(new ArabicNormalizationFilter(in))));
  }

  private static final SortedSet<String> LANGUAGES =
      Collections.unmodifiableSortedSet(new TreeSet<>(BY_LANGUAGE.keySet()));

  private LanguageAnalyzers() {}

  /** ISO 639-1 codes of the languages that have an analysis chain, sorted. */
  public static SortedSet<String> languages() {
    return LANGUAGES;
  }

  /**
   * A new analyzer for one language's text; the caller closes it.
   *
   * @throws IllegalArgumentException if the language is not supported
   */
  public static Analyzer forLanguage(String language) {
    Chain chain = chain(language);
    return new FoldingAnalyzer(chain.stopWords(), chain.beforeLowerCase(), chain.stemmer());
  }

  /**
   * A new analyzer for one language's suggestion words: the same tokens as {@link #forLanguage} up
   * to the stop words, but neither stemmed nor folded, because a suggestion shows the word as
   * written; the caller closes it.
   *
   * @throws IllegalArgumentException if the language is not supported
   */
  public static Analyzer suggestionWords(String language) {
    Chain chain = chain(language);
    return new SuggestionWordsAnalyzer(chain.stopWords(), chain.beforeLowerCase());
  }

  /**
   * A new analyzer for the whole index that picks each field's chain from its language suffix
   * ({@code body_fr} gets French, {@code words_fr} French suggestion words); the caller closes it,
   * which closes every language's chain.
   */
  public static Analyzer perField() {
    Map<String, Analyzer> text = new LinkedHashMap<>();
    Map<String, Analyzer> words = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      text.put(language, forLanguage(language));
      words.put(language, suggestionWords(language));
    }
    return new LanguageFieldAnalyzer(text, words);
  }

  private static Chain chain(String language) {
    Chain chain = BY_LANGUAGE.get(language);
    if (chain == null) {
      throw new IllegalArgumentException("Unsupported language: " + language);
    }
    return chain;
  }
}
