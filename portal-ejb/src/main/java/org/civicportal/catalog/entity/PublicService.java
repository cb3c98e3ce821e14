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
 * A service an agency offers to the public (a passport, a parking permit...), with one translation
 * per language. Only a published service is visible to citizens; publishing needs at least one
 * translation.
 */
@Entity
@Table(name = "public_service")
@NamedQuery(
    name = PublicService.BY_CODE,
    query = "SELECT s FROM PublicService s WHERE s.agency = :agency AND s.code = :code")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class PublicService {
  public static final String BY_CODE = "PublicService.byCode";

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

  @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<ServiceTranslation> translations = new ArrayList<>();

  protected PublicService() {}

  public PublicService(Agency agency, String code) {
    this.agency = Objects.requireNonNull(agency, "agency");
    if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,79}")) {
      throw new IllegalArgumentException(
          "service code must be 1-80 lower-case letters, digits or '-': " + code);
    }
    this.code = code;
  }

  /** Adds or replaces the text in one language. */
  public ServiceTranslation translate(
      String language, String slug, String title, String summary, String body, Instant now) {
    Optional<ServiceTranslation> existing = translation(language);
    if (existing.isPresent()) {
      existing.get().revise(slug, title, summary, body, now);
      return existing.get();
    }
    ServiceTranslation created =
        new ServiceTranslation(this, language, slug, title, summary, body, now);
    translations.add(created);
    return created;
  }

  public void publish(Instant now) {
    if (translations.isEmpty()) {
      throw new IllegalStateException(
          "a service needs at least one translation before it is published");
    }
    if (state == ServiceState.ARCHIVED) {
      throw new IllegalStateException("an archived service cannot be published");
    }
    state = ServiceState.PUBLISHED;
    publishedAt = now;
  }

  public void archive() {
    state = ServiceState.ARCHIVED;
  }

  public boolean isPublished() {
    return state == ServiceState.PUBLISHED;
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
