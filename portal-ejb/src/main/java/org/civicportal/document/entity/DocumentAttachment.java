package org.civicportal.document.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A file attached to a staff document. It has no label of its own: it is read under its document's,
 * and its text, extracted when it was attached, is searched under that label too. The bytes are in
 * {@link DocumentAttachmentContent}.
 */
@Entity
@Table(name = "document_attachment")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = DocumentAttachment.OF_DOCUMENT,
    query = "SELECT a FROM DocumentAttachment a WHERE a.documentId = :document ORDER BY a.id")
public class DocumentAttachment {
  public static final String OF_DOCUMENT = "DocumentAttachment.ofDocument";

  /** The most text kept from one file, in characters. */
  public static final int MAX_TEXT = 1_000_000;

  @Id
  @SequenceGenerator(
      name = "document_attachment_seq",
      sequenceName = "document_attachment_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_attachment_seq")
  private Long id;

  @Column(name = "document_id", nullable = false)
  private long documentId;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "extracted_text", nullable = false)
  private String text;

  @Column(name = "added_by", nullable = false, length = 80)
  private String addedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DocumentAttachment() {}

  public DocumentAttachment(
      long documentId,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String text,
      String addedBy,
      Instant createdAt) {
    this.documentId = documentId;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.text = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    this.addedBy = addedBy;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public long documentId() {
    return documentId;
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

  public String text() {
    return text;
  }

  public String addedBy() {
    return addedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
