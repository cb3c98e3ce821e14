package org.civicportal.indexing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the outbox to the search index: at start-up (rebuilding the index from the database first when it
 * was missing or corrupt), right after each commit that wrote to the outbox, and every few seconds as a
 * safety net. Entries are deleted only after the index has committed them, so a crash in between re-applies
 * them, which is harmless because applying reads the entity's current state.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "PortalIndex"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 500;

  @Inject PortalIndex portalIndex;
  @Inject OutboxReader outbox;

  @Resource ManagedExecutorService executor;

  private final ReentrantLock draining = new ReentrantLock();
  private final AtomicBoolean again = new AtomicBoolean();

  @PostConstruct
  void catchUp() {
    try {
      if (portalIndex.index().needsRebuild()) {
        rebuild();
      }
      drain();
      portalIndex.markReady();
    } catch (RuntimeException e) {
      // The portal still serves pages; readiness stays DOWN and the timer retries.
      LOG.log(Level.SEVERE, "The search index could not catch up with the database", e);
    }
  }

  public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) IndexChanged change) {
    executor.execute(this::drain);
  }

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void safetyNet() {
    if (!portalIndex.isReady()) {
      catchUp();
    } else {
      drain();
    }
  }

  /** Replaces the index content with what the database holds now. */
  public void rebuild() {
    draining.lock();
    try {
      OutboxReader.Batch all = outbox.everything();
      portalIndex.index().rebuild(all.upserts(), all.lastEntryId());
      outbox.remove(all.entryIds());
      LOG.info(() -> "Search index rebuilt with " + all.upserts().size() + " documents");
    } catch (IOException e) {
      throw new IllegalStateException("Rebuilding the search index failed", e);
    } finally {
      draining.unlock();
    }
  }

  /** Applies every pending outbox entry; a call while another drain runs makes that drain go round again. */
  public void drain() {
    again.set(true);
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
        return;
      } finally {
        draining.unlock();
      }
    }
  }
}
