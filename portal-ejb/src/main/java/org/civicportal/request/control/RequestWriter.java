package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.form.control.Answers;
import org.civicportal.form.control.FileTypes;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.form.control.Location;
import org.civicportal.form.control.Question;
import org.civicportal.form.control.QuestionType;
import org.civicportal.form.control.UploadedFiles;
import org.civicportal.indexing.control.TextExtraction;
import org.civicportal.notification.control.MailOutbox;
import org.civicportal.notification.control.MailTemplates;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.request.entity.AttachmentContent;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestDraft;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.control.TenantBound;

/**
 * The transaction that makes a request: its reference, the request with its first history step, its
 * files, and the confirmation mail, all or nothing. A second submission with the same idempotency
 * key fails on the key's unique constraint, and the boundary then returns the first.
 */
@ApplicationScoped
@TenantBound
public class RequestWriter {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject References references;
  @Inject MailOutbox outbox;
  @Inject TextExtraction extraction;
  @Inject RequestIndexing indexing;

  /** What the request is made of, checked by the boundary. */
  public record Checked(
      PublicService service,
      ServiceRevision revision,
      FormDefinition form,
      Answers answers,
      ClassificationScheme scheme,
      String serviceTitle,
      String tenantName) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long insert(Submission s, Checked c, String tenant, String baseUrl) {
    Instant now = Instant.now();
    String reference = references.next(tenant, Year.now(ZoneOffset.UTC));
    Optional<Instant> due =
        c.revision().processingDays().map(days -> now.plus(Duration.ofDays(days)));
    ServiceRequest request =
        new ServiceRequest(
            reference,
            c.service().id(),
            c.service().code(),
            c.revision().number(),
            c.service().agency().code(),
            s.channel(),
            s.language(),
            c.answers(),
            c.scheme().lowest(),
            token(),
            now,
            due);
    request.madeBy(s.citizen(), s.email());
    s.idempotencyKey().ifPresent(request::retryableAs);
    s.clientKey().ifPresent(request::cameThrough);
    summarise(request, c.form(), c.answers());
    em.persist(request);
    em.flush();
    em.persist(
        new RequestEvent(
            request.id(), now, submitter(s), null, RequestState.SUBMITTED, null, null));
    if (s.draftId().isPresent()) {
      for (RequestAttachment a :
          em.createNamedQuery(RequestAttachment.OF_DRAFT, RequestAttachment.class)
              .setParameter("draft", s.draftId().get())
              .getResultList()) {
        a.attachTo(request.id());
      }
      RequestDraft draft = em.find(RequestDraft.class, s.draftId().get());
      draft.submittedAs(request.id());
    }
    for (Submission.NewFile file : s.files()) {
      store(null, request.id(), c.form(), file.question(), file.fileName(), file.bytes());
    }
    indexing.changed(request.id());
    s.email()
        .ifPresent(
            to ->
                outbox.queue(
                    tenant,
                    to,
                    MailTemplates.Kind.REQUEST_SUBMITTED,
                    s.language(),
                    Map.of(
                        "tenant", c.tenantName(),
                        "reference", reference,
                        "service", c.serviceTitle(),
                        "link", link(baseUrl, request)),
                    request.marking()));
    return request.id();
  }

  /** Where the person who made the request follows it: guests by their secret link. */
  public static String link(String baseUrl, ServiceRequest request) {
    return request.citizen().isPresent()
        ? baseUrl + "/requests/view?ref=" + request.reference()
        : baseUrl + "/requests/track?token=" + request.token();
  }

  private static String submitter(Submission s) {
    return s.citizen().orElse(s.clientKey().isPresent() ? "open311" : "guest");
  }

  /** Copies description, address and location from the answers, for lists and Open311. */
  static void summarise(ServiceRequest request, FormDefinition form, Answers answers) {
    String description = null;
    String address = null;
    Location location = null;
    for (Question q : form.asked(answers)) {
      String value = answers.first(q.code());
      if (value.isEmpty()) {
        continue;
      }
      if (description == null && q.type() == QuestionType.LONG_TEXT) {
        description = value;
      } else if (address == null && q.type() == QuestionType.ADDRESS) {
        address = value;
      } else if (location == null && q.type() == QuestionType.LOCATION) {
        location = Location.parse(value).orElse(null);
      }
    }
    if (description == null) {
      description = answers.first("description");
    }
    request.describe(
        description,
        address,
        location == null ? null : location.latitude(),
        location == null ? null : location.longitude());
  }

  /**
   * Keeps a file given for a file question: at most the form's size, of a type it takes, as read
   * from the bytes.
   *
   * @throws InvalidInputException naming the question, with a message for the person who gave it
   */
  public RequestAttachment store(
      Long draftId,
      Long requestId,
      FormDefinition form,
      String question,
      String fileName,
      byte[] bytes) {
    Optional<Question> q = form.question(question);
    if (q.isEmpty() || q.get().type() != QuestionType.FILE) {
      throw new InvalidInputException(question, "This form has no file question " + question + ".");
    }
    if (bytes.length == 0) {
      throw new InvalidInputException(question, "The file is empty.");
    }
    if (bytes.length > form.maxFileBytes()) {
      throw new InvalidInputException(
          question,
          "The file is "
              + megabytes(bytes.length)
              + "; this service takes files up to "
              + megabytes(form.maxFileBytes())
              + ".");
    }
    String name = UploadedFiles.safeName(fileName);
    Optional<String> type = FileTypes.sniff(bytes, name);
    if (type.isEmpty() || !form.fileTypes().contains(type.get())) {
      throw new InvalidInputException(
          question,
          "This service takes only these kinds of file: "
              + String.join(", ", form.fileTypes().stream().map(FileTypes::name).toList())
              + ". The file given is "
              + type.map(FileTypes::name).orElse("of a kind the portal does not take")
              + ".");
    }
    RequestAttachment attachment =
        new RequestAttachment(
            draftId,
            requestId,
            question,
            name,
            type.get(),
            bytes.length,
            UploadedFiles.sha256(bytes),
            Instant.now());
    if (!type.get().startsWith("image/")) {
      attachment.readAs(extraction.text(bytes, type.get()));
    }
    em.persist(attachment);
    em.flush();
    em.persist(new AttachmentContent(attachment.id(), bytes));
    return attachment;
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A secret: 32 random bytes, URL-safe. */
  public static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Files of a request, in the order given. */
  public List<RequestAttachment> files(long requestId) {
    return em.createNamedQuery(RequestAttachment.OF_REQUEST, RequestAttachment.class)
        .setParameter("request", requestId)
        .getResultList();
  }
}
