package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicportal.catalog.entity.ImportFile;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.tenant.control.TenantBound;

/** Writes an import job's progress, each call its own short transaction in the current tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantBound
public class ImportJournal {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** Marks the job running and returns what the runner needs to apply it. */
  public Started start(long id) {
    ImportJob job = em.find(ImportJob.class, id);
    job.start();
    return new Started(job.format(), em.find(ImportFile.class, id).content(), job.createdBy());
  }

  public void progress(
      long id, int lines, int created, int updated, List<ImportJob.Rejection> rejections) {
    em.find(ImportJob.class, id).progress(lines, created, updated, rejections);
  }

  public void finish(long id) {
    em.find(ImportJob.class, id).finish(clock.instant());
  }

  public void fail(long id, String reason) {
    em.find(ImportJob.class, id).fail(reason, clock.instant());
  }

  /** Jobs that were queued or running when the portal stopped. */
  public List<Long> unfinished() {
    return em.createNamedQuery(ImportJob.UNFINISHED, ImportJob.class).getResultList().stream()
        .map(ImportJob::id)
        .toList();
  }

  /** What a job is made of. */
  public record Started(ImportJob.Format format, String content, String createdBy) {}
}
