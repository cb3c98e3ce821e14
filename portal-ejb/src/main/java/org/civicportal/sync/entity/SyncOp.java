package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An operation a device pushed, with the result it got: a replay gets the same result. */
@Entity
@Table(name = "sync_op")
@IdClass(SyncOp.Key.class)
public class SyncOp {
  @Id
  @Column(name = "device_id")
  private long deviceId;

  @Id
  @Column(name = "op_id", length = 100)
  private String opId;

  @Column(nullable = false, length = 8000)
  private String result;

  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;

  protected SyncOp() {}

  public SyncOp(long deviceId, String opId, String result, Instant appliedAt) {
    this.deviceId = deviceId;
    this.opId = opId;
    this.result = result;
    this.appliedAt = appliedAt;
  }

  /** The result as JSON. */
  public String result() {
    return result;
  }

  /** The composite key. */
  public record Key(long deviceId, String opId) implements Serializable {
    public Key() {
      this(0, null);
    }
  }
}
