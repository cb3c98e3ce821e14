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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.form.control.Answers;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A request a citizen, a guest or an Open311 client made of a service: its answers, where it
 * stands, who handles it and by when. It carries a label like every record (the tenant's lowest
 * level unless staff raise it); who may see it is decided by the clearance policy, never here.
 */
@Entity
@Table(name = "service_request")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = ServiceRequest.BY_REFERENCE,
    query = "SELECT r FROM ServiceRequest r WHERE r.reference = :reference")
@NamedQuery(
    name = ServiceRequest.BY_TOKEN,
    query = "SELECT r FROM ServiceRequest r WHERE r.token = :token")
@NamedQuery(
    name = ServiceRequest.BY_IDEMPOTENCY_KEY,
    query = "SELECT r FROM ServiceRequest r WHERE r.idempotencyKey = :key")
@NamedQuery(
    name = ServiceRequest.OF_CITIZEN,
    query =
        "SELECT r FROM ServiceRequest r WHERE r.citizen = :citizen"
            + " ORDER BY r.submittedAt DESC, r.id DESC")
@NamedQuery(
    name = ServiceRequest.OF_AGENCIES,
    query =
        "SELECT r FROM ServiceRequest r WHERE r.agency IN :agencies AND r.levelRank <= :maxLevel"
            + " ORDER BY r.submittedAt DESC, r.id DESC")
@NamedQuery(
    name = ServiceRequest.ASSIGNED_TO,
    query = "SELECT r FROM ServiceRequest r WHERE r.assignee = :assignee ORDER BY r.id")
@NamedQuery(
    name = ServiceRequest.OF_KEY,
    query =
        "SELECT r FROM ServiceRequest r WHERE r.open311KeyId = :key"
            + " ORDER BY r.submittedAt DESC, r.id DESC")
public class ServiceRequest {
  public static final String BY_REFERENCE = "ServiceRequest.byReference";
  public static final String BY_TOKEN = "ServiceRequest.byToken";
  public static final String BY_IDEMPOTENCY_KEY = "ServiceRequest.byIdempotencyKey";
  public static final String OF_CITIZEN = "ServiceRequest.ofCitizen";

  /** Requests of these agencies at or below a level; the policy then checks each one. */
  public static final String OF_AGENCIES = "ServiceRequest.ofAgencies";

  public static final String OF_KEY = "ServiceRequest.ofKey";

  /** Requests assigned to a case worker, whatever their label; callers check each one. */
  public static final String ASSIGNED_TO = "ServiceRequest.assignedTo";

  @Id
  @SequenceGenerator(
      name = "service_request_seq",
      sequenceName = "service_request_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_request_seq")
  private Long id;

  @Column(nullable = false, length = 40)
  private String reference;

  @Column(name = "service_id", nullable = false)
  private long serviceId;

  @Column(name = "service_code", nullable = false, length = 80)
  private String serviceCode;

  @Column(name = "service_revision", nullable = false)
  private int serviceRevision;

  @Column(nullable = false, length = 40)
  private String agency;

  @Column(length = 60)
  private String team;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private RequestChannel channel;

  @Column(length = 80)
  private String citizen;

  @Column(length = 254)
  private String email;

  @Column(nullable = false, length = 10)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private RequestState state;

  @Column(length = 80)
  private String assignee;

  @Column(nullable = false)
  private String answers;

  @Column(length = 4000)
  private String description;

  @Column(length = 400)
  private String address;

  private Double latitude;
  private Double longitude;

  @Column(nullable = false, length = 400)
  private String marking;

  @Column(name = "level_rank", nullable = false)
  private int levelRank;

  @Column(name = "idempotency_key", length = 100)
  private String idempotencyKey;

  @Column(name = "open311_key_id")
  private Long open311KeyId;

  @Column(nullable = false, length = 60)
  private String token;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version private long version;

  protected ServiceRequest() {}

