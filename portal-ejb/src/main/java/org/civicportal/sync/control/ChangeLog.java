package org.civicportal.sync.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.civicportal.record.control.RecordChanged;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.entity.SyncChange;
import org.civicportal.sync.entity.SyncCounter;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Writes the tenant's change log in the caller's transaction: a synced record changed.
 *
 * <p>Numbers come from the tenant's counter row, read with a write lock that is held until the
 * transaction commits, so numbers are given in commit order: a device that has read up to n never
 * misses a change numbered below n that commits later. Every writer of the tenant takes turns on
 * that lock, so it must be held as briefly as possible: the rows are written at the very end of the
 * transaction, just before it commits, by a synchronization, on the transaction's own connection
 * (the persistence context's), so the lock covers the commit and nothing else. Only a record's
 * latest row is kept.
 */
@ApplicationScoped
public class ChangeLog {
  private static final String PENDING = ChangeLog.class.getName() + ".pending";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry registry;
  @Inject Records records;

  /**
   * A record of this type changed (or appeared, or went): every device looks at it again. Its row
   * is written just before the caller's transaction commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public void changed(String type, long id) {
    Set<Item> pending = (Set<Item>) registry.getResource(PENDING);
    if (pending == null) {
      Set<Item> items = new LinkedHashSet<>();
      String tenant = CurrentTenant.code();
      registry.putResource(PENDING, items);
      registry.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // the transaction's own connection (a second one from the pool could deadlock it)
              write(em.unwrap(Connection.class), tenant, items);
            }

            @Override
            public void afterCompletion(int status) {}
          });
      pending = items;
    }
    pending.add(new Item(type, id));
  }

  /** A record of a kind devices carry changed: its row goes into the log with the change. */
  void recordChanged(@Observes RecordChanged change) {
    if (records.kind(change.type()).map(RecordKind::synced).orElse(false)) {
      changed(change.type(), change.id());
    }
  }

  /** One device must look at a record again: its scope changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long forDevice(long device, String type, long id) {
    String tenant = CurrentTenant.code();
    SyncCounter counter = em.find(SyncCounter.class, tenant, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      counter = new SyncCounter(tenant);
      em.persist(counter);
      em.flush();
    }
    long seq = counter.next();
    em.persist(new SyncChange(tenant, seq, type, id, device, Instant.now()));
    // written now, so the counter row's new value is in the database before the commit
    em.flush();
    return seq;
  }

  /** The rows of a transaction's changes, numbered under the counter's lock, before commit. */
  private static void write(Connection c, String tenant, Set<Item> items) {
    Timestamp now = Timestamp.from(Instant.now());
    try {
      long last;
      try (PreparedStatement lock =
          c.prepareStatement("SELECT last_value FROM sync_counter WHERE tenant = ? FOR UPDATE")) {
        lock.setString(1, tenant);
        try (ResultSet r = lock.executeQuery()) {
          last = r.next() ? r.getLong(1) : -1;
        }
      }
      if (last < 0) {
        // a tenant made after the change log existed: its first change makes its counter
        try (PreparedStatement create =
            c.prepareStatement("INSERT INTO sync_counter (tenant, last_value) VALUES (?, 0)")) {
          create.setString(1, tenant);
          create.executeUpdate();
        }
        last = 0;
      }
      try (PreparedStatement drop =
              c.prepareStatement(
                  "DELETE FROM sync_change WHERE tenant = ? AND item_type = ? AND item_id = ?"
                      + " AND device_id IS NULL");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO sync_change (tenant, seq, item_type, item_id, device_id,"
                      + " changed_at) VALUES (?, ?, ?, ?, NULL, ?)")) {
        for (Item item : items) {
          drop.setString(1, tenant);
          drop.setString(2, item.type());
          drop.setLong(3, item.id());
          drop.executeUpdate();
          insert.setString(1, tenant);
          insert.setLong(2, ++last);
          insert.setString(3, item.type());
          insert.setLong(4, item.id());
          insert.setTimestamp(5, now);
          insert.executeUpdate();
        }
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE sync_counter SET last_value = ? WHERE tenant = ?")) {
        update.setLong(1, last);
        update.setString(2, tenant);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      // failing here fails the commit: a change never lands without its row
      throw new IllegalStateException("Could not write the change log", e);
    }
  }
}
