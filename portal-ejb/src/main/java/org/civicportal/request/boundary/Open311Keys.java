package org.civicportal.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.control.RequestWriter;
import org.civicportal.request.entity.Open311Key;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * API keys for Open311 clients. Tenant admins issue them (the key is shown once; only its SHA-256
 * is kept) and revoke them; a POST to Open311 needs a live key of the tenant.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Open311Keys {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject AuditTrail audit;

  /** An issued key: its id, and the key itself, which is never shown again. */
  public record Issued(long id, String key) {}

  public Issued issue(String name) {
    Subject admin = requireAdmin();
    String key = RequestWriter.token();
    Open311Key entry = register(key, name, admin.name());
    audit.record(
        CurrentTenant.code(),
        admin.name(),
        AuditAction.ADMIN_ACTION,
        "open311-key:" + entry.id(),
        "issued to " + entry.name());
    return new Issued(entry.id(), key);
  }

  /** Registers a known key (the demo key); callers check who may. */
  public Open311Key register(String key, String name, String by) {
    if (name == null || name.isBlank() || name.length() > 120) {
      throw new InvalidInputException(
          "name", "Name the client the key is for (1 to 120 characters).");
    }
    Open311Key entry = new Open311Key(hash(key), name.strip(), by, Instant.now());
    em.persist(entry);
    em.flush();
    return entry;
  }

  public void revoke(long id) {
    Subject admin = requireAdmin();
    Open311Key key = em.find(Open311Key.class, id);
    if (key != null && key.revokedAt().isEmpty()) {
      key.revoke(Instant.now());
      audit.record(
          CurrentTenant.code(),
          admin.name(),
          AuditAction.ADMIN_ACTION,
          "open311-key:" + id,
          "revoked");
    }
  }

  public List<Open311Key> all() {
    requireAdmin();
    return em.createNamedQuery(Open311Key.ALL, Open311Key.class).getResultList();
  }

  /** The live key's id, if this is one of the tenant's keys. */
  public Optional<Long> verify(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return Optional.empty();
    }
    return em
        .createNamedQuery(Open311Key.BY_HASH, Open311Key.class)
        .setParameter("hash", hash(key))
        .getResultList()
        .stream()
        .findFirst()
        .map(Open311Key::id);
  }

  private static String hash(String key) {
    return org.civicportal.form.control.UploadedFiles.sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins manage Open311 keys.");
    }
    return subject;
  }
}
