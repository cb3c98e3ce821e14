package org.civicportal.benchmark;

import java.util.List;
import org.civicportal.search.Audience;
import org.civicportal.search.SearchQuery;

/**
 * One query of the fixed set, as typed in the search box, for one audience.
 *
 * @param kind its shape
 * @param language the language searched
 * @param text what the citizen types, in the search box's syntax ({@code "a b"}, {@code pre*})
 * @param audience whose eyes it is for
 */
public record BenchQuery(QueryKind kind, String language, String text, Audience audience) {

  /** Top 10, as the portal's result page asks. */
  public static final int TOP = 10;

  public SearchQuery searchQuery() {
    return new SearchQuery(text, List.of(language), TOP, audience);
  }

  /** The words without the search box's operators: what PostgreSQL's tsquery functions take. */
  public String words() {
    return text.replace("\"", "").replace("*", "").strip();
  }
}
