package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A device an employee registered for offline work. Only the SHA-256 of its token is kept. Its
 * accreditation (a marking) caps what it may hold, whatever its owner's clearance; a new device is
 * accredited at the tenant's lowest level. It must check in within the tenant's grace period, or be
 * approved again.
 */
@Entity
@Table(name = "device")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(name = Device.BY_TOKEN, query = "SELECT d FROM Device d WHERE d.tokenHash = :hash")
@NamedQuery(name = Device.ALL, query = "SELECT d FROM Device d ORDER BY d.owner, d.id")
@NamedQuery(
    name = Device.OF_OWNER,
    query = "SELECT d FROM Device d WHERE d.owner = :owner ORDER BY d.id")
public class Device {
  public static final String BY_TOKEN = "Device.byToken";
  public static final String ALL = "Device.all";
  public static final String OF_OWNER = "Device.ofOwner";

  @Id
  @SequenceGenerator(name = "device_seq", sequenceName = "device_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "device_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String owner;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(nullable = false, length = 60)
  private String platform;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "cursor_key", nullable = false, length = 44)
  private String cursorKey;

  @Column(nullable = false, length = 400)
  private String accreditation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DeviceState state;

  @Column(name = "scope_print", length = 64)
  private String scopePrint;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "approved_at", nullable = false)
  private Instant approvedAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected Device() {}

  public Device(
      String owner,
      String name,
      String platform,
      String tokenHash,
      String cursorKey,
      String accreditation,
      Instant now) {
    this.owner = Objects.requireNonNull(owner);
    this.name = Objects.requireNonNull(name);
    this.platform = Objects.requireNonNull(platform);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.cursorKey = Objects.requireNonNull(cursorKey);
    this.accreditation = Objects.requireNonNull(accreditation);
    this.state = DeviceState.ACTIVE;
    this.registeredAt = now;
    this.approvedAt = now;
    this.changedAt = now;
  }

  /** Silent longer than the grace period since it last checked in or was approved. */
  public boolean isStale(Instant now, Duration grace) {
    Instant last = lastSeenAt == null || lastSeenAt.isBefore(approvedAt) ? approvedAt : lastSeenAt;
    return last.plus(grace).isBefore(now);
  }

  public void seen(Instant now) {
    this.lastSeenAt = now;
  }

  public void accredit(String marking, Instant now) {
    this.accreditation = Objects.requireNonNull(marking);
    this.changedAt = now;
  }

  public void suspend(Instant now) {
    requireNotWiped();
    this.state = DeviceState.SUSPENDED;
    this.changedAt = now;
  }

  /** Resumes a suspended device, and approves it again (restarting its grace period). */
  public void approve(Instant now) {
    requireNotWiped();
    this.state = DeviceState.ACTIVE;
    this.approvedAt = now;
    this.changedAt = now;
  }

  public void wipe(Instant now) {
    this.state = DeviceState.WIPED;
    this.changedAt = now;
  }

  private void requireNotWiped() {
    if (state == DeviceState.WIPED) {
      throw new IllegalStateException("This device was wiped; register it again");
    }
  }

  public void scopePrint(String print) {
    this.scopePrint = print;
  }

  public Long id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String platform() {
    return platform;
  }

  public String cursorKey() {
    return cursorKey;
  }

  public String accreditation() {
    return accreditation;
  }

  public DeviceState state() {
    return state;
  }

  public Optional<String> scopePrint() {
    return Optional.ofNullable(scopePrint);
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public Optional<Instant> lastSeenAt() {
    return Optional.ofNullable(lastSeenAt);
  }

  public Instant changedAt() {
    return changedAt;
  }
}
