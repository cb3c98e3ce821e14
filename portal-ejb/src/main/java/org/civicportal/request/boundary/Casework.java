package org.civicportal.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.notification.control.MailTemplates;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.control.RequestHandling;
import org.civicportal.request.control.RequestIndexing;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Case workers handling the requests of their agencies: moving them along {@link RequestState}'s
 * steps, assigning and routing them, and internal notes. Every act first finds the request through
 * {@link ServiceRequests#find} (so the clearance policy decides whether it exists for the subject)
 * and then asks {@link ClearancePolicy#mayHandle} for its agency; every act is audited.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Casework {
  @Inject ServiceRequests requests;
  @Inject RequestHandling handling;
  @Inject ClearancePolicy policy;
  @Inject CurrentSubject subjects;
  @Inject Accounts accounts;
  @Inject RequestIndexing indexing;
  @Inject AuditTrail audit;
  @Inject Tenants tenants;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /**
   * Moves a request on, with an optional note for the citizen; the citizen is mailed.
   *
   * @throws ConflictException if the step is not allowed from where it stands
   */
  public ServiceRequest move(String reference, RequestState to, String publicNote, String baseUrl) {
    Subject subject = subjects.get();
    ServiceRequest request = handled(reference, subject);
    RequestState from = request.state();
    Instant now = Instant.now();
    try {
      request.moveTo(to, now);
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage() + ".");
    }
    String note = publicNote == null || publicNote.isBlank() ? null : publicNote.strip();
    if (note != null && note.length() > 4000) {
      throw new InvalidInputException("note", "Use at most 4000 characters.");
    }
    em.persist(
        new RequestEvent(
            request.id(), now, subject.name(), from, to, request.assignee().orElse(null), note));
    indexing.changed(request.id());
    handling.auditHandling(subject, request, "moved " + from.external() + " -> " + to.external());
    handling.notifyCitizen(
        request,
        requests.serviceTitle(request, request.language()),
        MailTemplates.Kind.REQUEST_STATUS,
        Map.of(
            "status", to.external().replace('-', ' '), "message", note == null ? "" : note + "\n"),
        baseUrl);
    return request;
  }

  /** Assigns a request to a case worker of its agency (the caller or another). */
  public ServiceRequest assign(String reference, String assignee) {
    Subject subject = subjects.get();
    ServiceRequest request = handled(reference, subject);
    assign(request, assignee, subject);
    return request;
  }

  /** Routes a request to a team of its agency (free text, e.g. "north-crew"); blank clears it. */
  public ServiceRequest route(String reference, String team) {
    Subject subject = subjects.get();
    ServiceRequest request = handled(reference, subject);
    String t = team == null || team.isBlank() ? null : team.strip();
    if (t != null && (t.length() > 60 || !t.matches("[\\p{L}\\p{N} ._-]+"))) {
      throw new InvalidInputException(
          "team", "A team is 1 to 60 letters, digits, spaces, '.', '_' or '-'.");
    }
    request.route(t);
    indexing.changed(request.id());
    handling.auditHandling(subject, request, t == null ? "team cleared" : "routed to team " + t);
    return request;
  }

  /** Assigns several requests at once; all or none. */
  public int assignAll(Collection<String> references, String assignee) {
    Subject subject = subjects.get();
    int n = 0;
    for (String reference : references) {
      assign(handled(reference, subject), assignee, subject);
      n++;
    }
    return n;
  }

  private void assign(ServiceRequest request, String assignee, Subject subject) {
    if (request.state().finished()) {
      throw new ConflictException(
          "Request " + request.reference() + " is " + request.state().external() + ".");
    }
    Account account =
        accounts
            .byUsername(assignee == null ? "" : assignee.strip())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "assignee", "No employee is called " + assignee + "."));
    if (!handling.mayHandle(account, request.agency())) {
      throw new InvalidInputException(
          "assignee", account.username() + " is not a case worker of " + request.agency() + ".");
    }
    Instant now = Instant.now();
    request.assignTo(account.username(), now);
    indexing.changed(request.id());
    em.persist(
        new RequestEvent(
            request.id(),
            now,
            subject.name(),
            request.state(),
            request.state(),
            account.username(),
            null));
    handling.auditHandling(subject, request, "assigned to " + account.username());
  }

  /**
   * Writes an internal note, labelled at or below the writer's clearance and never below the
   * request's own label; never shown to the citizen or through Open311.
   */
  public RequestMessage note(String reference, String body, String marking) {
    Subject subject = subjects.get();
    ServiceRequest request = handled(reference, subject);
    Label label;
    try {
      label =
          marking == null || marking.isBlank()
              ? request.label(scheme())
              : Marking.parse(scheme(), marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
    if (!policy.mayLabel(subject, label)) {
      throw new InvalidInputException(
          "classification", "You cannot label a note above your own clearance.");
    }
    label = label.join(request.label(scheme()));
    RequestMessage note =
        handling.message(request, RequestMessage.Kind.NOTE, subject, true, body, label);
    // notes are not searched, but a case worker's devices carry them
    indexing.changed(request.id());
    handling.auditHandling(
        subject, request, "internal note " + note.id() + " labelled " + note.marking());
    if (label.level() > 0) {
      audit.record(
          CurrentTenant.code(),
          subject.name(),
          AuditAction.LABEL_CHANGED,
          "request:" + request.reference() + ":note:" + note.id(),
          "note labelled " + note.marking());
    }
    return note;
  }

  /** A request the subject handles: visible to them and of an agency they are case worker of. */
  private ServiceRequest handled(String reference, Subject subject) {
    ServiceRequest request =
        requests.find(reference).orElseThrow(() -> ServiceRequests.notFound(reference));
    if (!policy.mayHandle(subject, request.agency())) {
      throw new NotPermittedException(
          "Only case workers of " + request.agency() + " handle this request.");
    }
    return request;
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
