package org.civicportal.indexing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.control.ServiceDocuments;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.control.DocumentIndexing;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchLanguages;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.SearchResult;

/**
 * Full-text search over what the current subject may see: the tenant's published services, and for
 * employees the staff documents their clearance allows. The index itself filters by the policy's
 * audience before counting, so totals and rankings never include records above the subject. Every
 * hit is then read again through its boundary (the database is the authority), so a record
 * unpublished or relabelled a moment ago never shows even before the index catches up; such stale
 * hits are also taken off the total.
 */
@ApplicationScoped
public class Searches {
  public static final int MAX_SIZE = SearchQuery.MAX_SIZE;

  @Inject PortalIndex portalIndex;
  @Inject PublicServices services;
  @Inject StaffDocuments documents;
  @Inject CurrentSubject subjects;
  @Inject ClearancePolicy policy;

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
    Subject subject = subjects.get();
    SearchResult result;
    try {
      result =
          portalIndex
              .index()
              .search(new SearchQuery(text, List.of(language), size, policy.audience(subject)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return current(result, language);
  }

  private Results current(SearchResult result, String language) {
    Map<Long, ServiceTranslation> liveServices =
        services.publishedIn(ids(result, ServiceDocuments.TYPE), language).stream()
            .collect(Collectors.toMap(t -> t.service().id(), Function.identity()));
    Map<Long, StaffDocument> liveDocuments =
        documents.visibleAmong(ids(result, DocumentIndexing.TYPE)).stream()
            .collect(Collectors.toMap(StaffDocument::id, Function.identity()));
    List<Hit> hits = new ArrayList<>();
    for (SearchHit hit : result.hits()) {
      long id = Long.parseLong(hit.id());
      if (ServiceDocuments.TYPE.equals(hit.type()) && liveServices.containsKey(id)) {
        ServiceTranslation t = liveServices.get(id);
        hits.add(
            new Hit(
                hit.type(),
                id,
                t.slug(),
                t.language(),
                t.title(),
                hit.snippet(),
                Optional.empty()));
      } else if (DocumentIndexing.TYPE.equals(hit.type()) && liveDocuments.containsKey(id)) {
        StaffDocument d = liveDocuments.get(id);
        hits.add(
            new Hit(
                hit.type(),
                id,
                null,
                hit.language(),
                d.title(),
                hit.snippet(),
                Optional.of(d.marking())));
      }
    }
    long stale = result.hits().size() - hits.size();
    String highest =
        documents.highest(hits.stream().flatMap(h -> h.classification().stream()).toList());
    return new Results(result.total() - stale, hits, highest);
  }

  private static List<Long> ids(SearchResult result, String type) {
    return result.hits().stream()
        .filter(h -> type.equals(h.type()))
        .map(h -> Long.valueOf(h.id()))
        .toList();
  }

  /**
   * A page of results: the exact number of matches, the best ones, and the highest label among them
   * (the marking the page showing them carries).
   */
  public record Results(long total, List<Hit> hits, String classification) {}

  /**
   * One result; {@code snippet} is HTML-escaped text with {@code <mark>} around the matched words;
   * a service has a {@code slug}, a classified record its {@code classification} marking.
   */
  public record Hit(
      String type,
      long id,
      String slug,
      String language,
      String title,
      String snippet,
      Optional<String> classification) {}
}
