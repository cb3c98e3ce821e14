package org.civicportal.language.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.search.SearchLanguages;

/**
 * The languages the portal's content and pages come in, and how a request picks one: {@code
 * ?lang=}, else Accept-Language, else the first supported language (English). One list for pages,
 * API and search.
 */
public final class ContentLanguages {
  /** Ordered: the first is the fallback. */
  public static final List<String> SUPPORTED =
      List.copyOf(
          SearchLanguages.supported().stream()
              .sorted((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b))
              .toList());

  private ContentLanguages() {}

  /** The language an API call asks for; an explicit but unsupported {@code lang} is a 400. */
  public static String requested(String lang, HttpHeaders headers) {
    if (lang != null) {
      if (!SUPPORTED.contains(lang)) {
        throw new InvalidInputException(
            "lang", "Unsupported language '" + lang + "'; use one of " + SUPPORTED);
      }
      return lang;
    }
    List<Locale> preferred;
    try {
      preferred = headers.getAcceptableLanguages();
    } catch (RuntimeException malformed) {
      // A garbled Accept-Language is the client's problem, not a reason to refuse the request.
      preferred = List.of();
    }
    return firstSupported(preferred);
  }

  /** The first of the browser's languages that the portal speaks, else the fallback. */
  public static String firstSupported(List<Locale> preferred) {
    for (Locale locale : preferred) {
      if (SUPPORTED.contains(locale.getLanguage())) {
        return locale.getLanguage();
      }
    }
    return SUPPORTED.get(0);
  }
}
