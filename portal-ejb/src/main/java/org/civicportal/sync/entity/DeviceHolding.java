package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A record a device was given. Kept after a revoke or delete, so that a pull repeated from the same
 * cursor tells the device the same thing again.
 */
@Entity
@Table(name = "device_holding")
@IdClass(DeviceHolding.Key.class)
@NamedQuery(
    name = DeviceHolding.VALUES_OF_DEVICE,
    query =
        "SELECT h.itemType, h.itemId, h.state, h.version FROM DeviceHolding h"
            + " WHERE h.deviceId = :device")
@NamedQuery(
    name = DeviceHolding.SET,
    query =
        "UPDATE DeviceHolding h SET h.state = :state, h.version = :version"
            + " WHERE h.deviceId = :device AND h.itemType = :type AND h.itemId = :id")
public class DeviceHolding {
  public static final String VALUES_OF_DEVICE = "DeviceHolding.valuesOfDevice";
  public static final String SET = "DeviceHolding.set";

  /** Whether the device holds it now, or was told to purge it. */
  public enum State {
    HELD,
    REVOKED,
    DELETED
  }

  @Id
  @Column(name = "device_id")
  private long deviceId;

  @Id
  @Column(name = "item_type", length = 20)
  private String itemType;

  @Id
  @Column(name = "item_id")
  private long itemId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(nullable = false)
  private long version;

  protected DeviceHolding() {}

  public DeviceHolding(long deviceId, String itemType, long itemId, State state, long version) {
    this.deviceId = deviceId;
    this.itemType = itemType;
    this.itemId = itemId;
    this.state = state;
    this.version = version;
  }

  public void set(State state, long version) {
    this.state = state;
    this.version = version;
  }

  public String itemType() {
    return itemType;
  }

  public long itemId() {
    return itemId;
  }

  public State state() {
    return state;
  }

  public long version() {
    return version;
  }

  /** The composite key. */
  public record Key(long deviceId, String itemType, long itemId) implements Serializable {
    public Key() {
      this(0, null, 0);
    }
  }
}
