package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;
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
public class RequestIndexing {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject Records records;

  /**
   * The request changed: queue it for the index, and write the change log devices sync from, in the
   * caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @TenantBound
  public void changed(long id) {
    records.changed(RequestKind.TYPE, id);
  }

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
            RecordKind.key(tenant, RequestKind.TYPE, r.id(), language),
            RequestKind.TYPE,
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
