package org.civicportal.document.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.document.entity.DocumentAttachment;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.record.control.RecordKind;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * What the search index holds for staff documents: one document each, carrying the document's label
 * as the policy's {@code Visibility}, so that a search only ever counts what its reader may see.
 * Reads the current tenant, each call in its own transaction.
 */
@ApplicationScoped
public class DocumentIndexing {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> current(Collection<Long> ids) {
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    Map<Long, String> files = attachmentText(ids);
    List<IndexDocument> documents = new ArrayList<>();
    for (long id : ids) {
      StaffDocument document = em.find(StaffDocument.class, id);
      if (document != null) {
        documents.add(document(document, scheme, files.getOrDefault(id, "")));
      }
    }
    return documents;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @TenantBound
  public List<IndexDocument> all() {
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    Map<Long, String> files = attachmentText(null);
    return em.createNamedQuery(StaffDocument.ALL, StaffDocument.class).getResultList().stream()
        .map(d -> document(d, scheme, files.getOrDefault(d.id(), "")))
        .toList();
  }

  /** The text of the files of these documents (all when null), by document. */
  private Map<Long, String> attachmentText(Collection<Long> ids) {
    if (ids != null && ids.isEmpty()) {
      return Map.of();
    }
    List<DocumentAttachment> files =
        ids == null
            ? em.createQuery(
                    "SELECT a FROM DocumentAttachment a ORDER BY a.id", DocumentAttachment.class)
                .getResultList()
            : em.createQuery(
                    "SELECT a FROM DocumentAttachment a WHERE a.documentId IN :ids ORDER BY a.id",
                    DocumentAttachment.class)
                .setParameter("ids", ids)
                .getResultList();
    Map<Long, String> text = new HashMap<>();
    for (DocumentAttachment a : files) {
      text.merge(a.documentId(), a.fileName() + "\n" + a.text(), (x, y) -> x + "\n\n" + y);
    }
    return text;
  }

  private IndexDocument document(StaffDocument d, ClassificationScheme scheme, String files) {
    String tenant = CurrentTenant.code();
    String language = SearchLanguages.isSupported(d.language()) ? d.language() : "en";
    return new IndexDocument(
            RecordKind.key(tenant, DocumentKind.TYPE, d.id(), language),
            DocumentKind.TYPE,
            Long.toString(d.id()),
            language,
            d.title(),
            "",
            d.body(),
            policy.visibility(tenant, d.label(scheme)))
        // the files' text is searched and highlighted, under the document's label
        .withAttachments(files)
        .withDetails(d.agency(), null, d.updatedAt());
  }
}
