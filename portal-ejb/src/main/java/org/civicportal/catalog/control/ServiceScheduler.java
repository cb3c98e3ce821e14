package org.civicportal.catalog.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * Publishes scheduled revisions and takes down services at their set times. The times live in the
 * database, so a restart loses nothing: the first run after start-up catches up with whatever fell
 * due while the portal was down. Runs every 5 seconds; each tenant in its own transaction. Its
 * first run also restarts the import jobs a stop interrupted.
 */
@Singleton
@Startup
@DependsOn({"Migrations", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceScheduler {
  private static final Logger LOG = Logger.getLogger(ServiceScheduler.class.getName());

  @Inject Tenants tenants;
  @Inject ServiceEditor editor;
  @Inject ImportJournal imports;
  @Inject ImportRunner importRunner;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean importsResumed;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!importsResumed) {
        resumeImports();
        importsResumed = true;
      }
      for (Tenant tenant : tenants.all()) {
        String code = tenant.code();
        try {
          for (long id : CurrentTenant.as(code, editor::duePublications)) {
            try {
              CurrentTenant.as(code, () -> editor.publishScheduled(id));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Scheduled publication of service " + id + " failed", e);
              CurrentTenant.as(
                  code,
                  () -> {
                    editor.failScheduled(id, "the portal could not save the publication");
                    return null;
                  });
            }
          }
          for (long id : CurrentTenant.as(code, editor::dueTakedowns)) {
            try {
              CurrentTenant.as(code, () -> editor.takeDownScheduled(id));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Scheduled takedown of service " + id + " failed", e);
            }
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Scheduled catalogue changes failed in " + code, e);
        }
      }
    } finally {
      running.set(false);
    }
  }

  /**
   * Imports that were queued or running when the portal stopped start again from their first line.
   */
  private void resumeImports() {
    for (Tenant tenant : tenants.all()) {
      for (long id : CurrentTenant.as(tenant.code(), imports::unfinished)) {
        LOG.info(() -> "Resuming import " + id + " of " + tenant.code());
        importRunner.submit(tenant.code(), id);
      }
    }
  }
}
