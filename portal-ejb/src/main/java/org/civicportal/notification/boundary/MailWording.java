package org.civicportal.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.notification.control.MailTemplates;
import org.civicportal.notification.entity.MailTemplate;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The tenant's own wording of the portal's mails, per kind and locale, set by tenant admins; where
 * a tenant has none, the portal's own applies. Placeholders: {@code {tenant} {reference} {service}
 * {status} {link} {message}}.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class MailWording {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject MailTemplates templates;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;

  /** What a mail of this kind says in this locale now, with its placeholders. */
  public MailTemplates.Filled current(String kind, String locale) {
    requireAdmin();
    return templates.fill(CurrentTenant.code(), kind(kind), locale(locale), Map.of());
  }

  /** Sets the tenant's wording; blank subject and body go back to the portal's. */
  public MailTemplates.Filled define(String kind, String locale, String subject, String body) {
    Subject admin = requireAdmin();
    MailTemplates.Kind k = kind(kind);
    String l = locale(locale);
    String tenant = CurrentTenant.code();
    MailTemplate.Key key = new MailTemplate.Key(tenant, k.name(), l);
    Optional.ofNullable(em.find(MailTemplate.class, key)).ifPresent(em::remove);
    em.flush();
    boolean reset = (subject == null || subject.isBlank()) && (body == null || body.isBlank());
    if (!reset) {
      if (subject == null || subject.isBlank() || subject.length() > 400) {
        throw new InvalidInputException("subject", "Give a subject of 1 to 400 characters.");
      }
      if (body == null || body.isBlank() || body.length() > 8000) {
        throw new InvalidInputException("body", "Give a body of 1 to 8000 characters.");
      }
      em.persist(new MailTemplate(tenant, k.name(), l, subject.strip(), body));
    }
    audit.record(
        tenant,
        admin.name(),
        AuditAction.ADMIN_ACTION,
        "mail-template:" + k.name() + ":" + l,
        reset ? "reset to the portal's wording" : "changed");
    em.flush();
    return templates.fill(tenant, k, l, Map.of());
  }

  private static MailTemplates.Kind kind(String kind) {
    String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT).replace('-', '_');
    for (MailTemplates.Kind candidate : MailTemplates.Kind.values()) {
      if (candidate.name().equals(k) || candidate.name().equals("REQUEST_" + k)) {
        return candidate;
      }
    }
    throw new InvalidInputException(
        "kind", "Unknown kind of mail " + kind + "; use submitted, status, message or replied.");
  }

  private String locale(String locale) {
    if (locale == null
        || !tenants.byCode(CurrentTenant.code()).orElseThrow().locales().contains(locale)) {
      throw new InvalidInputException("locale", "The tenant does not publish in " + locale + ".");
    }
    return locale;
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins change the wording of mails.");
    }
    return subject;
  }
}
