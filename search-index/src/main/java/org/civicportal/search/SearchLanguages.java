package org.civicportal.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.civicportal.search.analysis.LanguageAnalyzers;

/**
 * The languages documents and queries may be in, as ISO 639-1 codes. The list follows the analysis
 * chains defined in {@link LanguageAnalyzers}, so a language becomes supported in one place, where
 * its analysis is defined.
 */
public final class SearchLanguages {

  private SearchLanguages() {}

  /**
   * The supported language codes, sorted and unmodifiable; today {@code ar}, {@code de}, {@code
   * en}, {@code es} and {@code fr}.
   */
  public static Set<String> supported() {
    return LanguageAnalyzers.languages();
  }

  /** Whether documents and queries may use this language code ({@code null} is not). */
  public static boolean isSupported(String language) {
    return language != null && supported().contains(language);
  }

  /** An unmodifiable copy of a non-empty list of supported codes, or IllegalArgumentException. */
  static List<String> requireSupported(List<String> languages) {
    Objects.requireNonNull(languages, "languages");
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("Search needs at least one language");
    }
    for (String language : languages) {
      if (!isSupported(language)) {
        throw new IllegalArgumentException(
            "Unsupported language '" + language + "'; supported: " + supported());
      }
    }
    return List.copyOf(languages);
  }
}
