package org.civicportal.indexing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.record.control.RecordChanged;

/**
 * Queues every changed record for the index, in the transaction that changed it: the outbox entry
 * commits with the change or not at all, and the relay applies it after the commit.
 */
@ApplicationScoped
public class OutboxWriter {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  void changed(@Observes RecordChanged change) {
    em.persist(new OutboxEntry(change.tenant(), change.type(), change.id(), Instant.now()));
  }
}
