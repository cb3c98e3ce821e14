package org.civicportal.search.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
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
 * ("passeports", "attestations") and needs no dictionary. Arabic keeps {@code ArabicAnalyzer}'s
 * normalisation and light stemmer, with Arabic-Indic digits read as the same digits as 0-9.
 *
 * <p>Adding a language is one more statement in the static block; German, for instance:
 *
 * <pre>{@code
 * BY_LANGUAGE.put("de", () -> new FoldingAnalyzer(GermanAnalyzer.getDefaultStopSet(), in -> in,
 *     in -> new GermanLightStemFilter(new GermanNormalizationFilter(in))));
 * }</pre>
 */
public final class LanguageAnalyzers {

  private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = new LinkedHashMap<>();

  static {
    BY_LANGUAGE.put(
        "en",
        () ->
            new FoldingAnalyzer(
                EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                EnglishPossessiveFilter::new,
                PorterStemFilter::new));
    BY_LANGUAGE.put(
        "fr",
        () ->
            new FoldingAnalyzer(
                FrenchAnalyzer.getDefaultStopSet(),
                in -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES),
                FrenchLightStemFilter::new));
    // Arabic as ArabicAnalyzer does it: normalise orthographic variants (hamza forms, teh
    // marbuta, alef maqsura, diacritics and tatweel), then strip common prefixes and suffixes
    BY_LANGUAGE.put(
        "ar",
        () ->
            new FoldingAnalyzer(
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
    Supplier<Analyzer> analyzer = BY_LANGUAGE.get(language);
    if (analyzer == null) {
      throw new IllegalArgumentException("Unsupported language: " + language);
    }
    return analyzer.get();
  }

  /**
   * A new analyzer for the whole index that picks each field's chain from its language suffix
   * ({@code body_fr} gets French); the caller closes it, which closes every language's chain.
   */
  public static Analyzer perField() {
    Map<String, Analyzer> byLanguage = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      byLanguage.put(language, forLanguage(language));
    }
    return new LanguageFieldAnalyzer(byLanguage);
  }
}
