package org.civicportal.catalog.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A service an agency offers to the public (a passport, a parking permit...). Editors work on
 * numbered {@link ServiceRevision revisions}; the translations are the texts of the revision
 * published now, which is what citizens read and the index holds. Only a published service is
 * visible to citizens.
 */
@Entity
@Table(name = "public_service")
@NamedQuery(
    name = PublicService.BY_EXTERNAL_ID,
    query = "SELECT s FROM PublicService s WHERE s.externalId = :externalId")
@NamedQuery(
    name = PublicService.DUE_FOR_TAKEDOWN,
    query =
        "SELECT s FROM PublicService s WHERE s.state = org.civicportal.catalog.entity.ServiceState.PUBLISHED"
            + " AND s.unpublishAt <= :now")
@NamedQuery(
    name = PublicService.OF_AGENCIES,
    query = "SELECT s FROM PublicService s WHERE s.agency.code IN :agencies ORDER BY s.id DESC")
@NamedQuery(
    name = PublicService.BY_CODE,
    query = "SELECT s FROM PublicService s WHERE s.agency = :agency AND s.code = :code")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class PublicService {
  public static final String BY_CODE = "PublicService.byCode";
  public static final String BY_EXTERNAL_ID = "PublicService.byExternalId";
  public static final String DUE_FOR_TAKEDOWN = "PublicService.dueForTakedown";
  public static final String OF_AGENCIES = "PublicService.ofAgencies";

  @Id
  @SequenceGenerator(
      name = "public_service_seq",
      sequenceName = "public_service_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "public_service_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "agency_id")
  private Agency agency;

  @Column(nullable = false, length = 80)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ServiceState state = ServiceState.DRAFT;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private long version;

  @Column(name = "external_id", length = 120)
  private String externalId;

  /**
   * The number of the revision citizens read. A number, not a reference, so that a service and its
   * revisions never refer to each other in the same insert.
   */
  @Column(name = "published_revision")
  private Integer publishedNumber;

  @Column(name = "unpublish_at")
  private Instant unpublishAt;

  @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<ServiceTranslation> translations = new ArrayList<>();

  @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
  @OrderBy("number")
  private List<ServiceRevision> revisions = new ArrayList<>();

  protected PublicService() {}

  /** A new service whose first revision is a draft written in {@code sourceLanguage}. */
  public PublicService(
      Agency agency, String code, String sourceLanguage, String editor, Instant now) {
    this.agency = Objects.requireNonNull(agency, "agency");
    if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,79}")) {
      throw new IllegalArgumentException(
          "service code must be 1-80 lower-case letters, digits or '-': " + code);
    }
    this.code = code;
    revisions.add(new ServiceRevision(this, 1, sourceLanguage, editor, now));
  }

  /** The newest revision: the one being worked on, or the last one published or archived. */
  public ServiceRevision latest() {
    return revisions.get(revisions.size() - 1);
  }

  /** The revision with this number, if there is one. */
  public Optional<ServiceRevision> revision(int number) {
    return revisions.stream().filter(r -> r.number() == number).findFirst();
  }

  public List<ServiceRevision> revisions() {
    return Collections.unmodifiableList(revisions);
  }

  /**
   * The draft an editor changes: the newest revision if it is a draft; otherwise, when the newest
   * was published, superseded or archived, a new draft copied from it. A revision in review or
   * scheduled must be sent back before anyone edits it.
   */
  public ServiceRevision draft(String editor, Instant now) {
    ServiceRevision latest = latest();
    switch (latest.state()) {
      case DRAFT:
        return latest;
      case IN_REVIEW:
      case SCHEDULED:
        throw new IllegalStateException(
            "revision "
                + latest.number()
                + " is "
                + latest.state().external()
                + "; a reviewer must send it back before it can be edited");
      default:
        ServiceRevision next = latest.nextDraft(latest.number() + 1, editor, now);
        revisions.add(next);
        return next;
    }
  }

  /**
   * Publishes a revision in review or scheduled: citizens read its texts from now on, the revision
   * published before it is superseded, and the published texts (the translations) follow it.
   */
  public void publish(ServiceRevision revision, String reviewer, Instant now) {
    if (revision.service() != this) {
      throw new IllegalArgumentException("revision of another service");
    }
    revision.markPublished(reviewer, now);
    ServiceRevision previous =
        publishedNumber == null ? null : revision(publishedNumber).orElse(null);
    if (previous != null && previous != revision && previous.state() == RevisionState.PUBLISHED) {
      previous.markSuperseded(now);
    }
    publishedNumber = revision.number();
    translations.removeIf(t -> revision.text(t.language()).isEmpty());
    revision
        .texts()
        .forEach(
            (language, text) ->
                translate(language, text.slug(), text.title(), text.summary(), text.body(), now));
    state = ServiceState.PUBLISHED;
    publishedAt = now;
  }

  /** Approves a revision in review for publication at a later time. */
  public void schedule(ServiceRevision revision, String reviewer, Instant at, Instant now) {
    if (!at.isAfter(now)) {
      throw new IllegalArgumentException("a scheduled time must be in the future");
    }
    revision.schedule(reviewer, at, now);
  }

  /** Takes the service down at a later time (or clears that with {@code null}). */
  public void unpublishAt(Instant at, Instant now) {
    if (at != null) {
      if (state != ServiceState.PUBLISHED) {
        throw new IllegalStateException("only a published service can be taken down");
      }
      if (!at.isAfter(now)) {
        throw new IllegalArgumentException("a scheduled time must be in the future");
      }
    }
    unpublishAt = at;
  }

  /** Takes the service down: citizens no longer see it; its history stays. */
  public void archive(Instant now) {
    if (state != ServiceState.PUBLISHED) {
      throw new IllegalStateException("only a published service can be archived");
    }
    state = ServiceState.ARCHIVED;
    if (publishedNumber != null) {
      revision(publishedNumber).ifPresent(r -> r.markArchived(now));
    }
    unpublishAt = null;
  }

  public boolean isPublished() {
    return state == ServiceState.PUBLISHED;
  }

  /** The revision citizens read, while the service is published. */
  public Optional<ServiceRevision> publishedRevision() {
    return isPublished() && publishedNumber != null ? revision(publishedNumber) : Optional.empty();
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  public void identifyAs(String externalId) {
    if (externalId != null && (externalId.isBlank() || externalId.length() > 120)) {
      throw new IllegalArgumentException("externalId must be 1-120 characters");
    }
    this.externalId = externalId;
  }

  public Optional<Instant> unpublishAt() {
    return Optional.ofNullable(unpublishAt);
  }

  /** Adds or replaces the published text in one language. */
  private void translate(
      String language, String slug, String title, String summary, String body, Instant now) {
    Optional<ServiceTranslation> existing = translation(language);
    if (existing.isPresent()) {
      existing.get().revise(slug, title, summary, body, now);
      return;
    }
    translations.add(new ServiceTranslation(this, language, slug, title, summary, body, now));
  }

  public Optional<ServiceTranslation> translation(String language) {
    return translations.stream().filter(t -> t.language().equals(language)).findFirst();
  }

  public List<ServiceTranslation> translations() {
    return Collections.unmodifiableList(translations);
  }

  public Long id() {
    return id;
  }

  public Agency agency() {
    return agency;
  }

  public String code() {
    return code;
  }

  public ServiceState state() {
    return state;
  }

  public Instant publishedAt() {
    return publishedAt;
  }
}
