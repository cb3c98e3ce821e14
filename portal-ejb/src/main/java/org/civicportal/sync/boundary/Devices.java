package org.civicportal.sync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.form.control.UploadedFiles;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.control.RequestWriter;
import org.civicportal.sync.control.SyncCursors;
import org.civicportal.sync.entity.Device;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;
import org.civicportal.tenant.entity.Tenant;

/**
 * Devices for offline work. An employee registers one and gets its token once (only its SHA-256 is
 * kept); it holds only the tenant's lowest level until a tenant admin accredits it. Tenant admins
 * list, accredit, suspend, approve again and wipe devices; each of those acts is audited.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Devices {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;
  @Inject ClearancePolicy policy;

  /** A registered device: its id, and its token, which is never shown again. */
  public record Registered(long id, String token) {}

  /** Registers a device of the signed-in employee. */
  public Registered register(String name, String platform) {
    Subject subject = subjects.get();
    if (!subject.has(Role.EMPLOYEE) || subject.clearance().isEmpty()) {
      throw new NotPermittedException("Only employees register devices.");
    }
    String n = text("name", name, 120);
    String p = text("platform", platform, 60);
    String token = RequestWriter.token();
    Instant now = Instant.now();
    Device device =
        new Device(
            subject.name(),
            n,
            p,
            hash(token),
            SyncCursors.newKey(),
            Marking.format(scheme().lowest()),
            now);
    em.persist(device);
    em.flush();
    audit(subject, device, AuditAction.DEVICE_CHANGED, "registered " + n + " (" + p + ")");
    return new Registered(device.id(), token);
  }

  /** All devices of the tenant, for admins. */
  public List<Device> all() {
    requireAdmin();
    return em.createNamedQuery(Device.ALL, Device.class).getResultList();
  }

  /** The signed-in person's own devices. */
  public List<Device> mine() {
    Subject subject = subjects.get();
    if (subject.username().isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Device.OF_OWNER, Device.class)
        .setParameter("owner", subject.username().get())
        .getResultList();
  }

  /** A device, for an admin or its owner. */
  public Optional<Device> find(long id) {
    Subject subject = subjects.get();
    return Optional.ofNullable(em.find(Device.class, id))
        .filter(
            d ->
                subject.has(Role.TENANT_ADMIN)
                    || subject.username().equals(Optional.of(d.owner())));
  }

  /** Sets what a device may hold at most; its next pull revokes what it may hold no longer. */
  public Device accredit(long id, String marking) {
    Subject admin = requireAdmin();
    Device device = device(id);
    Label label;
    try {
      label = Marking.parse(scheme(), marking == null ? "" : marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("accreditation", e.getMessage());
    }
    if (!policy.mayLabel(admin, label)) {
      throw new InvalidInputException(
          "accreditation", "You cannot accredit a device above your own clearance.");
    }
    String before = device.accreditation();
    device.accredit(Marking.format(label), Instant.now());
    audit(
        admin,
        device,
        AuditAction.DEVICE_CHANGED,
        "accreditation " + before + " -> " + device.accreditation());
    return device;
  }

  public Device suspend(long id) {
    Subject admin = requireAdmin();
    Device device = device(id);
    try {
      device.suspend(Instant.now());
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage() + ".");
    }
    audit(admin, device, AuditAction.DEVICE_SUSPENDED, "suspended");
    return device;
  }

  /** Resumes a suspended device, or approves again one silent beyond the grace period. */
  public Device approve(long id) {
    Subject admin = requireAdmin();
    Device device = device(id);
    try {
      device.approve(Instant.now());
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage() + ".");
    }
    audit(admin, device, AuditAction.DEVICE_CHANGED, "approved");
    return device;
  }

  /** Cuts a device off: its next call is told to wipe, and its token never works again. */
  public Device wipe(long id) {
    Subject admin = requireAdmin();
    Device device = device(id);
    device.wipe(Instant.now());
    audit(admin, device, AuditAction.DEVICE_WIPED, "wiped");
    return device;
  }

  public Duration gracePeriod() {
    return tenant().deviceGracePeriod();
  }

  /** Sets the tenant's grace period: between one second and 90 days. */
  public Duration gracePeriod(Duration grace) {
    Subject admin = requireAdmin();
    if (grace == null || grace.toSeconds() < 1 || grace.compareTo(Duration.ofDays(90)) > 0) {
      throw new InvalidInputException(
          "gracePeriod", "Give a grace period between PT1S and P90D (ISO 8601), e.g. PT72H.");
    }
    Tenant tenant = em.merge(tenant());
    tenant.deviceGracePeriod(grace);
    audit.record(
        CurrentTenant.code(),
        admin.name(),
        AuditAction.ADMIN_ACTION,
        "devices",
        "grace period " + grace);
    return grace;
  }

  /**
   * The device this token opens, checked in now.
   *
   * @throws DeviceRefusedException if no live device has it, or it is suspended, stale or wiped
   */
  public Device authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      throw new DeviceRefusedException(
          DeviceRefusedException.Reason.UNKNOWN, "Send the device's token as a Bearer token.");
    }
    Device device =
        em
            .createNamedQuery(Device.BY_TOKEN, Device.class)
            .setParameter("hash", hash(token.strip()))
            .getResultList()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new DeviceRefusedException(
                        DeviceRefusedException.Reason.UNKNOWN, "No device has this token."));
    Instant now = Instant.now();
    switch (device.state()) {
      case WIPED ->
          throw new DeviceRefusedException(
              DeviceRefusedException.Reason.WIPED,
              "This device was wiped: erase everything it holds. Its token no longer works.");
      case SUSPENDED ->
          throw new DeviceRefusedException(
              DeviceRefusedException.Reason.SUSPENDED,
              "This device is suspended; ask a tenant admin to resume it.");
      case ACTIVE -> {}
    }
    Duration grace = gracePeriod();
    if (device.isStale(now, grace)) {
      throw new DeviceRefusedException(
          DeviceRefusedException.Reason.STALE,
          "This device has not synced within the grace period of "
              + grace
              + "; a tenant admin must approve it again.");
    }
    device.seen(now);
    return device;
  }

  private Device device(long id) {
    Device device = em.find(Device.class, id);
    if (device == null) {
      throw new NoSuchRecordException("No device " + id + ".");
    }
    return device;
  }

  private void audit(Subject by, Device device, AuditAction action, String detail) {
    audit.record(
        CurrentTenant.code(),
        by.name(),
        action,
        "device:" + device.id(),
        device.owner() + "'s " + device.name() + ": " + detail);
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins manage devices.");
    }
    return subject;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      throw new InvalidInputException(
          field, "Give the device's " + field + " (1 to " + max + " characters).");
    }
    return value.strip();
  }

  static String hash(String token) {
    return UploadedFiles.sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  private Tenant tenant() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow();
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
