package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.indexing.control.IndexSource;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * What the search index holds for the current tenant's public services: one document per published
 * translation, keyed {@code service:<id>:<language>}, public in its tenant. Each names the
 * service's other indexed languages, so a search over the reader's language and the tenant's
 * default shows the service once. All of a service's documents are written together, so they agree
 * on those languages. Each call is its own transaction, bound to the current tenant.
 */
@ApplicationScoped
public class ServiceDocuments implements IndexSource {
  public static final String TYPE = "service";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public String type() {
    return TYPE;
  }

  /** The documents these services should have in the index now: none for an unpublished one. */
  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> current(Collection<Long> serviceIds) {
    List<IndexDocument> documents = new ArrayList<>();
    for (long id : serviceIds) {
      PublicService service = em.find(PublicService.class, id);
      if (service != null && service.isPublished()) {
        service.translations().stream()
            .filter(t -> SearchLanguages.isSupported(t.language()))
            .map(ServiceDocuments::document)
            .forEach(documents::add);
      }
    }
    return documents;
  }

  /** Every document the current tenant's published services should have. */
  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> all() {
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
    String tenant = CurrentTenant.code();
    return new IndexDocument(
            IndexSource.key(tenant, TYPE, id, t.language()),
            TYPE,
            Long.toString(id),
            t.language(),
            t.title(),
            t.summary(),
            RichText.text(t.body()),
            ClearancePolicy.published(tenant))
        .withDetails(
            t.service().agency().code(),
            t.service().publishedRevision().flatMap(r -> r.category()).orElse(null),
            t.service().publishedAt())
        .withTranslations(
            t.service().translations().stream()
                .map(ServiceTranslation::language)
                .filter(SearchLanguages::isSupported)
                .collect(Collectors.toSet()));
  }
}
