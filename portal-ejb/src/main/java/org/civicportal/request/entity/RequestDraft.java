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
import org.civicportal.form.control.Answers;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Answers typed so far, saved at every step. Found again by its secret token, so neither an expired
 * session nor a failed check loses what was typed; its idempotency key makes a double submit one
 * request.
 */
@Entity
@Table(name = "request_draft")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = RequestDraft.BY_TOKEN,
    query = "SELECT d FROM RequestDraft d WHERE d.token = :token")
@NamedQuery(
    name = RequestDraft.OF_OWNER,
    query =
        "SELECT d FROM RequestDraft d WHERE d.owner = :owner AND d.requestId IS NULL"
            + " ORDER BY d.updatedAt DESC")
public class RequestDraft {
  public static final String BY_TOKEN = "RequestDraft.byToken";
  public static final String OF_OWNER = "RequestDraft.ofOwner";

  @Id
  @SequenceGenerator(
      name = "request_draft_seq",
      sequenceName = "request_draft_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_draft_seq")
  private Long id;

  @Column(nullable = false, length = 60)
  private String token;

  @Column(name = "service_id", nullable = false)
  private long serviceId;

  @Column(length = 80)
  private String owner;

  @Column(length = 254)
  private String email;

  @Column(nullable = false, length = 10)
  private String language;

  @Column(nullable = false)
  private String answers;

  @Column(name = "idempotency_key", nullable = false, length = 100)
  private String idempotencyKey;

  @Column(name = "request_id")
  private Long requestId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RequestDraft() {}

  public RequestDraft(
      String token,
      long serviceId,
      String owner,
      String language,
      String idempotencyKey,
      Instant now) {
    this.token = token;
    this.serviceId = serviceId;
    this.owner = owner;
    this.language = language;
    this.answers = Answers.none().toJson();
    this.idempotencyKey = idempotencyKey;
    this.updatedAt = now;
  }

  public void save(Answers answers, Instant now) {
    this.answers = answers.toJson();
    this.updatedAt = now;
  }

  public void contactAt(String email) {
    this.email = email == null || email.isBlank() ? null : email.strip();
  }

  /** A guest who signs in later takes the draft over. */
  public void ownedBy(String owner) {
    this.owner = owner;
  }

  public void submittedAs(long requestId) {
    this.requestId = requestId;
  }

  public Long id() {
    return id;
  }

  public String token() {
    return token;
  }

  public long serviceId() {
    return serviceId;
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public String language() {
    return language;
  }

  public Answers answers() {
    return Answers.parse(answers);
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Optional<Long> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
