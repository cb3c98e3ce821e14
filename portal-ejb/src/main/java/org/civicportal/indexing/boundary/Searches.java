package org.civicportal.indexing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.control.ServiceDocuments;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.search.Audience;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchLanguages;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.SearchResult;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Full-text search over the portal's published content. Every hit is checked against the database
 * before it is returned, so a service unpublished a moment ago never shows even if the index has
 * not caught up yet.
 */
@ApplicationScoped
public class Searches {
  public static final int MAX_SIZE = SearchQuery.MAX_SIZE;

  @Inject PortalIndex portalIndex;
  @Inject PublicServices services;

  /**
   * Searches one language's content.
   *
   * @throws InvalidInputException naming {@code q}, {@code lang} or {@code size} when one is
   *     unusable
   * @throws IndexUnavailableException while the index is still catching up at start-up
   */
  public Results search(String text, String language, int size) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("q", "Enter one or more words to search for.");
    }
    if (text.length() > SearchQuery.MAX_LENGTH) {
      throw new InvalidInputException(
          "q", "A search can be at most " + SearchQuery.MAX_LENGTH + " characters long.");
    }
    if (!SearchLanguages.isSupported(language)) {
      throw new InvalidInputException(
          "lang",
          "Unsupported language '" + language + "'; use one of " + SearchLanguages.supported());
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE);
    }
    if (!portalIndex.isReady()) {
      throw new IndexUnavailableException();
    }
    SearchResult result;
    try {
      // Citizens and visitors: public content of the current tenant. Staff audiences come from the
      // classification policy (issue #3).
      Audience audience = Audience.publicOf(CurrentTenant.code());
      result = portalIndex.index().search(new SearchQuery(text, List.of(language), size, audience));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return current(result, language);
  }

  /**
   * Keeps the hits whose service is still published, in the index's order. The total drops by the
   * stale hits seen here; others beyond this page are corrected as soon as the outbox reaches the
   * index.
   */
  private Results current(SearchResult result, String language) {
    // Services are the only indexed type so far; each new type adds its own re-check here.
    List<SearchHit> serviceHits =
        result.hits().stream().filter(h -> ServiceDocuments.TYPE.equals(h.type())).toList();
    Map<Long, ServiceTranslation> live =
        services
            .publishedIn(serviceHits.stream().map(h -> Long.valueOf(h.id())).toList(), language)
            .stream()
            .collect(Collectors.toMap(t -> t.service().id(), Function.identity()));
    List<Hit> hits =
        serviceHits.stream()
            .filter(h -> live.containsKey(Long.valueOf(h.id())))
            .map(h -> hit(h, live.get(Long.valueOf(h.id()))))
            .toList();
    long stale = serviceHits.size() - hits.size();
    return new Results(result.total() - stale, hits);
  }

  private static Hit hit(SearchHit hit, ServiceTranslation t) {
    return new Hit(hit.type(), t.service().id(), t.slug(), t.language(), t.title(), hit.snippet());
  }

  /** A page of results: the exact number of matches, and the best ones. */
  public record Results(long total, List<Hit> hits) {}

  /**
   * One result; {@code snippet} is HTML-escaped text with {@code <mark>} around the matched words.
   */
  public record Hit(
      String type, long id, String slug, String language, String title, String snippet) {}
}
