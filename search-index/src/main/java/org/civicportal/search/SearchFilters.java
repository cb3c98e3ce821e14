package org.civicportal.search;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drill-down restrictions of a search. Each is a filter: it removes hits and changes neither scores
 * nor the order of what remains, and facet counts are taken over what remains. Nothing here can
 * widen what the audience may see.
 *
 * @param types kinds of record to keep; empty keeps every kind
 * @param agency agency to keep, or null for any
 * @param category category to keep, or null for any
 * @param language language to keep, or null for every searched language
 * @param level level rank to keep, or null for every level the audience may see
 * @param updated date range to keep, or null for any date (including none)
 */
public record SearchFilters(
    Set<String> types,
    String agency,
    String category,
    String language,
    Integer level,
    UpdatedWithin updated) {

  private static final SearchFilters NONE =
      new SearchFilters(Set.of(), null, null, null, null, null);

  /**
   * Validates and normalises: null types become empty, blank strings become null.
   *
   * @throws IllegalArgumentException if a type is blank, the language unsupported or the level
   *     negative
   */
  public SearchFilters {
    types = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(types, Set.of())));
    for (String type : types) {
      if (type.isBlank()) {
        throw new IllegalArgumentException("A type filter must not be blank");
      }
    }
    agency = blankToNull(agency);
    category = blankToNull(category);
    language = blankToNull(language);
    if (language != null && !SearchLanguages.isSupported(language)) {
      throw new IllegalArgumentException(
          "Unsupported language '" + language + "'; supported: " + SearchLanguages.supported());
    }
    if (level != null && level < 0) {
      throw new IllegalArgumentException("Level filter must not be negative: " + level);
    }
  }

  /** No restriction. */
  public static SearchFilters none() {
    return NONE;
  }

  /** These filters keeping only the given kinds of record (empty for all). */
  public SearchFilters withTypes(Set<String> types) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  /** These filters keeping only one agency (null for any). */
  public SearchFilters withAgency(String agency) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  /** These filters keeping only one category (null for any). */
  public SearchFilters withCategory(String category) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  /** These filters keeping only one language (null for all searched). */
  public SearchFilters withLanguage(String language) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  /** These filters keeping only one level rank (null for all). */
  public SearchFilters withLevel(Integer level) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  /** These filters keeping only one date range (null for any date). */
  public SearchFilters withUpdated(UpdatedWithin updated) {
    return new SearchFilters(types, agency, category, language, level, updated);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
