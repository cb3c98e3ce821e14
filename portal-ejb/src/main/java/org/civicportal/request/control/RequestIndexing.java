package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.indexing.control.IndexChanged;
import org.civicportal.indexing.control.IndexSource;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;
import org.civicportal.sync.control.ChangeLog;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * What the search index holds for service requests, for staff search: the reference and service,
 * the answers, the messages with the citizen (never the internal notes, which have labels of their
 * own) and the text of the files, under the request's label and its agency's case compartment
 * ({@link ClearancePolicy#caseVisibility}).
 */
@ApplicationScoped
public class RequestIndexing implements IndexSource {
  public static final String TYPE = "request";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject Event<IndexChanged> indexChanged;
  @Inject ChangeLog changeLog;

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * The request changed: queue it for the index, and write the change log devices sync from, in the
   * caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @TenantBound
  public void changed(long id) {
    changeLog.changed(TYPE, id);
    em.persist(new OutboxEntry(CurrentTenant.code(), TYPE, id, Instant.now()));
    indexChanged.fire(new IndexChanged(TYPE, id));
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> current(Collection<Long> ids) {
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    List<IndexDocument> documents = new ArrayList<>();
    for (long id : ids) {
      ServiceRequest r = em.find(ServiceRequest.class, id);
      if (r != null) {
        documents.add(document(r, scheme));
      }
    }
    return documents;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> all() {
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    return em
        .createQuery("SELECT r FROM ServiceRequest r ORDER BY r.id", ServiceRequest.class)
        .getResultList()
        .stream()
        .map(r -> document(r, scheme))
        .toList();
  }

  private IndexDocument document(ServiceRequest r, ClassificationScheme scheme) {
    String tenant = CurrentTenant.code();
    String language = SearchLanguages.isSupported(r.language()) ? r.language() : "en";
    PublicService service = em.find(PublicService.class, r.serviceId());
    String title =
        service == null
            ? r.serviceCode()
            : service
                .translation(language)
                .or(() -> service.translations().stream().findFirst())
                .map(ServiceTranslation::title)
                .orElse(r.serviceCode());
    String answers =
        r.answers().asMap().values().stream()
            .flatMap(List::stream)
            .collect(Collectors.joining("\n"));
    String messages =
        em
            .createNamedQuery(RequestMessage.OF_REQUEST, RequestMessage.class)
            .setParameter("request", r.id())
            .getResultList()
            .stream()
            .filter(m -> !m.isNote())
            .map(RequestMessage::body)
            .collect(Collectors.joining("\n\n"));
    String files =
        em
            .createNamedQuery(RequestAttachment.OF_REQUEST, RequestAttachment.class)
            .setParameter("request", r.id())
            .getResultList()
            .stream()
            .map(a -> a.fileName() + "\n" + a.text())
            .collect(Collectors.joining("\n\n"));
    return new IndexDocument(
            IndexSource.key(tenant, TYPE, r.id(), language),
            TYPE,
            Long.toString(r.id()),
            language,
            r.reference() + " – " + title,
            r.description().orElse(""),
            answers + (messages.isEmpty() ? "" : "\n\n" + messages),
            policy.caseVisibility(tenant, r.label(scheme), r.agency()))
        .withDetails(
            r.agency(),
            service == null
                ? null
                : service.publishedRevision().flatMap(rev -> rev.category()).orElse(null),
            r.updatedAt())
        .withAttachments(files);
  }
}
