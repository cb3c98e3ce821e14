package org.civicportal.catalog.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.boundary.ServiceEditor.ImportOutcome;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Runs import jobs in the background, one at a time per job, as the admin who started them. Each
 * line is its own transaction (through {@link ServiceEditor#importLine}), so a bad line rolls back
 * alone and the rest go on. Progress is written every {@value #BATCH} lines.
 */
@ApplicationScoped
public class ImportRunner {
  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
  static final int BATCH = 25;

  @Resource ManagedExecutorService executor;
  @Inject Event<Queued> queued;
  @Inject ImportJournal journal;
  @Inject ServiceEditor editor;

  private final java.util.Set<Long> active = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A job to start once the transaction that stored it has committed. */
  public record Queued(String tenant, long id) {}

  public void submitAfterCommit(String tenant, long id) {
    queued.fire(new Queued(tenant, id));
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued job) {
    submit(job.tenant(), job.id());
  }

  /** Starts the job in the background now, unless this node already runs it. */
  public void submit(String tenant, long id) {
    if (active.add(id)) {
      executor.execute(() -> run(tenant, id));
    }
  }

  void run(String tenant, long id) {
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
      runIn(tenant, id);
    } finally {
      active.remove(id);
    }
  }

  private void runIn(String tenant, long id) {
    try {
      ImportJournal.Started job = journal.start(id);
      try {
        CurrentSubject.actingAs(
            job.createdBy(),
            () -> {
              apply(id, job);
              return null;
            });
        journal.finish(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Import " + id + " in " + tenant + " failed", e);
        journal.fail(id, "The import stopped: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Import " + id + " in " + tenant + " could not start", e);
    }
  }

  private void apply(long id, ImportJournal.Started job) {
    Batch batch = new Batch();
    ImportLines.read(
        job.format(),
        job.content(),
        line -> {
          if (line.rejection() != null) {
            batch.rejected.add(new ImportJob.Rejection(line.number(), line.rejection()));
          } else {
            try {
              ImportOutcome outcome = editor.importLine(line.service(), line.publish());
              if (outcome == ImportOutcome.CREATED) {
                batch.created++;
              } else if (outcome == ImportOutcome.UPDATED) {
                batch.updated++;
              }
            } catch (InvalidInputException | ConflictException | NotPermittedException e) {
              batch.rejected.add(new ImportJob.Rejection(line.number(), e.getMessage()));
            } catch (RuntimeException e) {
              batch.rejected.add(
                  new ImportJob.Rejection(line.number(), "could not be saved: " + rootMessage(e)));
            }
          }
          batch.lines++;
          if (batch.lines >= BATCH) {
            flush(id, batch);
          }
        });
    flush(id, batch);
  }

  private void flush(long id, Batch batch) {
    journal.progress(id, batch.lines, batch.created, batch.updated, batch.rejected);
    batch.lines = 0;
    batch.created = 0;
    batch.updated = 0;
    batch.rejected = new ArrayList<>();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }

  private static final class Batch {
    int lines;
    int created;
    int updated;
    List<ImportJob.Rejection> rejected = new ArrayList<>();
  }
}
