package org.civicportal.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** The bytes of a {@link RequestAttachment}, read only when someone downloads the file. */
@Entity
@Table(name = "request_attachment_content")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class AttachmentContent {
  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @Column(nullable = false)
  private byte[] content;

  protected AttachmentContent() {}

  public AttachmentContent(long attachmentId, byte[] content) {
    this.attachmentId = attachmentId;
    this.content = content.clone();
  }

  public byte[] content() {
    return content.clone();
  }
}
