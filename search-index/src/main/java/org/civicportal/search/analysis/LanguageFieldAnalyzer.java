package org.civicportal.search.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.civicportal.search.schema.SearchFields;

/**
 * Chooses a language's chain from the field name's suffix ({@code title_fr} -> French). This is
 * what {@code PerFieldAnalyzerWrapper} does with a fixed name map; going by suffix means a new text
 * field in the schema needs no change here, and this wrapper owns and closes the chains. Fields
 * without a language suffix are identifiers and are kept whole.
 */
final class LanguageFieldAnalyzer extends DelegatingAnalyzerWrapper {

  private final Map<String, Analyzer> byLanguage;
  private final Analyzer identifiers = new KeywordAnalyzer();

  LanguageFieldAnalyzer(Map<String, Analyzer> byLanguage) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.byLanguage = Map.copyOf(byLanguage);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    String language = SearchFields.languageOf(fieldName);
    Analyzer analyzer = language == null ? null : byLanguage.get(language);
    return analyzer == null ? identifiers : analyzer;
  }

  @Override
  public void close() {
    super.close();
    byLanguage.values().forEach(Analyzer::close);
    identifiers.close();
  }
}
