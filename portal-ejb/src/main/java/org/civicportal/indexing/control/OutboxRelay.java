package org.civicportal.indexing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the outbox to the search index: at start-up (rebuilding the index from the database first
 * when it was missing or corrupt), right after each commit that wrote to the outbox, and every few
 * seconds as a safety net. Entries are deleted only after the index has committed them, so a crash
 * in between re-applies them, which is harmless because applying reads the entity's current state.
 *
 * <p>The index is reported ready once the start-up catch-up has succeeded, and for as long as the
 * last drain succeeded; a failing drain turns readiness DOWN until a retry succeeds.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "PortalIndex", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  static final int BATCH = 500;

  @Inject PortalIndex portalIndex;
  @Inject OutboxReader outbox;
  @Inject OutboxTrigger trigger;
  @Resource SessionContext context;

  private final ReentrantLock draining = new ReentrantLock();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean caughtUp;

  @PostConstruct
  void start() {
    catchUp();
    OutboxRelay self = context.getBusinessObject(OutboxRelay.class);
    trigger.started(self::drain);
  }

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void safetyNet() {
    if (caughtUp) {
      drain();
    } else {
      catchUp();
    }
  }

  private void catchUp() {
    try {
      if (portalIndex.index().needsRebuild()) {
        rebuild();
      }
      caughtUp = drain();
      portalIndex.healthy(caughtUp);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The search index could not catch up with the database; retrying", e);
    }
  }

  /** Replaces the index content with what the database holds now. */
  public void rebuild() {
    rebuild(new RebuildProgress());
  }

  /**
   * Replaces the index content with what the database holds now, counting the documents written
   * into {@code progress}. Searches keep answering from the last commit until the new content
   * commits; the outbox waits meanwhile and is applied after.
   */
  public void rebuild(RebuildProgress progress) {
    draining.lock();
    try {
      OutboxReader.Batch all = outbox.everything();
      progress.started(all.upserts().size());
      portalIndex.index().rebuild(progress.counting(all.upserts()), all.lastEntryId());
      progress.finished();
      removeInChunks(all.entryIds());
      LOG.info(() -> "Search index rebuilt with " + all.upserts().size() + " documents");
    } catch (IOException | RuntimeException e) {
      progress.failed(e.toString());
      throw new IllegalStateException("Rebuilding the search index failed", e);
    } finally {
      draining.unlock();
    }
  }

  /**
   * Applies every pending outbox entry. A call while another drain runs makes that drain go round
   * again.
   *
   * @return false when applying failed (it is retried by the timer)
   */
  public boolean drain() {
    again.set(true);
    boolean ok = true;
    while (again.get() && draining.tryLock()) {
      try {
        again.set(false);
        OutboxReader.Batch batch;
        do {
          batch = outbox.next(BATCH);
          if (!batch.entryIds().isEmpty()) {
            portalIndex.index().apply(batch.upserts(), batch.deletedKeys(), batch.lastEntryId());
            outbox.remove(batch.entryIds());
          }
        } while (batch.entryIds().size() == BATCH);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Applying the outbox to the search index failed; will retry", e);
        ok = false;
        again.set(false);
      } finally {
        draining.unlock();
      }
    }
    if (caughtUp) {
      portalIndex.healthy(ok);
    }
    return ok;
  }

  /** Whether the start-up catch-up has completed. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void removeInChunks(List<Long> ids) {
    for (int from = 0; from < ids.size(); from += BATCH) {
      outbox.remove(ids.subList(from, Math.min(ids.size(), from + BATCH)));
    }
  }
}
