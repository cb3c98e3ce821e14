package org.civicportal.catalog.entity;

import java.util.Map;

/** The one rule for showing something named in several languages (an agency, a topic). */
public final class LocalisedNames {
  private LocalisedNames() {}

  /**
   * The name in the given language, else in English, else the first by sort order, else {@code
   * fallback}.
   */
  public static String in(Map<String, String> names, String language, String fallback) {
    String name = names.getOrDefault(language, names.get("en"));
    return name != null ? name : names.values().stream().sorted().findFirst().orElse(fallback);
  }
}
