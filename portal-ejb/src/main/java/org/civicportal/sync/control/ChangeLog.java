package org.civicportal.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.civicportal.sync.entity.SyncChange;
import org.civicportal.sync.entity.SyncCounter;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Writes the tenant's change log in the caller's transaction: a synced record changed. The number
 * comes from the tenant's counter row, read with a write lock that is held until the caller
 * commits, so numbers are given in commit order: a device that has read up to n never misses a
 * change numbered below n. Only the latest row of a record is kept.
 */
@ApplicationScoped
public class ChangeLog {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** A record of this type changed (or appeared, or went): every device looks at it again. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long changed(String type, long id) {
    String tenant = CurrentTenant.code();
    long seq = next(tenant);
    em.createNamedQuery(SyncChange.DROP_EARLIER)
        .setParameter("tenant", tenant)
        .setParameter("type", type)
        .setParameter("id", id)
        .setParameter("seq", seq)
        .executeUpdate();
    em.persist(new SyncChange(tenant, seq, type, id, null, Instant.now()));
    return seq;
  }

  /** One device must look at a record again: its scope changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long forDevice(long device, String type, long id) {
    String tenant = CurrentTenant.code();
    long seq = next(tenant);
    em.persist(new SyncChange(tenant, seq, type, id, device, Instant.now()));
    return seq;
  }

  /** The last number given in the tenant. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long last() {
    SyncCounter counter = em.find(SyncCounter.class, CurrentTenant.code());
    return counter == null ? 0 : counter.last();
  }

  private long next(String tenant) {
    SyncCounter counter = em.find(SyncCounter.class, tenant, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      // a tenant made after the change log existed: its first change makes its counter
      counter = new SyncCounter(tenant);
      em.persist(counter);
      em.flush();
    }
    return counter.next();
  }
}
