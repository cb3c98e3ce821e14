package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.identity.control.Subject;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Shown;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchLanguages;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Public services as a kind of record. The search index holds one document per published
 * translation, keyed {@code service:<id>:<language>}, published to everyone in its tenant. Each
 * names the service's other indexed languages, so a search over the reader's language and the
 * tenant's default shows the service once. All of a service's documents are written together, so
 * they agree on those languages. A hit shows as the published translation in its language, to
 * anyone; devices do not carry services.
 */
@ApplicationScoped
public class ServiceKind implements RecordKind {
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
            .map(ServiceKind::document)
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
        .map(ServiceKind::document)
        .toList();
  }

  /** Published services show to everyone, in the hit's language, with their address. */
  @Override
  public Map<SearchHit, Shown> shown(Subject subject, Collection<SearchHit> hits) {
    Map<SearchHit, Shown> shown = new HashMap<>();
    hits.stream()
        .collect(Collectors.groupingBy(SearchHit::language))
        .forEach(
            (language, inLanguage) -> {
              Map<Long, ServiceTranslation> live = new HashMap<>();
              em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_IDS, ServiceTranslation.class)
                  .setParameter("ids", inLanguage.stream().map(h -> Long.valueOf(h.id())).toList())
                  .setParameter("language", language)
                  .getResultList()
                  .forEach(t -> live.put(t.service().id(), t));
              for (SearchHit hit : inLanguage) {
                ServiceTranslation t = live.get(Long.valueOf(hit.id()));
                if (t != null) {
                  shown.put(
                      hit,
                      new Shown(
                          t.service().id(), t.slug(), t.language(), t.title(), Optional.empty()));
                }
              }
            });
    return shown;
  }

  static IndexDocument document(ServiceTranslation t) {
    long id = t.service().id();
    String tenant = CurrentTenant.code();
    return new IndexDocument(
            RecordKind.key(tenant, TYPE, id, t.language()),
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
