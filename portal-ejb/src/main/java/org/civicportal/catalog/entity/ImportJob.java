package org.civicportal.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A bulk import of services a tenant admin uploaded: its progress and its report (the file itself
 * is an {@link ImportFile}, kept so that the job survives a restart). Lines are applied one
 * transaction each; a bad line is rejected with its number and reason, and the rest go on.
 */
@Entity
@Table(name = "import_job")
@NamedQuery(
    name = ImportJob.UNFINISHED,
    query =
        "SELECT j FROM ImportJob j WHERE j.state IN (org.civicportal.catalog.entity.ImportJob.State.QUEUED,"
            + " org.civicportal.catalog.entity.ImportJob.State.RUNNING) ORDER BY j.id")
@NamedQuery(name = ImportJob.RECENT, query = "SELECT j FROM ImportJob j ORDER BY j.id DESC")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class ImportJob {
  public static final String UNFINISHED = "ImportJob.unfinished";
  public static final String RECENT = "ImportJob.recent";
  public static final int MAX_REJECTIONS = 10_000;

  /** The file formats an import accepts. */
  public enum Format {
    JSON_LINES,
    CSV;

    public String external() {
      return this == CSV ? "csv" : "jsonl";
    }
  }

  /** Where the job stands. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public String external() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A line that was not imported, and why. */
  @Embeddable
  public static class Rejection {
    @Column(nullable = false)
    private int line;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected Rejection() {}

    public Rejection(int line, String reason) {
      this.line = line;
      String text = reason == null || reason.isBlank() ? "rejected" : reason.strip();
      this.reason = text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }

    public int line() {
      return line;
    }

    public String reason() {
      return reason;
    }
  }

  @Id
  @SequenceGenerator(name = "import_job_seq", sequenceName = "import_job_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Format format;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state = State.QUEUED;

  @Column(nullable = false)
  private int total;

  @Column(nullable = false)
  private int processed;

  @Column(nullable = false)
  private int created;

  @Column(nullable = false)
  private int updated;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(length = 2000)
  private String failure;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "import_rejection", joinColumns = @JoinColumn(name = "job_id"))
  @OrderBy("line")
  private List<Rejection> rejected = new ArrayList<>();

  protected ImportJob() {}

  public ImportJob(Format format, int total, String createdBy, Instant now) {
    this.format = Objects.requireNonNull(format, "format");
    this.total = total;
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(now, "now");
  }

  /** Starts (or, after a restart, starts again from the first line: lines are idempotent). */
  public void start() {
    state = State.RUNNING;
    processed = 0;
    created = 0;
    updated = 0;
    rejected.clear();
  }

  /** Records the outcome of a batch of lines. */
  public void progress(int lines, int created, int updated, List<Rejection> rejections) {
    this.processed += lines;
    this.created += created;
    this.updated += updated;
    for (Rejection r : rejections) {
      if (rejected.size() < MAX_REJECTIONS) {
        rejected.add(r);
      }
    }
  }

  public void finish(Instant now) {
    state = State.DONE;
    finishedAt = now;
  }

  public void fail(String reason, Instant now) {
    state = State.FAILED;
    failure = reason == null ? "failed" : reason.substring(0, Math.min(reason.length(), 2000));
    finishedAt = now;
  }

  public Long id() {
    return id;
  }

  public Format format() {
    return format;
  }

  public State state() {
    return state;
  }

  public int total() {
    return total;
  }

  public int processed() {
    return processed;
  }

  public int created() {
    return created;
  }

  public int updated() {
    return updated;
  }

  /** Lines neither created nor updated nor rejected: already as the file says. */
  public int unchanged() {
    return processed - created - updated - rejectedCount();
  }

  private int rejectedCount() {
    return rejected.size();
  }

  public List<Rejection> rejected() {
    return Collections.unmodifiableList(rejected);
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Percentage of lines processed, 0-100. */
  public int percent() {
    return total == 0 ? (state == State.DONE ? 100 : 0) : (int) (100L * processed / total);
  }
}
