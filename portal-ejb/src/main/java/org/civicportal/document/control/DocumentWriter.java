package org.civicportal.document.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.indexing.control.IndexChanged;
import org.civicportal.indexing.entity.OutboxEntry;
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

  @Inject Event<IndexChanged> indexChanged;

  public StaffDocument insert(StaffDocument document, Instant now) {
    em.persist(document);
    em.flush();
    changed(document, now);
    return document;
  }

  public void changed(StaffDocument document, Instant now) {
    em.persist(
        new OutboxEntry(CurrentTenant.code(), OutboxEntry.STAFF_DOCUMENT, document.id(), now));
    indexChanged.fire(new IndexChanged(OutboxEntry.STAFF_DOCUMENT, document.id()));
  }
}