  /** A new request in state submitted; the boundary fills in who made it and how. */
  public ServiceRequest(
      String reference,
      long serviceId,
      String serviceCode,
      int serviceRevision,
      String agency,
      RequestChannel channel,
      String language,
      Answers answers,
      Label label,
      String token,
      Instant now,
      Optional<Instant> dueAt) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.serviceId = serviceId;
    this.serviceCode = Objects.requireNonNull(serviceCode, "serviceCode");
    this.serviceRevision = serviceRevision;
    this.agency = Objects.requireNonNull(agency, "agency");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.language = Objects.requireNonNull(language, "language");
    this.answers = answers.toJson();
    this.marking = Marking.format(label);
    this.levelRank = label.level();
    this.token = Objects.requireNonNull(token, "token");
    this.state = RequestState.SUBMITTED;
    this.submittedAt = now;
    this.updatedAt = now;
    this.dueAt = dueAt.orElse(null);
  }

  /** Who made it: a signed-in citizen, or a guest known by e-mail. */
  public void madeBy(Optional<String> citizen, Optional<String> email) {
    this.citizen = citizen.orElse(null);
    this.email = email.orElse(null);
  }

  /** The summary fields Open311 and the queue show, taken from the answers. */
  public void describe(String description, String address, Double latitude, Double longitude) {
    this.description = clip(description, 4000);
    this.address = clip(address, 400);
    this.latitude = latitude;
    this.longitude = longitude;
  }

  private static String clip(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }

  public void retryableAs(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public void cameThrough(long open311KeyId) {
    this.open311KeyId = open311KeyId;
  }

  /**
   * Moves the request on as staff.
   *
   * @throws IllegalStateException if the step is not allowed from where it stands
   */
  public void moveTo(RequestState to, Instant now) {
    if (!state.mayMoveTo(to)) {
      throw new IllegalStateException(
          "A request that is " + state.external() + " cannot become " + to.external());
    }
    state = to;
    touched(now);
  }

  /**
   * The citizen withdraws it.
   *
   * @throws IllegalStateException once someone is assigned or it is past triage
   */
  public void withdraw(Instant now) {
    if (!state.withdrawable() || assignee != null) {
      throw new IllegalStateException(
          "A request can be withdrawn only before it is assigned to someone");
    }
    state = RequestState.WITHDRAWN;
    touched(now);
  }

  private void touched(Instant now) {
    updatedAt = now;
    closedAt = state.finished() ? now : null;
  }

  public void assignTo(String assignee, Instant now) {
    this.assignee = assignee;
    this.updatedAt = now;
  }

  public void route(String team) {
    this.team = team;
  }

  /** Raises the label (never lowers it; declassification is not done on requests). */
  public void raiseTo(Label label, ClassificationScheme scheme) {
    if (!label.dominates(label(scheme))) {
      throw new IllegalArgumentException(
          "The label of a request cannot be lowered from " + marking);
    }
    this.marking = Marking.format(label);
    this.levelRank = label.level();
  }

  public Label label(ClassificationScheme scheme) {
    return Marking.parse(scheme, marking);
  }

  /** Whether the SLA due date passed while the request is still open. */
  public boolean overdue(Instant now) {
    return dueAt != null && !state.finished() && now.isAfter(dueAt);
  }

  /** Whether it was finished by its due date (an SLA kept); empty while it is open. */
  public Optional<Boolean> keptSla() {
    if (!state.finished() || dueAt == null || closedAt == null) {
      return Optional.empty();
    }
    return Optional.of(!closedAt.isAfter(dueAt));
  }

  public long version() {
    return version;
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public long serviceId() {
    return serviceId;
  }

  public String serviceCode() {
    return serviceCode;
  }

  public int serviceRevision() {
    return serviceRevision;
  }

  public String agency() {
    return agency;
  }

  public Optional<String> team() {
    return Optional.ofNullable(team);
  }

  public RequestChannel channel() {
    return channel;
  }

  public Optional<String> citizen() {
    return Optional.ofNullable(citizen);
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public String language() {
    return language;
  }

  public RequestState state() {
    return state;
  }

  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  public Answers answers() {
    return Answers.parse(answers);
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  public Optional<Double> latitude() {
    return Optional.ofNullable(latitude);
  }

  public Optional<Double> longitude() {
    return Optional.ofNullable(longitude);
  }

  public String marking() {
    return marking;
  }

  public int levelRank() {
    return levelRank;
  }

  public Optional<Long> open311KeyId() {
    return Optional.ofNullable(open311KeyId);
  }

  public String token() {
    return token;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }
}
