package org.civicportal.indexing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicportal.catalog.control.ServiceDocuments;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.search.IndexDocument;

/**
 * Reads outbox entries and the current state of the entities they name, each call in its own
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxReader {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ServiceDocuments serviceDocuments;

  /** The next entries in outbox order, with what the index must now hold for them. */
  public Batch next(int max) {
    List<OutboxEntry> entries =
        em.createNamedQuery(OutboxEntry.OLDEST, OutboxEntry.class)
            .setMaxResults(max)
            .getResultList();
    List<Long> ids = new ArrayList<>();
    List<IndexDocument> upserts = new ArrayList<>();
    Set<String> deletes = new LinkedHashSet<>();
    Set<Long> services = new LinkedHashSet<>();
    for (OutboxEntry entry : entries) {
      ids.add(entry.id());
      if (OutboxEntry.PUBLIC_SERVICE.equals(entry.entityType())) {
        services.add(entry.entityId());
      }
    }
    for (long serviceId : services) {
      List<IndexDocument> documents = serviceDocuments.current(serviceId);
      upserts.addAll(documents);
      deletes.addAll(serviceDocuments.keysOf(serviceId));
      documents.forEach(d -> deletes.remove(d.key()));
    }
    long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    return new Batch(ids, upserts, deletes, last);
  }

  /** Every document the index should hold, and the outbox entries that this snapshot covers. */
  public Batch everything() {
    List<Long> ids =
        em.createNamedQuery(OutboxEntry.OLDEST, OutboxEntry.class).getResultList().stream()
            .map(OutboxEntry::id)
            .toList();
    long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    return new Batch(ids, serviceDocuments.allPublished(), Set.of(), last);
  }

  /** Deletes applied entries; callers pass at most {@link OutboxRelay#BATCH} ids at a time. */
  public void remove(List<Long> ids) {
    if (!ids.isEmpty()) {
      em.createNamedQuery(OutboxEntry.DELETE_IDS).setParameter("ids", ids).executeUpdate();
    }
  }

  public long pending() {
    return em.createNamedQuery(OutboxEntry.COUNT, Long.class).getSingleResult();
  }

  /** Outbox entries read together, and the index changes that apply them. */
  public record Batch(
      List<Long> entryIds,
      List<IndexDocument> upserts,
      Set<String> deletedKeys,
      long lastEntryId) {}
}
