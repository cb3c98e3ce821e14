package org.civicportal.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicportal.form.control.Answers;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.request.control.RequestWriter;
import org.civicportal.request.control.Submission;
import org.civicportal.request.entity.AttachmentContent;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestChannel;
import org.civicportal.request.entity.RequestDraft;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.control.TenantBound;

/**
 * Requests being written, one question at a time. Every step is saved, so a failed check or an
 * expired session loses nothing: the draft is found again by the secret token its pages carry.
 * Submitting the same draft twice (a double click, a retried POST) gives one request.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class RequestDrafts {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject ServiceRequests requests;
  @Inject RequestWriter writer;

  /** Starts a draft for a published service. */
  public RequestDraft start(String serviceCode, String language) {
    ServiceRequests.Requestable service =
        requests
            .requestable(serviceCode, language)
            .orElseThrow(() -> new NoSuchRecordException("No service " + serviceCode + "."));
    Subject subject = subjects.get();
    RequestDraft draft =
        new RequestDraft(
            RequestWriter.token(),
            service.service().id(),
            subject.username().orElse(null),
            language,
            "draft-" + RequestWriter.token(),
            Instant.now());
    em.persist(draft);
    em.flush();
    return draft;
  }

  /**
   * The draft behind a token. A draft a signed-in person started is theirs alone; a guest's draft
   * goes to whoever holds its token (its secret link).
   */
  public Optional<RequestDraft> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Subject subject = subjects.get();
    return em
        .createNamedQuery(RequestDraft.BY_TOKEN, RequestDraft.class)
        .setParameter("token", token)
        .getResultList()
        .stream()
        .findFirst()
        .filter(
            d ->
                d.owner().isEmpty()
                    || d.owner().equals(subject.username())
                    || !subject.isSignedIn());
  }

  /** The signed-in person's drafts not sent yet, newest first, to resume. */
  public List<RequestDraft> mine() {
    Subject subject = subjects.get();
    if (!subject.isSignedIn()) {
      return List.of();
    }
    return em.createNamedQuery(RequestDraft.OF_OWNER, RequestDraft.class)
        .setParameter("owner", subject.name())
        .setMaxResults(50)
        .getResultList();
  }

  /** The service the draft is for, with its form. */
  public ServiceRequests.Requestable service(RequestDraft draft) {
    return requests.allRequestable(draft.language()).stream()
        .filter(r -> r.service().id() == draft.serviceId())
        .findFirst()
        .orElseThrow(() -> new NoSuchRecordException("This service is no longer offered."));
  }

  /** Saves answers given on one page (replacing those questions' answers) and the e-mail. */
  public RequestDraft save(String token, Answers page, Optional<String> email) {
    RequestDraft draft = requireOpen(token);
    Answers answers = draft.answers();
    for (String code : page.asMap().keySet()) {
      answers.put(code, page.get(code));
    }
    draft.save(answers, Instant.now());
    email.ifPresent(draft::contactAt);
    return draft;
  }

  /** Clears one question's answer (a page sent with the question left blank). */
  public RequestDraft clear(String token, String question) {
    RequestDraft draft = requireOpen(token);
    Answers answers = draft.answers();
    answers.remove(question);
    draft.save(answers, Instant.now());
    return draft;
  }

  /**
   * Keeps a file for a file question of the draft.
   *
   * @throws InvalidInputException with a message for the citizen (too large, a refused type)
   */
  public RequestAttachment attach(String token, String question, String fileName, byte[] bytes) {
    RequestDraft draft = requireOpen(token);
    RequestAttachment a =
        writer.store(draft.id(), null, service(draft).form(), question, fileName, bytes);
    Answers answers = draft.answers();
    List<String> ids = new java.util.ArrayList<>(answers.get(question));
    ids.add(Long.toString(a.id()));
    answers.put(question, ids);
    draft.save(answers, Instant.now());
    return a;
  }

  public List<RequestAttachment> files(String token) {
    RequestDraft draft = require(token);
    return em.createNamedQuery(RequestAttachment.OF_DRAFT, RequestAttachment.class)
        .setParameter("draft", draft.id())
        .getResultList();
  }

  /** Removes a file from the draft. */
  public void removeFile(String token, long attachmentId) {
    RequestDraft draft = requireOpen(token);
    RequestAttachment a = em.find(RequestAttachment.class, attachmentId);
    if (a == null || !a.draftId().equals(Optional.of(draft.id())) || a.requestId().isPresent()) {
      return;
    }
    Answers answers = draft.answers();
    List<String> ids = new java.util.ArrayList<>(answers.get(a.question()));
    ids.remove(Long.toString(attachmentId));
    answers.put(a.question(), ids);
    draft.save(answers, Instant.now());
    AttachmentContent content = em.find(AttachmentContent.class, attachmentId);
    if (content != null) {
      em.remove(content);
    }
    em.remove(a);
  }

  /**
   * Submits the draft; a draft already submitted gives its request again.
   *
   * @throws InvalidInputException naming the first question still to answer
   */
  public ServiceRequest submit(String token, String baseUrl) {
    RequestDraft draft = require(token);
    ServiceRequests.Requestable service = service(draft);
    return requests.submit(
        new Submission(
            service.service().code(),
            draft.language(),
            draft.answers(),
            Optional.empty(),
            draft.email(),
            RequestChannel.WEB,
            Optional.of(draft.idempotencyKey()),
            Optional.empty(),
            Optional.of(draft.id()),
            List.of()),
        baseUrl);
  }

  /** A draft whose answers may still change: not sent yet. */
  private RequestDraft requireOpen(String token) {
    RequestDraft draft = require(token);
    if (draft.requestId().isPresent()) {
      throw new ConflictException("This request was sent already; its answers no longer change.");
    }
    return draft;
  }

  private RequestDraft require(String token) {
    return find(token)
        .orElseThrow(() -> new NoSuchRecordException("This request form is no longer open."));
  }
}
