package org.civicportal.document.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.document.control.DocumentWriter;
import org.civicportal.document.entity.DocumentAttachment;
import org.civicportal.document.entity.DocumentAttachmentContent;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.form.control.FileTypes;
import org.civicportal.form.control.UploadedFiles;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.indexing.control.TextExtraction;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Staff documents of the current tenant, as the current subject may see them. Never returns a
 * document above the subject's clearance: such a document is absent from lists and not found by id,
 * exactly as if it did not exist. Nobody labels above their own clearance, and an edit never lowers
 * a label.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class StaffDocuments {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;
  @Inject DocumentWriter writer;
  @Inject AuditTrail audit;
  @Inject TextExtraction extraction;

  private final Clock clock = Clock.systemUTC();

  /**
   * The documents the subject may read, newest first. Those above the lowest level appearing in the
   * list are audited, in one entry.
   */
  public List<StaffDocument> visible() {
    Subject subject = subjects.get();
    ClassificationScheme scheme = scheme();
    List<StaffDocument> visible =
        policy
            .bindVisibleTo(em.createNamedQuery(StaffDocument.VISIBLE, StaffDocument.class), subject)
            .getResultList()
            .stream()
            // the SQL predicate and the policy must agree; reading through both fails closed if
            // not
            .filter(d -> policy.mayRead(subject, d.label(scheme)))
            .toList();
    audit.listed(CurrentTenant.code(), subject.name(), "documents", classified(visible, scheme));
    return visible;
  }

  /** How an audit entry names the documents above the lowest level among these. */
  private static List<String> classified(
      Collection<StaffDocument> documents, ClassificationScheme scheme) {
    return documents.stream()
        .filter(d -> d.label(scheme).level() > 0)
        .map(d -> "document:" + d.id() + " " + d.marking())
        .toList();
  }

  /** The document, if the subject may read it; reading one above the lowest level is audited. */
  public Optional<StaffDocument> read(long id) {
    Optional<StaffDocument> found = find(id);
    found
        .filter(d -> d.label(scheme()).level() > 0)
        .ifPresent(
            d ->
                audit.record(
                    CurrentTenant.code(),
                    subjects.get().name(),
                    AuditAction.DOCUMENT_READ,
                    "document:" + d.id(),
                    d.marking()));
    return found;
  }

  private Optional<StaffDocument> find(long id) {
    Subject subject = subjects.get();
    return Optional.ofNullable(em.find(StaffDocument.class, id))
        .filter(d -> policy.mayRead(subject, d.label(scheme())));
  }

  /** These documents, those the subject may read, for turning search hits into results. */
  public List<StaffDocument> visibleAmong(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Subject subject = subjects.get();
    ClassificationScheme scheme = scheme();
    return policy
        .bindVisibleTo(
            em.createNamedQuery(StaffDocument.VISIBLE_BY_IDS, StaffDocument.class)
                .setParameter("ids", ids),
            subject)
        .getResultList()
        .stream()
        .filter(d -> policy.mayRead(subject, d.label(scheme)))
        .toList();
  }

  /**
   * The highest label among these markings (their join), in banner syntax; the tenant's lowest
   * level when there are none. What a page or response showing them must be marked with.
   */
  public String highest(Collection<String> markings) {
    ClassificationScheme scheme = scheme();
    Label highest = scheme.lowest();
    for (String marking : markings) {
      highest = highest.join(Marking.parse(scheme, marking));
    }
    return Marking.format(highest);
  }

  /** The label a marking string stands for in this tenant's scheme. */
  public Label label(String marking) {
    try {
      return Marking.parse(scheme(), marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
  }

  /** Writes a new document; only employees write, and only at or below their clearance. */
  public StaffDocument create(
      String agency, String language, String title, String body, String marking) {
    Subject subject = requireEmployee();
    Label label = label(marking);
    requireMayLabel(subject, label);
    StaffDocument document;
    try {
      document =
          new StaffDocument(agency, language, title, body, label, subject.name(), clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("document", e.getMessage());
    }
    writer.insert(document, clock.instant());
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.DOCUMENT_CREATED,
        "document:" + document.id(),
        document.marking());
    return document;
  }

  /** Edits a document the subject may read; the label may stay or rise, never fall. */
  public Optional<StaffDocument> update(long id, String title, String body, String marking) {
    Subject subject = requireEmployee();
    Optional<StaffDocument> found = find(id);
    if (found.isEmpty()) {
      return found;
    }
    StaffDocument document = found.get();
    Label label = label(marking);
    requireMayLabel(subject, label);
    String before = document.marking();
    try {
      document.raiseTo(label, scheme());
      document.revise(title, body, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.DOCUMENT_EDITED,
        "document:" + id,
        document.marking());
    if (!before.equals(document.marking())) {
      audit.record(
          CurrentTenant.code(),
          subject.name(),
          AuditAction.LABEL_CHANGED,
          "document:" + id,
          before + " -> " + document.marking());
      // fail closed: out of the index before this commit, back with its new label after it
      writer.raised(document, clock.instant());
    } else {
      writer.changed(document, clock.instant());
    }
    return found;
  }

  /**
   * Lowers a document's label: only a declassifier who may read the document, with a reason;
   * audited in the same transaction.
   */
  public Optional<StaffDocument> declassify(long id, String marking, String reason) {
    Subject subject = subjects.get();
    if (!subject.has(Role.DECLASSIFIER)) {
      throw new NotPermittedException("Only declassifiers lower a label.");
    }
    Optional<StaffDocument> found = find(id);
    if (found.isEmpty()) {
      return found;
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "Give the reason for the declassification.");
    }
    StaffDocument document = found.get();
    String before = document.marking();
    try {
      document.declassifyTo(label(marking), scheme());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.LABEL_CHANGED,
        "document:" + id,
        "declassified " + before + " -> " + document.marking() + ": " + reason.strip());
    writer.changed(document, clock.instant());
    return found;
  }

  /** The kinds of file a document takes: those whose text search can read. */
  public static final java.util.List<String> ATTACHMENT_TYPES =
      java.util.List.of(
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text",
          "text/plain");

  /** The largest file a document takes. */
  public static final long MAX_ATTACHMENT = 25L * 1024 * 1024;

  /**
   * Attaches a file to a document the subject may read: PDF, DOCX, ODT or plain text (read from its
   * bytes), at most 25 MB. Its text is extracted now and searched under the document's label.
   */
  public Optional<DocumentAttachment> attach(long id, String fileName, byte[] bytes) {
    Subject subject = requireEmployee();
    Optional<StaffDocument> found = find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "The file is empty.");
    }
    if (bytes.length > MAX_ATTACHMENT) {
      throw new InvalidInputException("file", "A document takes files up to 25 MB.");
    }
    String name = UploadedFiles.safeName(fileName);
    Optional<String> type = FileTypes.sniff(bytes, name);
    if (type.isEmpty() || !ATTACHMENT_TYPES.contains(type.get())) {
      throw new InvalidInputException(
          "file",
          "A document takes PDF, Word (DOCX), OpenDocument text (ODT) and plain text files; this"
              + " file is "
              + type.map(FileTypes::name).orElse("of another kind")
              + ".");
    }
    Instant now = clock.instant();
    DocumentAttachment attachment =
        new DocumentAttachment(
            id,
            name,
            type.get(),
            bytes.length,
            UploadedFiles.sha256(bytes),
            extraction.text(bytes, type.get()),
            subject.name(),
            now);
    em.persist(attachment);
    em.flush();
    em.persist(new DocumentAttachmentContent(attachment.id(), bytes));
    writer.changed(found.get(), now);
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.ATTACHMENT_ADDED,
        "document:" + id + ":file:" + attachment.id(),
        name
            + " ("
            + type.get()
            + ", SHA-256 "
            + attachment.sha256()
            + ") under "
            + found.get().marking());
    return Optional.of(attachment);
  }

  /** The files of a document the subject may read, in the order attached. */
  public List<DocumentAttachment> attachments(long id) {
    if (find(id).isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(DocumentAttachment.OF_DOCUMENT, DocumentAttachment.class)
        .setParameter("document", id)
        .getResultList();
  }

  /**
   * A file's bytes, if it belongs to a document the subject may read; downloading one above the
   * lowest level is audited like reading the document.
   */
  public Optional<byte[]> attachmentContent(long id, long attachmentId) {
    Optional<StaffDocument> document = find(id);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    DocumentAttachment a = em.find(DocumentAttachment.class, attachmentId);
    if (a == null || a.documentId() != id) {
      return Optional.empty();
    }
    if (document.get().label(scheme()).level() > 0) {
      audit.record(
          CurrentTenant.code(),
          subjects.get().name(),
          AuditAction.DOCUMENT_READ,
          "document:" + id + ":file:" + attachmentId,
          document.get().marking());
    }
    return Optional.ofNullable(em.find(DocumentAttachmentContent.class, attachmentId))
        .map(DocumentAttachmentContent::content);
  }

  private Subject requireEmployee() {
    Subject subject = subjects.get();
    if (!subject.has(Role.EMPLOYEE)) {
      throw new NotPermittedException("Only employees write staff documents.");
    }
    return subject;
  }

  private void requireMayLabel(Subject subject, Label label) {
    if (!policy.mayLabel(subject, label)) {
      throw new InvalidInputException(
          "classification", "You cannot label a document above your own clearance.");
    }
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
