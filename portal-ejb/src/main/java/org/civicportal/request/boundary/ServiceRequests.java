package org.civicportal.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.form.control.AnswerError;
import org.civicportal.form.control.AnswerText;
import org.civicportal.form.control.Answers;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.notification.control.MailOutbox;
import org.civicportal.notification.control.MailTemplates;
import org.civicportal.persistence.control.LanguageCode;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.control.References;
import org.civicportal.request.control.RequestHandling;
import org.civicportal.request.control.RequestIndexing;
import org.civicportal.request.control.RequestReceipt;
import org.civicportal.request.control.RequestWriter;
import org.civicportal.request.control.Submission;
import org.civicportal.request.entity.AttachmentContent;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;
import org.civicportal.tenant.entity.Tenant;

/**
 * Service requests of the current tenant as the current subject may see them: submission, reading
 * one request (its history, thread, files and receipt), withdrawing it and the thread with the
 * citizen. Every read asks the clearance policy ({@link ClearancePolicy#mayReadCase}): a citizen
 * sees their own requests, case workers those of their agencies up to their clearance, and for
 * everyone else a request does not exist (not found, absent from lists and counts). Lists and
 * counts are {@link RequestQueues}; case workers' acts are {@link Casework}.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class ServiceRequests {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;
  @Inject Accounts accounts;
  @Inject References references;
  @Inject RequestWriter writer;
  @Inject MailOutbox outbox;
  @Inject RequestIndexing indexing;
  @Inject RequestHandling handling;

  /** A published service one can make a request of, with its form in the revision citizens see. */
  public record Requestable(
      PublicService service, ServiceRevision revision, FormDefinition form, String title) {}

  /** The published service with this code, if any, titled in this language or the default. */
  public Optional<Requestable> requestable(String code, String language) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em
        .createQuery(
            "SELECT s FROM PublicService s WHERE s.code = :code ORDER BY s.id", PublicService.class)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .filter(PublicService::isPublished)
        .findFirst()
        .flatMap(s -> s.publishedRevision().map(r -> requestable(s, r, language)));
  }

  /** Every published service, for Open311's service list. */
  public List<Requestable> allRequestable(String language) {
    return em
        .createQuery("SELECT s FROM PublicService s ORDER BY s.code", PublicService.class)
        .getResultList()
        .stream()
        .filter(PublicService::isPublished)
        .flatMap(s -> s.publishedRevision().map(r -> requestable(s, r, language)).stream())
        .toList();
  }

  private Requestable requestable(PublicService s, ServiceRevision r, String language) {
    Tenant tenant = tenant();
    String title =
        s.translation(language)
            .or(() -> s.translation(tenant.defaultLocale().getLanguage()))
            .or(() -> s.translations().stream().findFirst())
            .map(ServiceTranslation::title)
            .orElse(s.code());
    return new Requestable(s, r, r.form(), title);
  }

  /**
   * Submits a request. Checks the answers against the service's form, then writes it in its own
   * transaction (committed when this returns, so the confirmation mail can leave); a retry with the
   * same idempotency key by the same submitter, even one racing this call, returns the first
   * request and creates nothing.
   *
   * @throws InvalidInputException with the first error, naming the question
   */
  public ServiceRequest submit(Submission s, String baseUrl) {
    if (!LanguageCode.valid(s.language())) {
      throw new InvalidInputException("language", "Use a language code such as en or fr.");
    }
    if (s.idempotencyKey().isPresent()) {
      Optional<ServiceRequest> first = byIdempotencyKey(s);
      if (first.isPresent()) {
        return first.get();
      }
    }
    Requestable service =
        requestable(s.serviceCode(), s.language())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "service_code", "No published service has the code " + s.serviceCode()));
    Submission who = withSubmitter(s, service.form());
    checkLabel(who, service.revision());
    Answers given = who.answers().copy();
    for (Submission.NewFile file : who.files()) {
      // files sent with the submission answer their question; they are checked when stored
      List<String> names = new ArrayList<>(given.get(file.question()));
      names.add(file.fileName() == null ? "file" : file.fileName());
      given.put(file.question(), names);
    }
    Answers answers = service.form().keepAsked(given);
    List<AnswerError> errors = service.form().check(answers);
    if (!errors.isEmpty()) {
      AnswerError first = errors.get(0);
      throw new InvalidInputException(first.question(), first.english());
    }
    String tenant = CurrentTenant.code();
    try {
      references.ensure(tenant, Year.now(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      // another submission created the year's counter at the same moment: it exists now
    }
    RequestWriter.Checked checked =
        new RequestWriter.Checked(
            service.service(),
            service.revision(),
            service.form(),
            answers,
            scheme(),
            service.title(),
            tenant().name());
    long id;
    try {
      id = writer.insert(who, checked, tenant, baseUrl);
    } catch (RuntimeException e) {
      if (who.idempotencyKey().isPresent()) {
        // the same key committed first, from a double click or a retry racing this one
        Optional<ServiceRequest> first = byIdempotencyKey(who);
        if (first.isPresent()) {
          return first.get();
        }
      }
      throw e;
    }
    return em.find(ServiceRequest.class, id);
  }

  private Optional<ServiceRequest> byIdempotencyKey(Submission s) {
    Optional<ServiceRequest> found =
        em
            .createNamedQuery(ServiceRequest.BY_IDEMPOTENCY_KEY, ServiceRequest.class)
            .setParameter("key", s.idempotencyKey().get())
            .getResultList()
            .stream()
            .findFirst();
    if (found.isEmpty()) {
      return found;
    }
    ServiceRequest first = found.get();
    Subject subject = subjects.get();
    boolean same =
        s.clientKey().isPresent()
            ? first.open311KeyId().equals(s.clientKey())
            : subject.username().isPresent()
                ? first.citizen().equals(subject.username())
                : first.citizen().isEmpty()
                    && first.open311KeyId().isEmpty()
                    && first.email().equals(s.email());
    if (!same) {
      throw new ConflictException(
          "This idempotency key was already used for another request; send a new key.");
    }
    return found;
  }

  /**
   * A label asked for with a submission is never silently replaced: it must be a marking of the
   * tenant's scale, at or below the ceiling of the service's published revision (by default the
   * lowest level), and one the submitter may set. Citizens, guests and Open311 clients follow their
   * requests only while they are public, so they may ask for the lowest level only.
   */
  private void checkLabel(Submission s, ServiceRevision published) {
    if (s.classification().isEmpty() || s.classification().get().isBlank()) {
      return;
    }
    ClassificationScheme scheme = scheme();
    Label asked;
    try {
      asked = Marking.parse(scheme, s.classification().get());
    } catch (MarkingException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
    Label ceiling = published.ceiling().map(m -> Marking.parse(scheme, m)).orElse(scheme.lowest());
    if (!ceiling.dominates(asked)) {
      throw new InvalidInputException(
          "classification",
          "Requests of this service can be labelled at most "
              + Marking.format(ceiling)
              + ", not "
              + Marking.format(asked)
              + ".");
    }
    if (!ClearancePolicy.isPublic(asked)) {
      throw new InvalidInputException(
          "classification",
          "You cannot label your request "
              + Marking.format(asked)
              + ": you could no longer follow it. Leave the label out, or use "
              + Marking.format(scheme.lowest())
              + ".");
    }
  }

  /** The submitter: the signed-in citizen (with their account's e-mail), or a guest's e-mail. */
  private Submission withSubmitter(Submission s, FormDefinition form) {
    Subject subject = subjects.get();
    Optional<String> citizen = Optional.empty();
    Optional<String> email = s.email().map(String::strip).filter(e -> !e.isEmpty());
    if (subject.isSignedIn() && s.clientKey().isEmpty()) {
      if (subject.clearance().isPresent()) {
        throw new NotPermittedException(
            "Staff accounts do not submit requests; sign in as a citizen.");
      }
      citizen = subject.username();
      email = accounts.byUsername(subject.name()).map(Account::email);
    } else if (s.clientKey().isEmpty()) {
      if (!form.guests()) {
        throw new NotPermittedException("Sign in to make a request of this service.");
      }
      if (email.isEmpty()) {
        throw new InvalidInputException("email", "Give an e-mail address to follow your request.");
      }
    }
    if (email.isPresent() && !isEmail(email.get())) {
      throw new InvalidInputException("email", "This is not an e-mail address: " + email.get());
    }
    return new Submission(
        s.serviceCode(),
        s.language(),
        s.answers(),
        citizen,
        email,
        s.channel(),
        s.idempotencyKey(),
        s.clientKey(),
        s.draftId(),
        s.files(),
        s.classification());
  }

  /** Whether the text looks like an e-mail address (the server that takes it decides). */
  public static boolean isEmail(String text) {
    return text.length() <= 254 && text.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  }

  // ---- reads, all through the policy ----

  /** The request with this reference, if the subject may see it. */
  public Optional<ServiceRequest> find(String reference) {
    Subject subject = subjects.get();
    return byReference(reference).filter(r -> policy.mayReadCase(subject, facts(r)));
  }

  /** The request an Open311 client submitted with this key, by reference. */
  public Optional<ServiceRequest> findForClient(long clientKey, String reference) {
    return byReference(reference).filter(r -> policy.mayReadCaseAsClient(clientKey, facts(r)));
  }

  /** Idempotency keys of Open311 POSTs start with this, followed by the token the client got. */
  public static final String OPEN311_TOKEN = "open311-token-";

  /**
   * The reference of the request an Open311 POST created, by the token it answered with: the
   * reference is all a token holder learns (GeoReport v2's token lookup); the request itself is
   * read by reference, through the policy.
   */
  public Optional<String> referenceOfOpen311Token(String token) {
    if (token == null || token.isBlank() || token.length() > 80) {
      return Optional.empty();
    }
    return em
        .createNamedQuery(ServiceRequest.BY_IDEMPOTENCY_KEY, ServiceRequest.class)
        .setParameter("key", OPEN311_TOKEN + token)
        .getResultList()
        .stream()
        .findFirst()
        .map(ServiceRequest::reference);
  }

  /** The request a guest follows through the secret link they were mailed. */
  public Optional<ServiceRequest> findByToken(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return em
        .createNamedQuery(ServiceRequest.BY_TOKEN, ServiceRequest.class)
        .setParameter("token", token)
        .getResultList()
        .stream()
        .findFirst()
        .filter(r -> ClearancePolicy.isPublic(r.label(scheme())));
  }

  private Optional<ServiceRequest> byReference(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    return em
        .createNamedQuery(ServiceRequest.BY_REFERENCE, ServiceRequest.class)
        .setParameter("reference", reference.strip())
        .getResultList()
        .stream()
        .findFirst();
  }

  /** What the policy needs to know of a request. */
  public ClearancePolicy.Case facts(ServiceRequest r) {
    return new ClearancePolicy.Case(r.citizen(), r.open311KeyId(), r.agency(), r.label(scheme()));
  }

  /** The requests an Open311 client submitted with its key. */
  public List<ServiceRequest> ofClient(long clientKey) {
    return em
        .createNamedQuery(ServiceRequest.OF_KEY, ServiceRequest.class)
        .setParameter("key", clientKey)
        .getResultList()
        .stream()
        .filter(r -> policy.mayReadCaseAsClient(clientKey, facts(r)))
        .toList();
  }

  /** The request's history, oldest first. */
  public List<RequestEvent> history(ServiceRequest request) {
    return em.createNamedQuery(RequestEvent.OF_REQUEST, RequestEvent.class)
        .setParameter("request", request.id())
        .getResultList();
  }

  /**
   * The thread the subject may read: for the citizen (and Open311), messages only; for staff,
   * messages and the internal notes their clearance reads.
   */
  public List<RequestMessage> thread(ServiceRequest request) {
    Subject subject = subjects.get();
    ClassificationScheme scheme = scheme();
    boolean staff = policy.mayReadCase(subject, facts(request)) && subject.clearance().isPresent();
    return em
        .createNamedQuery(RequestMessage.OF_REQUEST, RequestMessage.class)
        .setParameter("request", request.id())
        .getResultList()
        .stream()
        .filter(m -> m.isNote() ? staff && policy.mayRead(subject, m.label(scheme)) : true)
        .toList();
  }

  /** Public notes of state changes, for citizens and Open311's status_notes. */
  public Optional<String> latestPublicNote(ServiceRequest request) {
    List<RequestEvent> events = history(request);
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).publicNote().isPresent()) {
        return events.get(i).publicNote();
      }
    }
    return Optional.empty();
  }

  public List<RequestAttachment> files(ServiceRequest request) {
    return writer.files(request.id());
  }

  /** A file's bytes, if the file belongs to this request (which the caller may already see). */
  public Optional<byte[]> content(ServiceRequest request, long attachmentId) {
    RequestAttachment a = em.find(RequestAttachment.class, attachmentId);
    if (a == null || !a.requestId().equals(Optional.of(request.id()))) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(AttachmentContent.class, attachmentId))
        .map(AttachmentContent::content);
  }

  /**
   * The receipt of a request the caller already holds (found through {@link #find} or {@link
   * #findByToken}): its answers under their questions, in the request's language.
   */
  public RequestReceipt.Receipt receipt(ServiceRequest request, String baseUrl) {
    return new RequestReceipt.Receipt(
        tenant().name(),
        request.reference(),
        serviceTitle(request, request.language()),
        request.submittedAt(),
        request.marking(),
        request.language(),
        answerLines(request),
        files(request).stream()
            .map(f -> new RequestReceipt.Receipt.FileLine(f.fileName(), f.sha256(), f.size()))
            .toList(),
        request.state().external().replace('-', ' '),
        RequestWriter.link(baseUrl, request));
  }

  /**
   * The request's answers under their questions, in its language, with the form of the revision it
   * was made with.
   */
  public List<RequestReceipt.Receipt.Line> answerLines(ServiceRequest request) {
    String language = request.language();
    List<RequestAttachment> files = files(request);
    FormDefinition form =
        requestable(request.serviceCode(), language)
            .flatMap(s -> s.service().revision(request.serviceRevision()))
            .map(org.civicportal.catalog.entity.ServiceRevision::form)
            .orElseGet(FormDefinition::standard);
    Answers answers = request.answers();
    List<RequestReceipt.Receipt.Line> lines = new ArrayList<>();
    for (org.civicportal.form.control.Question q : form.asked(answers)) {
      List<String> shown =
          AnswerText.of(
              q,
              answers.get(q.code()),
              language,
              v ->
                  files.stream()
                      .filter(f -> Long.toString(f.id()).equals(v) || f.fileName().equals(v))
                      .findFirst()
                      .map(RequestAttachment::fileName)
                      .orElse(v),
              v -> v);
      if (!shown.isEmpty()) {
        lines.add(new RequestReceipt.Receipt.Line(q.labelIn(language), String.join("\n", shown)));
      }
    }
    return lines;
  }

  /** The service's title in this language (or the tenant's default), else its code. */
  public String serviceTitle(ServiceRequest request, String language) {
    return requestable(request.serviceCode(), language)
        .map(Requestable::title)
        .orElse(request.serviceCode());
  }

  /** The citizen withdraws their request before anyone is assigned. */
  public ServiceRequest withdraw(String reference) {
    Subject subject = subjects.get();
    ServiceRequest request =
        find(reference)
            .filter(r -> r.citizen().equals(subject.username()))
            .orElseThrow(() -> notFound(reference));
    RequestState from = request.state();
    Instant now = Instant.now();
    try {
      request.withdraw(now);
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage() + ".");
    }
    em.persist(
        new RequestEvent(
            request.id(), now, subject.name(), from, RequestState.WITHDRAWN, null, null));
    indexing.changed(request.id());
    return request;
  }

  /**
   * Writes in the thread with the citizen: the citizen (their own request) or a case worker of the
   * agency. The other side is mailed.
   */
  public RequestMessage write(String reference, String body, String baseUrl) {
    Subject subject = subjects.get();
    ServiceRequest request = find(reference).orElseThrow(() -> notFound(reference));
    boolean staff = subject.clearance().isPresent();
    if (staff && !policy.mayHandle(subject, request.agency())) {
      throw new NotPermittedException("Only case workers of " + request.agency() + " write here.");
    }
    if (!staff && request.state() == RequestState.WITHDRAWN) {
      throw new ConflictException("This request was withdrawn.");
    }
    RequestMessage message =
        handling.message(
            request, RequestMessage.Kind.MESSAGE, subject, staff, body, request.label(scheme()));
    indexing.changed(request.id());
    String serviceTitle = serviceTitle(request, request.language());
    if (staff) {
      handling.auditHandling(
          subject, request, "wrote to the citizen (message " + message.id() + ")");
      handling.notifyCitizen(
          request,
          serviceTitle,
          MailTemplates.Kind.REQUEST_MESSAGE,
          Map.of("message", message.body()),
          baseUrl);
    } else {
      request
          .assignee()
          .flatMap(accounts::byUsername)
          .map(Account::email)
          .filter(e -> e != null && !e.isBlank())
          .ifPresent(
              to ->
                  outbox.queue(
                      CurrentTenant.code(),
                      to,
                      MailTemplates.Kind.REQUEST_CITIZEN_REPLIED,
                      tenant().defaultLocale().getLanguage(),
                      handling.values(
                          request,
                          serviceTitle,
                          Map.of(
                              "message",
                              message.body(),
                              "link",
                              baseUrl + "/staff/request?ref=" + request.reference())),
                      request.marking()));
    }
    return message;
  }

  /** A guest writes on the request they follow through their secret link. */
  public RequestMessage writeAsGuest(String token, String body, String baseUrl) {
    ServiceRequest request =
        findByToken(token).orElseThrow(() -> new NoSuchRecordException("No such request."));
    if (request.state() == RequestState.WITHDRAWN) {
      throw new ConflictException("This request was withdrawn.");
    }
    RequestMessage message;
    try {
      message =
          new RequestMessage(
              request.id(),
              RequestMessage.Kind.MESSAGE,
              request.email().orElse("guest"),
              false,
              body,
              request.label(scheme()),
              Instant.now());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("body", e.getMessage());
    }
    em.persist(message);
    indexing.changed(request.id());
    return message;
  }

  static NoSuchRecordException notFound(String reference) {
    return new NoSuchRecordException("No request " + reference + ".");
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }

  private Tenant tenant() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow();
  }
}
