package org.civicportal.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the signed checkpoints of the audit chains that grew ({@link AuditTrail#checkpoint}) every
 * 30 seconds, and once more when the portal stops, so that at most the last 30 seconds of a chain
 * are anchored by nothing outside the database. One node writes; the checkpoints of a cluster's
 * nodes would need one writer or one anchor directory each.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckpointScheduler {
  private static final Logger LOG = Logger.getLogger(CheckpointScheduler.class.getName());

  @Inject AuditTrail trail;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void tick() {
    checkpoint();
  }

  @PreDestroy
  void stop() {
    checkpoint();
  }

  private void checkpoint() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<String> tenants = trail.checkpoint();
      if (!tenants.isEmpty()) {
        LOG.fine(() -> "Audit checkpoints written for " + tenants);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Audit checkpoints could not be written; trying again in 30 s", e);
    } finally {
      running.set(false);
    }
  }
}
