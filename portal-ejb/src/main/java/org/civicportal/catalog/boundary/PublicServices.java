package org.civicportal.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicportal.catalog.control.CatalogueCache;
import org.civicportal.catalog.entity.Agency;
import org.civicportal.catalog.entity.Category;
import org.civicportal.catalog.entity.LocalisedNames;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.search.SearchLanguages;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The public service catalogue as citizens read it: published services only, in their language or a
 * fallback. Editing lives in {@link ServiceEditor}.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class PublicServices {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CatalogueCache cache;

  /** The published service text at this slug, with the service's other translations loaded. */
  public Optional<ServiceTranslation> publishedBySlug(String slug) {
    if (!ServiceTranslation.isSlug(slug)) {
      return Optional.empty();
    }
    Optional<ServiceTranslation> found =
        em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_SLUG, ServiceTranslation.class)
            .setParameter("slug", slug)
            .getResultStream()
            .findFirst();
    found.ifPresent(t -> t.service().translations().size());
    return found;
  }

  /**
   * The published translations of these services in one language, for turning search hits into
   * links.
   */
  public List<ServiceTranslation> publishedIn(List<Long> serviceIds, String language) {
    if (serviceIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_IDS, ServiceTranslation.class)
        .setParameter("ids", serviceIds)
        .setParameter("language", language)
        .getResultList();
  }

  /** Every published text of every published service, with its service. */
  public List<ServiceTranslation> allPublished() {
    return em.createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
        .getResultList();
  }

  /** The tenant's agencies, by code (names in every language). */
  public List<Term> agencies() {
    return cache.get(
        "agencies:" + CurrentTenant.code(),
        () ->
            em.createNamedQuery(Agency.ALL, Agency.class).getResultList().stream()
                .map(a -> new Term(a.code(), a.names()))
                .toList());
  }

  /** The tenant's service categories, by code (names in every language). */
  public List<Term> categories() {
    return cache.get(
        "categories:" + CurrentTenant.code(),
        () ->
            em.createNamedQuery(Category.ALL, Category.class).getResultList().stream()
                .map(c -> new Term(c.code(), c.names()))
                .toList());
  }

  /**
   * Every published service once, in the reader's language where it has a text in it, else in the
   * tenant's default language, else in its source language; ordered by title as the reader's
   * language sorts. Served from memory between publications.
   */
  public List<CatalogueEntry> catalogue(String language, String defaultLanguage) {
    return cache.get(
        "catalogue:" + CurrentTenant.code() + ":" + language + ":" + defaultLanguage,
        () -> List.copyOf(readCatalogue(language, defaultLanguage)));
  }

  private List<CatalogueEntry> readCatalogue(String language, String defaultLanguage) {
    Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
    List<CatalogueEntry> entries = new ArrayList<>();
    Map<Long, List<ServiceTranslation>> byService = new LinkedHashMap<>();
    for (ServiceTranslation t :
        em.createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
            .getResultList()) {
      byService.computeIfAbsent(t.service().id(), k -> new ArrayList<>()).add(t);
    }
    for (List<ServiceTranslation> texts : byService.values()) {
      ServiceTranslation chosen = pick(texts, language, defaultLanguage);
      PublicService service = chosen.service();
      entries.add(
          new CatalogueEntry(
              service.id(),
              chosen.slug(),
              chosen.title(),
              chosen.summary(),
              chosen.language(),
              service.agency().code(),
              service.agency().nameIn(chosen.language()),
              service.publishedRevision().flatMap(ServiceRevision::category).orElse(null),
              !chosen.language().equals(language)));
    }
    entries.sort(Comparator.comparing(CatalogueEntry::title, collator));
    return entries;
  }

  private static ServiceTranslation pick(
      List<ServiceTranslation> texts, String language, String defaultLanguage) {
    return texts.stream()
        .filter(t -> t.language().equals(language))
        .findFirst()
        .or(() -> texts.stream().filter(t -> t.language().equals(defaultLanguage)).findFirst())
        .orElseGet(
            () ->
                texts.stream()
                    .filter(
                        t ->
                            t.service()
                                .publishedRevision()
                                .map(r -> r.sourceLanguage().equals(t.language()))
                                .orElse(false))
                    .findFirst()
                    .orElse(texts.get(0)));
  }

  /**
   * The published service in the reader's language: at its slug when that is the reader's language
   * or the service has no text in it; otherwise the text in the reader's language (the caller
   * redirects there).
   */
  public Optional<ServicePage> page(String slug) {
    return publishedBySlug(slug)
        .flatMap(
            t ->
                t.service()
                    .publishedRevision()
                    .flatMap(
                        r ->
                            r.text(t.language())
                                .map(
                                    text ->
                                        new ServicePage(t, r, text, related(r, t.language())))));
  }

  private List<ServiceTranslation> related(ServiceRevision revision, String language) {
    List<ServiceTranslation> related = new ArrayList<>();
    for (Long id : revision.related()) {
      PublicService other = em.find(PublicService.class, id);
      if (other != null && other.isPublished()) {
        other
            .translation(language)
            .or(() -> other.translations().stream().findFirst())
            .ifPresent(related::add);
      }
    }
    return related;
  }

  /**
   * A published service as a catalogue lists it, in {@code language}; {@code fallback} when that is
   * not the language the reader asked for.
   */
  public record CatalogueEntry(
      long serviceId,
      String slug,
      String title,
      String summary,
      String language,
      String agency,
      String agencyName,
      String category,
      boolean fallback) {}

  /** An agency or category: its code and its names by language. */
  public record Term(String code, Map<String, String> names) {
    public Term {
      names = Map.copyOf(names);
    }

    /** The name in the given language, else in English, else any, else the code. */
    public String nameIn(String language) {
      return LocalisedNames.in(names, language, code);
    }
  }

  /** A published service's page: the text at its slug, with the revision it belongs to. */
  public record ServicePage(
      ServiceTranslation translation,
      ServiceRevision revision,
      RevisionText text,
      List<ServiceTranslation> related) {}

  private static void requireLanguage(String language) {
    if (!SearchLanguages.isSupported(language)) {
      throw new InvalidInputException(
          "lang",
          "Unsupported language '" + language + "'; use one of " + SearchLanguages.supported());
    }
  }
}
