package org.civicportal.search;

import java.util.Set;
import org.civicportal.search.analysis.LanguageAnalyzers;

/**
 * The languages documents and queries may be in, as ISO 639-1 codes. The list follows the analysis
 * chains defined in {@link LanguageAnalyzers}, so a language becomes supported in one place, where
 * its analysis is defined.
 */
public final class SearchLanguages {

  private SearchLanguages() {}

  /** The supported language codes, sorted and unmodifiable; today {@code en} and {@code fr}. */
  public static Set<String> supported() {
    return LanguageAnalyzers.languages();
  }

  /** Whether documents and queries may use this language code ({@code null} is not). */
  public static boolean isSupported(String language) {
    return language != null && supported().contains(language);
  }
}
