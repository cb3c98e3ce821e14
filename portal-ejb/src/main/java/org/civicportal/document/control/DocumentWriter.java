package org.civicportal.document.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Writes a staff document of the current tenant and its outbox entry in the caller's transaction.
 * Who may write what is the boundary's business, not this class's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantBound
public class DocumentWriter {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject PortalIndex portalIndex;
  @Inject Records records;
  @Resource TransactionSynchronizationRegistry registry;
  @Resource ManagedExecutorService executor;

  public StaffDocument insert(StaffDocument document, Instant now) {
    em.persist(document);
    em.flush();
    changed(document, now);
    return document;
  }

  /**
   * The document's label rose: readers below the new label must stop finding it as soon as this
   * transaction commits, not when the outbox catches up. Just before the commit, its entries are
   * taken out of the index (fail closed); the outbox entry written with the change puts it back
   * under the new label after the commit. If the transaction rolls back instead, the document is
   * queued again in a transaction of its own, so it comes back under its old label.
   */
  public void raised(StaffDocument document, Instant now) {
    String tenant = CurrentTenant.code();
    long id = document.id();
    List<String> keys = RecordKind.keys(tenant, DocumentKind.TYPE, id);
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            portalIndex.hide(keys);
          }

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              executor.execute(() -> CurrentTenant.as(tenant, () -> self().requeue(id)));
            }
          }
        });
    changed(document, now);
  }

  /** Queues a document for the index again, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Void requeue(long id) {
    records.changed(DocumentKind.TYPE, id);
    return null;
  }

  private DocumentWriter self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(DocumentWriter.class).get();
  }

  /** The document changed: queued for the index, and in the change log devices sync from. */
  public void changed(StaffDocument document, Instant now) {
    records.changed(DocumentKind.TYPE, document.id());
  }
}
