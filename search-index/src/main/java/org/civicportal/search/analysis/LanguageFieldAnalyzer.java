package org.civicportal.search.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.civicportal.search.schema.SearchFields;

/**
 * Chooses a language's chain from the field name's suffix ({@code title_fr} -> French text, {@code
 * words_fr} -> French suggestion words). This is what {@code PerFieldAnalyzerWrapper} does with a
 * fixed name map; going by suffix means a new text field in the schema needs no change here, and
 * this wrapper owns and closes the chains. Fields without a language suffix are identifiers and are
 * kept whole.
 */
final class LanguageFieldAnalyzer extends DelegatingAnalyzerWrapper {

  private final Map<String, Analyzer> text;
  private final Map<String, Analyzer> words;
  private final Analyzer identifiers = new KeywordAnalyzer();

  LanguageFieldAnalyzer(Map<String, Analyzer> text, Map<String, Analyzer> words) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.text = Map.copyOf(text);
    this.words = Map.copyOf(words);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    String language = SearchFields.languageOf(fieldName);
    Analyzer analyzer = language == null ? null : text.get(language);
    if (analyzer == null) {
      String wordsLanguage = SearchFields.wordsLanguageOf(fieldName);
      analyzer = wordsLanguage == null ? null : words.get(wordsLanguage);
    }
    return analyzer == null ? identifiers : analyzer;
  }

  @Override
  public void close() {
    super.close();
    text.values().forEach(Analyzer::close);
    words.values().forEach(Analyzer::close);
    identifiers.close();
  }
}
