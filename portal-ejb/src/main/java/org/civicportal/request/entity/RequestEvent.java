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
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One step in a request's history: a state change or an assignment, with its public note. */
@Entity
@Table(name = "request_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = RequestEvent.OF_REQUEST,
    query = "SELECT e FROM RequestEvent e WHERE e.requestId = :request ORDER BY e.at, e.id")
public class RequestEvent {
  public static final String OF_REQUEST = "RequestEvent.ofRequest";

  @Id
  @SequenceGenerator(
      name = "request_event_seq",
      sequenceName = "request_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_event_seq")
  private Long id;

  @Column(name = "request_id", nullable = false)
  private long requestId;

  @Column(name = "at_time", nullable = false)
  private Instant at;

  @Column(nullable = false, length = 80)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_state", length = 30)
  private RequestState from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_state", nullable = false, length = 30)
  private RequestState to;

  @Column(length = 80)
  private String assignee;

  @Column(name = "public_note", length = 4000)
  private String publicNote;

  protected RequestEvent() {}

  public RequestEvent(
      long requestId,
      Instant at,
      String actor,
      RequestState from,
      RequestState to,
      String assignee,
      String publicNote) {
    this.requestId = requestId;
    this.at = at;
    this.actor = actor;
    this.from = from;
    this.to = to;
    this.assignee = assignee;
    this.publicNote = publicNote == null || publicNote.isBlank() ? null : publicNote.strip();
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public Optional<RequestState> from() {
    return Optional.ofNullable(from);
  }

  public RequestState to() {
    return to;
  }

  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** Whether the state changed (and not only the assignee). */
  public boolean isStateChange() {
    return from != to;
  }

  public Optional<String> publicNote() {
    return Optional.ofNullable(publicNote);
  }
}
