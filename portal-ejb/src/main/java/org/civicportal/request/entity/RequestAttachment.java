package org.civicportal.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A file given in answer to a form's file question: first of a draft, then of the request. Its type
 * was read from its bytes; its SHA-256 is kept so anyone can check the file is the one given. The
 * bytes are in {@link AttachmentContent}.
 */
@Entity
@Table(name = "request_attachment")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = RequestAttachment.OF_REQUEST,
    query = "SELECT a FROM RequestAttachment a WHERE a.requestId = :request ORDER BY a.id")
@NamedQuery(
    name = RequestAttachment.OF_DRAFT,
    query = "SELECT a FROM RequestAttachment a WHERE a.draftId = :draft ORDER BY a.id")
public class RequestAttachment {
  public static final String OF_REQUEST = "RequestAttachment.ofRequest";
  public static final String OF_DRAFT = "RequestAttachment.ofDraft";

  @Id
  @SequenceGenerator(
      name = "request_attachment_seq",
      sequenceName = "request_attachment_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_attachment_seq")
  private Long id;

  @Column(name = "draft_id")
  private Long draftId;

  @Column(name = "request_id")
  private Long requestId;

  @Column(nullable = false, length = 60)
  private String question;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "extracted_text")
  private String text;

  protected RequestAttachment() {}

  public RequestAttachment(
      Long draftId,
      Long requestId,
      String question,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      Instant createdAt) {
    this.draftId = draftId;
    this.requestId = requestId;
    this.question = question;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.createdAt = createdAt;
  }

  /** The file's text, read when it arrived (empty for pictures). */
  public void readAs(String text) {
    this.text = text;
  }

  public String text() {
    return text == null ? "" : text;
  }

  /** The draft was submitted: the file now belongs to the request. */
  public void attachTo(long requestId) {
    this.requestId = requestId;
  }

  public Long id() {
    return id;
  }

  public Optional<Long> draftId() {
    return Optional.ofNullable(draftId);
  }

  public Optional<Long> requestId() {
    return Optional.ofNullable(requestId);
  }

  public String question() {
    return question;
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
