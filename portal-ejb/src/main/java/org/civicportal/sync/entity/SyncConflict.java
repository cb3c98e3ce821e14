package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An edit a device pushed on a stale version: kept, not lost, beside the version that won (the one
 * the server had first). It is labelled with the join of both sides, never lower than either.
 */
@Entity
@Table(name = "sync_conflict")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = SyncConflict.OPEN,
    query = "SELECT c FROM SyncConflict c WHERE c.resolvedAt IS NULL ORDER BY c.id")
@NamedQuery(
    name = SyncConflict.OPEN_OF_ITEM,
    query =
        "SELECT c FROM SyncConflict c WHERE c.resolvedAt IS NULL AND c.itemType = :type"
            + " AND c.itemId = :id ORDER BY c.id")
public class SyncConflict {
  public static final String OPEN = "SyncConflict.open";
  public static final String OPEN_OF_ITEM = "SyncConflict.openOfItem";

  /** How a conflict was settled. */
  public enum Resolution {
    KEEP_SERVER,
    KEEP_DEVICE
  }

  @Id
  @SequenceGenerator(
      name = "sync_conflict_seq",
      sequenceName = "sync_conflict_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_conflict_seq")
  private Long id;

  @Column(name = "item_type", nullable = false, length = 20)
  private String itemType;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column(nullable = false, length = 80)
  private String author;

  @Column(name = "base_version", nullable = false)
  private long baseVersion;

  @Column(name = "server_version", nullable = false)
  private long serverVersion;

  /** The pushed data, as JSON. */
  @Column(nullable = false, length = 200_000)
  private String pushed;

  @Column(nullable = false, length = 400)
  private String marking;

  @Column(name = "level_rank", nullable = false)
  private int levelRank;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolved_by", length = 80)
  private String resolvedBy;

  @Column(length = 20)
  private String resolution;

  protected SyncConflict() {}

  public SyncConflict(
      String itemType,
      long itemId,
      long deviceId,
      String author,
      long baseVersion,
      long serverVersion,
      String pushed,
      Label label,
      Instant now) {
    this.itemType = Objects.requireNonNull(itemType);
    this.itemId = itemId;
    this.deviceId = deviceId;
    this.author = Objects.requireNonNull(author);
    this.baseVersion = baseVersion;
    this.serverVersion = serverVersion;
    this.pushed = Objects.requireNonNull(pushed);
    this.marking = Marking.format(label);
    this.levelRank = label.level();
    this.createdAt = now;
  }

  /** Raises the kept side's label with its record's: never lower than either side. */
  public void raiseTo(Label label, ClassificationScheme scheme) {
    Label joined = label(scheme).join(label);
    this.marking = Marking.format(joined);
    this.levelRank = joined.level();
  }

  public void resolve(Resolution resolution, String by, Instant now) {
    this.resolution = resolution.name();
    this.resolvedBy = by;
    this.resolvedAt = now;
  }

  public Long id() {
    return id;
  }

  public String itemType() {
    return itemType;
  }

  public long itemId() {
    return itemId;
  }

  public long deviceId() {
    return deviceId;
  }

  public String author() {
    return author;
  }

  public long baseVersion() {
    return baseVersion;
  }

  public long serverVersion() {
    return serverVersion;
  }

  public String pushed() {
    return pushed;
  }

  public String marking() {
    return marking;
  }

  public Label label(ClassificationScheme scheme) {
    return Marking.parse(scheme, marking);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> resolvedAt() {
    return Optional.ofNullable(resolvedAt);
  }

  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }
}
