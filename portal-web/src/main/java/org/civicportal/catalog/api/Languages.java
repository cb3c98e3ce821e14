package org.civicportal.catalog.api;

import jakarta.ws.rs.core.HttpHeaders;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.InvalidInputException;

/** The content language an API call asks for: {@code ?lang=}, else its Accept-Language, else English. */
public final class Languages {
  private Languages() {}

  public static String requested(String lang, HttpHeaders headers) {
    if (lang != null) {
      if (!LanguageBacking.SUPPORTED.contains(lang)) {
        throw new InvalidInputException(
            "lang", "Unsupported language '" + lang + "'; use one of " + LanguageBacking.SUPPORTED);
      }
      return lang;
    }
    return LanguageBacking.fromAcceptLanguage(headers.getAcceptableLanguages());
  }
}
