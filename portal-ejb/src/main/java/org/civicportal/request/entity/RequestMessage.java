package org.civicportal.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.persistence.control.RequiredText;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A message between the agency and the citizen, or an internal note of the agency. A note carries
 * its own label (possibly above the request's) and is never shown to the citizen or in Open311.
 */
@Entity
@Table(name = "request_message")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = RequestMessage.OF_REQUEST,
    query = "SELECT m FROM RequestMessage m WHERE m.requestId = :request ORDER BY m.at, m.id")
public class RequestMessage {
  public static final String OF_REQUEST = "RequestMessage.ofRequest";

  /** A message goes to or comes from the citizen; a note stays inside the agency. */
  public enum Kind {
    MESSAGE,
    NOTE
  }

  @Id
  @SequenceGenerator(
      name = "request_message_seq",
      sequenceName = "request_message_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_message_seq")
  private Long id;

  @Column(name = "request_id", nullable = false)
  private long requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Kind kind;

  @Column(nullable = false, length = 80)
  private String author;

  @Column(name = "from_staff", nullable = false)
  private boolean fromStaff;

  @Column(nullable = false, length = 8000)
  private String body;

  @Column(nullable = false, length = 400)
  private String marking;

  @Column(name = "level_rank", nullable = false)
  private int levelRank;

  @Column(name = "at_time", nullable = false)
  private Instant at;

  protected RequestMessage() {}

  public RequestMessage(
      long requestId,
      Kind kind,
      String author,
      boolean fromStaff,
      String body,
      Label label,
      Instant at) {
    this.requestId = requestId;
    this.kind = kind;
    this.author = author;
    this.fromStaff = fromStaff;
    this.body = RequiredText.of("body", body, 8000);
    this.marking = Marking.format(label);
    this.levelRank = label.level();
    this.at = at;
  }

  public Long id() {
    return id;
  }

  public long requestId() {
    return requestId;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isNote() {
    return kind == Kind.NOTE;
  }

  public String author() {
    return author;
  }

  public boolean fromStaff() {
    return fromStaff;
  }

  public String body() {
    return body;
  }

  public String marking() {
    return marking;
  }

  public Label label(ClassificationScheme scheme) {
    return Marking.parse(scheme, marking);
  }

  public Instant at() {
    return at;
  }
}
