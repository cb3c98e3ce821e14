package org.civicportal.document.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import org.civicportal.indexing.control.IndexChanged;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.sync.control.ChangeLog;
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
  /** What the change log calls staff documents. */
  public static final String SYNC_TYPE = "document";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Event<IndexChanged> indexChanged;
  @Inject PortalIndex portalIndex;
  @Inject DocumentIndexing documents;
  @Inject ChangeLog changeLog;
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
    List<String> keys = documents.keysOf(tenant, id);
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
    em.persist(
        new OutboxEntry(CurrentTenant.code(), OutboxEntry.STAFF_DOCUMENT, id, Instant.now()));
    indexChanged.fire(new IndexChanged(OutboxEntry.STAFF_DOCUMENT, id));
    return null;
  }

  private DocumentWriter self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(DocumentWriter.class).get();
  }

  /** The document changed: queued for the index, and in the change log devices sync from. */
  public void changed(StaffDocument document, Instant now) {
    changeLog.changed(SYNC_TYPE, document.id());
    em.persist(
        new OutboxEntry(CurrentTenant.code(), OutboxEntry.STAFF_DOCUMENT, document.id(), now));
    indexChanged.fire(new IndexChanged(OutboxEntry.STAFF_DOCUMENT, document.id()));
  }
}
