package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of a tenant's change log: a synced record changed (for every device; only the latest such
 * row of a record is kept), or one device must look at a record again because its scope changed.
 * What a device receives is decided when it pulls, from the record as it is then.
 */
@Entity
@Table(name = "sync_change")
@IdClass(SyncChange.Key.class)
@NamedQuery(
    name = SyncChange.AFTER,
    query =
        "SELECT c.seq, c.itemType, c.itemId FROM SyncChange c WHERE c.tenant = :tenant"
            + " AND c.seq > :after"
            + " AND (c.deviceId IS NULL OR c.deviceId = :device) ORDER BY c.seq")
@NamedQuery(
    name = SyncChange.DROP_EARLIER,
    query =
        "DELETE FROM SyncChange c WHERE c.tenant = :tenant AND c.itemType = :type"
            + " AND c.itemId = :id AND c.deviceId IS NULL AND c.seq < :seq")
public class SyncChange {
  public static final String AFTER = "SyncChange.after";
  public static final String DROP_EARLIER = "SyncChange.dropEarlier";

  @Id
  @Column(length = 40)
  private String tenant;

  @Id private long seq;

  @Column(name = "item_type", nullable = false, length = 20)
  private String itemType;

  @Column(name = "item_id", nullable = false)
  private long itemId;

  @Column(name = "device_id")
  private Long deviceId;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected SyncChange() {}

  public SyncChange(
      String tenant, long seq, String itemType, long itemId, Long deviceId, Instant changedAt) {
    this.tenant = tenant;
    this.seq = seq;
    this.itemType = itemType;
    this.itemId = itemId;
    this.deviceId = deviceId;
    this.changedAt = changedAt;
  }

  public long seq() {
    return seq;
  }

  public String itemType() {
    return itemType;
  }

  public long itemId() {
    return itemId;
  }

  public Optional<Long> deviceId() {
    return Optional.ofNullable(deviceId);
  }

  /** The composite key. */
  public record Key(String tenant, long seq) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }
}
