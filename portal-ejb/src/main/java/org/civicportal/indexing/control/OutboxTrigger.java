package org.civicportal.indexing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.civicportal.record.control.RecordChanged;

/**
 * Wakes the {@link OutboxRelay} after each commit that wrote to the outbox. Commits made before the
 * relay has started (the demo seed, at start-up) are not lost: the relay's own catch-up applies
 * them.
 */
@ApplicationScoped
public class OutboxTrigger {
  @Resource ManagedExecutorService executor;

  private volatile Runnable drain;

  void started(Runnable drain) {
    this.drain = drain;
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChanged change) {
    Runnable current = drain;
    if (current != null) {
      executor.execute(current);
    }
  }
}
