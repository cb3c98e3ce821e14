package org.civicportal.indexing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.search.IndexDocument;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * Reads outbox entries, and the current state of the entities they name tenant by tenant (each
 * tenant's entities in a transaction of their own, bound to that tenant).
 */
@ApplicationScoped
public class OutboxReader {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Records records;
  @Inject OutboxReader self;

  /** The next entries in outbox order, with what the index must now hold for them. */
  public Batch next(int max) {
    List<OutboxEntry> entries = self.oldest(max);
    List<Long> ids = new ArrayList<>();
    // tenant -> entity type -> ids
    Map<String, Map<String, Set<Long>>> changed = new TreeMap<>();
    for (OutboxEntry entry : entries) {
      ids.add(entry.id());
      changed
          .computeIfAbsent(entry.tenant(), t -> new TreeMap<>())
          .computeIfAbsent(entry.entityType(), t -> new LinkedHashSet<>())
          .add(entry.entityId());
    }
    List<IndexDocument> upserts = new ArrayList<>();
    Set<String> deletes = new LinkedHashSet<>();
    for (RecordKind source : records.all()) {
      changed.forEach(
          (tenant, byType) -> {
            Set<Long> records = byType.getOrDefault(source.type(), Set.of());
            if (records.isEmpty()) {
              return;
            }
            records.forEach(id -> deletes.addAll(source.keysOf(tenant, id)));
            List<IndexDocument> documents = CurrentTenant.as(tenant, () -> source.current(records));
            upserts.addAll(documents);
            documents.forEach(d -> deletes.remove(d.key()));
          });
    }
    long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    return new Batch(ids, upserts, deletes, last);
  }

  /** Every document the index should hold, and the outbox entries that this snapshot covers. */
  public Batch everything() {
    List<Long> ids = self.oldest(Integer.MAX_VALUE).stream().map(OutboxEntry::id).toList();
    List<IndexDocument> all = new ArrayList<>();
    for (String tenant : self.tenants()) {
      for (RecordKind source : records.all()) {
        all.addAll(CurrentTenant.as(tenant, source::all));
      }
    }
    long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    return new Batch(ids, all, Set.of(), last);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<OutboxEntry> oldest(int max) {
    return em.createNamedQuery(OutboxEntry.OLDEST, OutboxEntry.class)
        .setMaxResults(max)
        .getResultList();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<String> tenants() {
    return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList().stream()
        .map(Tenant::code)
        .toList();
  }

  /** Deletes applied entries; callers pass at most {@link OutboxRelay#BATCH} ids at a time. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void remove(List<Long> ids) {
    if (!ids.isEmpty()) {
      em.createNamedQuery(OutboxEntry.DELETE_IDS).setParameter("ids", ids).executeUpdate();
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
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
