package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.notification.control.MailOutbox;
import org.civicportal.notification.control.MailTemplates;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * What the request boundaries share when someone acts on a request they already hold (found through
 * the policy): a message or note in its thread, the mail to the citizen, the audit of a case
 * worker's act. Checks nothing itself; runs in the caller's transaction.
 */
@ApplicationScoped
@TenantBound
public class RequestHandling {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Accounts accounts;
  @Inject MailOutbox outbox;
  @Inject AuditTrail audit;
  @Inject Tenants tenants;
  @Inject ClearancePolicy policy;

  /** Whether this employee may handle requests of this agency (a case worker of it). */
  public boolean mayHandle(Account employee, String agency) {
    Subject subject =
        new Subject(
            CurrentTenant.code(),
            Optional.of(employee.username()),
            employee.roles(),
            Optional.empty(),
            employee.agencies());
    return policy.mayHandle(subject, agency);
  }

  /**
   * Writes a message or note in the request's thread, by this author, with this label.
   *
   * @throws InvalidInputException naming the body when it is empty or too long
   */
  public RequestMessage message(
      ServiceRequest request,
      RequestMessage.Kind kind,
      Subject author,
      boolean staff,
      String body,
      Label label) {
    RequestMessage message;
    try {
      message =
          new RequestMessage(request.id(), kind, author.name(), staff, body, label, Instant.now());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("body", e.getMessage());
    }
    em.persist(message);
    em.flush();
    return message;
  }

  /** Audits a case worker's act on a request, naming the request's label. */
  public void auditHandling(Subject subject, ServiceRequest request, String what) {
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.REQUEST_HANDLED,
        "request:" + request.reference(),
        what + " (" + request.marking() + ")");
  }

  /**
   * Mails the citizen (their account's address, or the guest's) in the request's language, with
   * their link to it; nothing when the request has no address.
   */
  public void notifyCitizen(
      ServiceRequest request,
      String serviceTitle,
      MailTemplates.Kind kind,
      Map<String, String> extra,
      String baseUrl) {
    Optional<String> to =
        request.citizen().flatMap(accounts::byUsername).map(Account::email).or(request::email);
    if (to.isEmpty()) {
      return;
    }
    Map<String, String> values = new HashMap<>(extra);
    values.put("link", RequestWriter.link(baseUrl, request));
    outbox.queue(
        CurrentTenant.code(),
        to.get(),
        kind,
        request.language(),
        values(request, serviceTitle, values),
        request.marking());
  }

  /** The values every request mail names (tenant, reference, service), with these added. */
  public Map<String, String> values(
      ServiceRequest request, String serviceTitle, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("tenant", tenants.byCode(CurrentTenant.code()).orElseThrow().name());
    values.put("reference", request.reference());
    values.put("service", serviceTitle);
    return values;
  }
}
