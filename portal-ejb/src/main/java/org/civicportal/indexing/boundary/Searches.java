package org.civicportal.indexing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.classification.boundary.Classifications;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.record.control.Records;
import org.civicportal.record.control.Shown;
import org.civicportal.search.CursorExpiredException;
import org.civicportal.search.SearchFilters;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchLanguages;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.SearchResult;
import org.civicportal.search.UpdatedWithin;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Search for the current subject, through the classification policy: the index only ever counts,
 * facets, suggests and highlights what the subject's audience may see ({@link
 * ClearancePolicy#audience}); every hit is then read again from the database through the same
 * policy before it is shown, so a record whose label rose a moment ago is dropped even if the index
 * has not caught up (it never shows, and the total is lowered by it). One search covers services,
 * staff documents and service requests, in the asked language and the tenant's default. A page that
 * shows records above the lowest level is audited (one entry naming them).
 */
@ApplicationScoped
@Transactional
// the kinds read their records in this transaction: its entity manager must know the tenant
@TenantBound
public class Searches {
  public static final int MAX_SIZE = SearchQuery.MAX_SIZE;

  @Inject PortalIndex portalIndex;
  @Inject Classifications classifications;
  @Inject Records records;
  @Inject CurrentSubject subjects;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;

  /**
   * What to search for: the text, the page's language, filters (all optional; {@code level} is a
   * level's name such as {@code SECRET}, {@code updated} one of {@code 7d 30d 365d older}), the
   * page size, the cursor of the previous page, and whether to count facets.
   */
  public record Request(
      String text,
      String language,
      Set<String> types,
      String agency,
      String category,
      String contentLanguage,
      String level,
      String updated,
      int size,
      String cursor,
      boolean facets) {
    public Request {
      types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Plain text in one language, first page, no filters or facets. */
    public static Request of(String text, String language, int size) {
      return new Request(text, language, Set.of(), null, null, null, null, null, size, null, false);
    }
  }

  /** Searches one language's content (the first page, no facets). */
  public Results search(String text, String language, int size) {
    return search(Request.of(text, language, size));
  }

  /**
   * Searches.
   *
   * @throws InvalidInputException naming the parameter that is unusable ({@code q}, {@code lang},
   *     {@code size}, {@code type}, {@code level}, {@code updated}, {@code cursor})
   * @throws IndexUnavailableException while the index is still catching up at start-up
   */
  public Results search(Request r) {
    String text = r.text();
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("q", "Enter one or more words to search for.");
    }
    if (text.length() > SearchQuery.MAX_LENGTH) {
      throw new InvalidInputException(
          "q", "A search can be at most " + SearchQuery.MAX_LENGTH + " characters long.");
    }
    requireLanguage("lang", r.language());
    if (r.size() < 1 || r.size() > MAX_SIZE) {
      throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE);
    }
    if (!portalIndex.isReady()) {
      throw new IndexUnavailableException();
    }
    Subject subject = subjects.get();
    SearchQuery query =
        new SearchQuery(text, languages(r.language()), r.size(), policy.audience(subject))
            .withFilters(filters(r))
            .withFacets(r.facets())
            .at(Instant.now());
    if (r.cursor() != null && !r.cursor().isBlank()) {
      query = query.withCursor(r.cursor());
    }
    SearchResult result;
    try {
      result = portalIndex.index().search(query);
    } catch (CursorExpiredException e) {
      throw new InvalidInputException("cursor", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(r.cursor() != null ? "cursor" : "q", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return current(result);
  }

  /**
   * Words completing the last one typed, from what the subject may find: a word that appears only
   * in records above the subject's clearance is never offered.
   */
  public List<String> suggestions(String prefix, String language) {
    if (prefix == null || prefix.isBlank() || prefix.length() > 100) {
      return List.of();
    }
    requireLanguage("lang", language);
    if (!portalIndex.isReady()) {
      throw new IndexUnavailableException();
    }
    try {
      return portalIndex
          .index()
          .suggest(prefix, languages(language), policy.audience(subjects.get()), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's language first, then the tenant's default. */
  private List<String> languages(String language) {
    Set<String> languages = new LinkedHashSet<>();
    languages.add(language);
    String fallback =
        tenants.byCode(CurrentTenant.code()).orElseThrow().defaultLocale().getLanguage();
    if (SearchLanguages.isSupported(fallback)) {
      languages.add(fallback);
    }
    return List.copyOf(languages);
  }

  private SearchFilters filters(Request r) {
    SearchFilters filters = SearchFilters.none().withTypes(r.types());
    filters = filters.withAgency(blankToNull(r.agency())).withCategory(blankToNull(r.category()));
    if (r.contentLanguage() != null && !r.contentLanguage().isBlank()) {
      requireLanguage("language", r.contentLanguage());
      filters = filters.withLanguage(r.contentLanguage());
    }
    if (r.level() != null && !r.level().isBlank()) {
      ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
      int rank = scheme.levels().indexOf(r.level().strip());
      if (rank < 0) {
        throw new InvalidInputException(
            "level", "Unknown level " + r.level() + "; use one of " + scheme.levels() + ".");
      }
      filters = filters.withLevel(rank);
    }
    if (r.updated() != null && !r.updated().isBlank()) {
      filters = filters.withUpdated(updated(r.updated()));
    }
    return filters;
  }

  private static UpdatedWithin updated(String name) {
    for (UpdatedWithin u : UpdatedWithin.values()) {
      if (u.label().equals(name)) {
        return u;
      }
    }
    throw new InvalidInputException("updated", "Use 7d, 30d, 365d or older.");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void requireLanguage(String parameter, String language) {
    if (!SearchLanguages.isSupported(language)) {
      throw new InvalidInputException(
          parameter,
          "Unsupported language '" + language + "'; use one of " + SearchLanguages.supported());
    }
  }

  /**
   * The page as the subject sees it now: each hit read again through its kind (which hands out only
   * what the subject may see), in the index's order; the total lowered by the hits dropped.
   */
  private Results current(SearchResult result) {
    Subject subject = subjects.get();
    Map<SearchHit, Shown> shown = new HashMap<>();
    result.hits().stream()
        .collect(Collectors.groupingBy(SearchHit::type))
        .forEach(
            (type, hits) ->
                records.kind(type).ifPresent(kind -> shown.putAll(kind.shown(subject, hits))));
    List<Hit> hits = new ArrayList<>();
    for (SearchHit hit : result.hits()) {
      Shown s = shown.get(hit);
      if (s != null) {
        hits.add(
            new Hit(
                hit.type(),
                s.id(),
                s.slug(),
                s.language(),
                s.title(),
                hit.snippet(),
                s.classification()));
      }
    }
    long stale = result.hits().size() - hits.size();
    String highest =
        classifications.highest(hits.stream().flatMap(h -> h.classification().stream()).toList());
    audit.listed(
        CurrentTenant.code(),
        subject.name(),
        "search",
        hits.stream()
            .filter(
                h ->
                    h.classification().map(m -> classifications.label(m).level() > 0).orElse(false))
            .map(h -> h.type() + ":" + h.id() + " " + h.classification().get())
            .toList());
    return new Results(
        result.total() - stale,
        hits,
        facets(result.facets()),
        result.nextCursor(),
        Optional.ofNullable(result.didYouMean()),
        highest);
  }

  /** The facets as shown: level ranks become the tenant's level names. */
  private Map<String, Map<String, Long>> facets(Map<String, Map<String, Long>> facets) {
    if (facets.isEmpty()) {
      return Map.of();
    }
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    Map<String, Map<String, Long>> shown = new LinkedHashMap<>();
    facets.forEach(
        (dimension, counts) -> {
          if (dimension.equals("level")) {
            Map<String, Long> named = new LinkedHashMap<>();
            counts.forEach((rank, n) -> named.put(scheme.levelName(Integer.parseInt(rank)), n));
            shown.put(dimension, named);
          } else {
            shown.put(dimension, counts);
          }
        });
    return shown;
  }

  /**
   * A page of results: the exact number of matches, the best ones, the facet counts, the cursor of
   * the next page, a correction, and the highest label among the hits (the marking the page showing
   * them carries).
   */
  public record Results(
      long total,
      List<Hit> hits,
      Map<String, Map<String, Long>> facets,
      String nextCursor,
      Optional<String> didYouMean,
      String classification) {}

  /**
   * One result; {@code snippet} is HTML-escaped text with {@code <mark>} around the matched words;
   * a service has a {@code slug}, a request its reference there; classified records carry their
   * {@code classification} marking.
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
