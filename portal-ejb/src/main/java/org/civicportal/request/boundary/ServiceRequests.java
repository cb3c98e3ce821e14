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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
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
 * Service requests of the current tenant as the current subject may see and handle them. Every read
 * asks the clearance policy ({@link ClearancePolicy#mayReadCase}): a citizen sees their own
 * requests, case workers those of their agencies up to their clearance, and for everyone else a
 * request does not exist (not found, absent from lists and counts). Staff move requests only along
 * {@link RequestState}'s steps.
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
  @Inject AuditTrail audit;
  @Inject RequestIndexing indexing;

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

  /** What a queue or list shows: filters, all optional. */
  public record Filter(
      Optional<String> agency,
      Optional<RequestState> state,
      Optional<String> assignee,
      boolean unassigned,
      boolean overdue,
      Optional<String> service,
      Optional<String> team) {
    public static Filter none() {
      return new Filter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          false,
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * The requests the subject may see: a citizen's own; a case worker's agencies' queue, each
   * request checked against their clearance; nothing for anyone else. Those above the lowest level
   * appearing in the list are audited, in one entry.
   */
  public List<ServiceRequest> visible(Filter filter) {
    Subject subject = subjects.get();
    List<ServiceRequest> candidates;
    if (subject.clearance().isEmpty()) {
      if (!subject.isSignedIn()) {
        return List.of();
      }
      candidates =
          em.createNamedQuery(ServiceRequest.OF_CITIZEN, ServiceRequest.class)
              .setParameter("citizen", subject.name())
              .getResultList();
    } else {
      Collection<String> agencies = policy.caseAgencies(subject);
      if (filter.agency().isPresent()) {
        agencies =
            agencies.contains(filter.agency().get()) ? List.of(filter.agency().get()) : List.of();
      }
      if (agencies.isEmpty()) {
        return List.of();
      }
      candidates =
          em.createNamedQuery(ServiceRequest.OF_AGENCIES, ServiceRequest.class)
              .setParameter("agencies", agencies)
              .setParameter("maxLevel", policy.maxLevel(subject))
              .getResultList();
    }
    Instant now = Instant.now();
    List<ServiceRequest> shown =
        candidates.stream()
            .filter(r -> policy.mayReadCase(subject, facts(r)))
            .filter(r -> filter.state().map(s -> r.state() == s).orElse(true))
            .filter(
                r -> filter.assignee().map(a -> r.assignee().equals(Optional.of(a))).orElse(true))
            .filter(r -> !filter.unassigned() || r.assignee().isEmpty())
            .filter(r -> !filter.overdue() || r.overdue(now))
            .filter(r -> filter.service().map(c -> r.serviceCode().equals(c)).orElse(true))
            .filter(r -> filter.team().map(t -> r.team().equals(Optional.of(t))).orElse(true))
            .toList();
    ClassificationScheme scheme = scheme();
    audit.listed(
        CurrentTenant.code(),
        subject.name(),
        "requests",
        shown.stream()
            .filter(r -> r.label(scheme).level() > 0)
            .map(r -> "request:" + r.reference() + " " + r.marking())
            .toList());
    return shown;
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

  // ---- handling ----

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
    auditHandling(subject, request, "moved " + from.external() + " -> " + to.external());
    notifyCitizen(
        request,
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
    auditHandling(subject, request, t == null ? "team cleared" : "routed to team " + t);
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
    Subject other =
        new Subject(
            CurrentTenant.code(),
            Optional.of(account.username()),
            account.roles(),
            Optional.empty(),
            account.agencies());
    if (!policy.mayHandle(other, request.agency())) {
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
    auditHandling(subject, request, "assigned to " + account.username());
  }

  /** Audits a case worker's act on a request, naming the request's label. */
  private void auditHandling(Subject subject, ServiceRequest request, String what) {
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.REQUEST_HANDLED,
        "request:" + request.reference(),
        what + " (" + request.marking() + ")");
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
        message(
            request, RequestMessage.Kind.MESSAGE, subject, staff, body, request.label(scheme()));
    indexing.changed(request.id());
    if (staff) {
      auditHandling(subject, request, "wrote to the citizen (message " + message.id() + ")");
      notifyCitizen(
          request, MailTemplates.Kind.REQUEST_MESSAGE, Map.of("message", message.body()), baseUrl);
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
                      values(
                          request,
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
    RequestMessage note = message(request, RequestMessage.Kind.NOTE, subject, true, body, label);
    // notes are not searched, but a case worker's devices carry them
    indexing.changed(request.id());
    auditHandling(subject, request, "internal note " + note.id() + " labelled " + note.marking());
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

  private RequestMessage message(
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

  private void notifyCitizen(
      ServiceRequest request, MailTemplates.Kind kind, Map<String, String> extra, String baseUrl) {
    Optional<String> to =
        request.citizen().flatMap(accounts::byUsername).map(Account::email).or(request::email);
    if (to.isEmpty()) {
      return;
    }
    Map<String, String> values = new java.util.HashMap<>(extra);
    values.put("link", RequestWriter.link(baseUrl, request));
    outbox.queue(
        CurrentTenant.code(),
        to.get(),
        kind,
        request.language(),
        values(request, values),
        request.marking());
  }

  private Map<String, String> values(ServiceRequest request, Map<String, String> extra) {
    Map<String, String> values = new java.util.HashMap<>(extra);
    values.put("tenant", tenant().name());
    values.put("reference", request.reference());
    values.put("service", serviceTitle(request, request.language()));
    return values;
  }

  /** A request the subject handles: visible to them and of an agency they are case worker of. */
  private ServiceRequest handled(String reference, Subject subject) {
    ServiceRequest request = find(reference).orElseThrow(() -> notFound(reference));
    if (!policy.mayHandle(subject, request.agency())) {
      throw new NotPermittedException(
          "Only case workers of " + request.agency() + " handle this request.");
    }
    return request;
  }

  private static NoSuchRecordException notFound(String reference) {
    return new NoSuchRecordException("No request " + reference + ".");
  }

  // ---- queue export and dashboard ----

  /**
   * The queue as CSV (RFC 4180), what {@link #visible} returns for this filter. Its first row,
   * above the header, is the banner: the highest label among the rows (their join), as a page of
   * them would be marked.
   */
  public String exportCsv(Filter filter) {
    List<ServiceRequest> rows = visible(filter);
    ClassificationScheme scheme = scheme();
    Label highest = scheme.lowest();
    for (ServiceRequest r : rows) {
      highest = highest.join(r.label(scheme));
    }
    StringBuilder csv = new StringBuilder(csvField(Marking.format(highest))).append("\r\n");
    csv.append(
        "reference,service,agency,state,assignee,submitted_at,due_at,overdue,classification\r\n");
    Instant now = Instant.now();
    for (ServiceRequest r : rows) {
      csv.append(
              List.of(
                      r.reference(),
                      r.serviceCode(),
                      r.agency(),
                      r.state().external(),
                      r.assignee().orElse(""),
                      r.submittedAt().toString(),
                      r.dueAt().map(Instant::toString).orElse(""),
                      Boolean.toString(r.overdue(now)),
                      r.marking())
                  .stream()
                  .map(ServiceRequests::csvField)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** A CSV field, quoted when needed, and defused against spreadsheet formulas. */
  static String csvField(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** Counts for an agency dashboard, over exactly the requests the subject may see. */
  public record Dashboard(
      Map<String, Long> byState,
      Map<String, Long> perWeek,
      long slaKept,
      long slaMissed,
      long open,
      long overdue) {}

  public Dashboard dashboard(Filter filter) {
    List<ServiceRequest> all = visible(filter);
    Instant now = Instant.now();
    Map<String, Long> byState = new java.util.LinkedHashMap<>();
    for (RequestState s : RequestState.values()) {
      long n = all.stream().filter(r -> r.state() == s).count();
      if (n > 0) {
        byState.put(s.external(), n);
      }
    }
    Map<String, Long> perWeek =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    r -> week(r.submittedAt()), java.util.TreeMap::new, Collectors.counting()));
    long kept = all.stream().filter(r -> r.keptSla().orElse(false)).count();
    long missed = all.stream().filter(r -> !r.keptSla().orElse(true)).count();
    long open = all.stream().filter(r -> !r.state().finished()).count();
    long overdue = all.stream().filter(r -> r.overdue(now)).count();
    return new Dashboard(byState, perWeek, kept, missed, open, overdue);
  }

  static String week(Instant at) {
    java.time.LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    java.time.temporal.WeekFields w = java.time.temporal.WeekFields.ISO;
    return String.format(
        java.util.Locale.ROOT,
        "%d-W%02d",
        day.get(w.weekBasedYear()),
        day.get(w.weekOfWeekBasedYear()));
  }

  /** The case workers a request of this agency may be assigned to. */
  public List<String> caseWorkers(String agency) {
    List<String> names = new ArrayList<>();
    for (Account a : em.createNamedQuery(Account.EMPLOYEES, Account.class).getResultList()) {
      Subject s =
          new Subject(
              CurrentTenant.code(),
              Optional.of(a.username()),
              a.roles(),
              Optional.empty(),
              a.agencies());
      if (policy.mayHandle(s, agency)) {
        names.add(a.username());
      }
    }
    return names;
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }

  private Tenant tenant() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow();
  }
}
