package org.civicportal.catalog.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.catalog.control.ImportLines;
import org.civicportal.catalog.control.ImportRunner;
import org.civicportal.catalog.entity.ImportFile;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Bulk imports of services (JSON Lines or CSV, format in {@code docs/import.md}), for tenant
 * admins. Starting one stores the file and returns at once; the job runs in the background and its
 * progress and report can be read while it runs. A job is visible only to its tenant's admins.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Imports {
  /** The largest file an import takes, in characters. */
  public static final int MAX_CHARS = 64 * 1024 * 1024;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject AuditTrail audit;
  @Inject ImportRunner runner;

  private final Clock clock = Clock.systemUTC();

  /**
   * Queues an import of this file and returns the job; it starts after this transaction commits.
   */
  public ImportJob start(ImportJob.Format format, String content) {
    Subject admin = requireAdmin();
    if (content == null || content.isBlank()) {
      throw new InvalidInputException("file", "The file is empty.");
    }
    if (content.length() > MAX_CHARS) {
      throw new InvalidInputException(
          "file", "The file is larger than " + (MAX_CHARS / 1024 / 1024) + " MB; split it.");
    }
    int total = ImportLines.count(format, content);
    ImportJob job = new ImportJob(format, total, admin.name(), clock.instant());
    em.persist(job);
    em.flush();
    em.persist(new ImportFile(job.id(), content));
    audit.record(
        CurrentTenant.code(),
        admin.name(),
        AuditAction.IMPORT,
        "import:" + job.id(),
        "started " + format.external() + " import of " + total + " lines");
    runner.submitAfterCommit(CurrentTenant.code(), job.id());
    return job;
  }

  /** The job, if it exists in this tenant and the subject is a tenant admin. */
  public Optional<ImportJob> find(long id) {
    requireAdmin();
    return Optional.ofNullable(em.find(ImportJob.class, id));
  }

  /** The tenant's latest jobs, newest first. */
  public List<ImportJob> recent(int max) {
    requireAdmin();
    return em.createNamedQuery(ImportJob.RECENT, ImportJob.class)
        .setMaxResults(max)
        .getResultList();
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins import services.");
    }
    return subject;
  }
}
