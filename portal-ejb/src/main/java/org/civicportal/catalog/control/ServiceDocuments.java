package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;

/**
 * What the search index holds for public services: one document per published translation, keyed
 * {@code service:<id>:<language>}. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ServiceDocuments {
  public static final String TYPE = "service";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** The documents the service should have in the index now: none unless it is published. */
  public List<IndexDocument> current(long serviceId) {
    PublicService service = em.find(PublicService.class, serviceId);
    if (service == null || !service.isPublished()) {
      return List.of();
    }
    return service.translations().stream()
        .filter(t -> SearchLanguages.isSupported(t.language()))
        .map(ServiceDocuments::document)
        .toList();
  }

  /** Every key the service may have in the index, in any language. */
  public List<String> keysOf(long serviceId) {
    return SearchLanguages.supported().stream().map(lang -> key(serviceId, lang)).toList();
  }

  public List<IndexDocument> allPublished() {
    return em
        .createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
        .getResultList()
        .stream()
        .filter(t -> SearchLanguages.isSupported(t.language()))
        .map(ServiceDocuments::document)
        .toList();
  }

  static IndexDocument document(ServiceTranslation t) {
    long id = t.service().id();
    return new IndexDocument(
        key(id, t.language()),
        TYPE,
        Long.toString(id),
        t.language(),
        t.title(),
        t.summary(),
        t.body());
  }

  static String key(long serviceId, String language) {
    return TYPE + ":" + serviceId + ":" + language;
  }
}
