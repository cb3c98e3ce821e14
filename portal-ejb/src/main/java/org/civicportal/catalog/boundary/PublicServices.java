package org.civicportal.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.catalog.entity.Agency;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.indexing.control.IndexChanged;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.search.SearchLanguages;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The public service catalogue: what citizens may read, and how services are defined and published.
 * Reads return only published services. Every change writes an outbox entry in the same
 * transaction, so the search index follows the database.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class PublicServices {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Event<IndexChanged> indexChanged;

  private final Clock clock = Clock.systemUTC();

  /** Published services in one language, ordered by title, with their agencies loaded. */
  public List<ServiceTranslation> published(String language) {
    requireLanguage(language);
    return em.createNamedQuery(ServiceTranslation.PUBLISHED_IN, ServiceTranslation.class)
        .setParameter("language", language)
        .getResultList();
  }

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

  public Agency createAgency(String code, Map<String, String> names) {
    Agency agency = new Agency(code);
    names.forEach(agency::name);
    em.persist(agency);
    return agency;
  }

  /** Creates or updates a service's texts and publishes it, all in one transaction. */
  public PublicService publish(String agencyCode, String code, List<ServiceText> texts) {
    Agency agency =
        em.createNamedQuery(Agency.BY_CODE, Agency.class)
            .setParameter("code", agencyCode)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("agency", "No agency with code " + agencyCode));
    PublicService service =
        em.createNamedQuery(PublicService.BY_CODE, PublicService.class)
            .setParameter("agency", agency)
            .setParameter("code", code)
            .getResultStream()
            .findFirst()
            .orElseGet(() -> new PublicService(agency, code));
    for (ServiceText text : texts) {
      requireLanguage(text.language());
      service.translate(
          text.language(), text.slug(), text.title(), text.summary(), text.body(), clock.instant());
    }
    service.publish(clock.instant());
    if (service.id() == null) {
      em.persist(service);
    }
    em.flush();
    em.persist(
        new OutboxEntry(
            CurrentTenant.code(), OutboxEntry.PUBLIC_SERVICE, service.id(), clock.instant()));
    indexChanged.fire(new IndexChanged(OutboxEntry.PUBLIC_SERVICE, service.id()));
    return service;
  }

  private static void requireLanguage(String language) {
    if (!SearchLanguages.isSupported(language)) {
      throw new InvalidInputException(
          "lang",
          "Unsupported language '" + language + "'; use one of " + SearchLanguages.supported());
    }
  }

  /** A service's text in one language, as an editor writes it. */
  public record ServiceText(
      String language, String slug, String title, String summary, String body) {}
}
