package org.civicportal.indexing.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.indexing.control.OutboxRelay;
import org.civicportal.indexing.control.RebuildProgress;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * A full rebuild of the search index from the database, started by a tenant admin and run in the
 * background; the old index keeps answering until the new one commits. One at a time.
 */
@ApplicationScoped
public class IndexRebuilds {
  private static final Logger LOG = Logger.getLogger(IndexRebuilds.class.getName());

  @Inject OutboxRelay relay;
  @Inject CurrentSubject subjects;
  @Inject AuditTrail audit;
  @Resource ManagedExecutorService executor;

  private final RebuildProgress progress = new RebuildProgress();

  /** Starts a rebuild unless one is running; returns where it stands. */
  @jakarta.transaction.Transactional
  public RebuildProgress.Snapshot start() {
    Subject admin = requireAdmin();
    if (progress.claim()) {
      audit.record(
          CurrentTenant.code(), admin.name(), AuditAction.ADMIN_ACTION, "search-index", "rebuild");
      executor.execute(
          () -> {
            try {
              relay.rebuild(progress);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "The search index rebuild failed", e);
            }
          });
    }
    return progress.snapshot();
  }

  public RebuildProgress.Snapshot status() {
    requireAdmin();
    return progress.snapshot();
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins rebuild the search index.");
    }
    return subject;
  }
}
