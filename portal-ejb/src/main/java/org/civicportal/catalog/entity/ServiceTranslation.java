package org.civicportal.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.civicportal.persistence.control.RequiredText;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A service's text in one language, reachable at its own slug. */
@Entity
@Table(name = "service_translation")
@NamedQuery(
    name = ServiceTranslation.PUBLISHED_IN,
    query =
        "SELECT t FROM ServiceTranslation t JOIN t.service s"
            + " WHERE t.language = :language AND s.state = org.civicportal.catalog.entity.ServiceState.PUBLISHED"
            + " ORDER BY t.title")
@NamedQuery(
    name = ServiceTranslation.PUBLISHED_BY_SLUG,
    query =
        "SELECT t FROM ServiceTranslation t JOIN t.service s"
            + " WHERE t.slug = :slug AND s.state = org.civicportal.catalog.entity.ServiceState.PUBLISHED")
@NamedQuery(
    name = ServiceTranslation.PUBLISHED_ALL,
    query =
        "SELECT t FROM ServiceTranslation t JOIN t.service s"
            + " WHERE s.state = org.civicportal.catalog.entity.ServiceState.PUBLISHED")
@NamedQuery(
    name = ServiceTranslation.PUBLISHED_BY_IDS,
    query =
        "SELECT t FROM ServiceTranslation t JOIN t.service s"
            + " WHERE s.id IN :ids AND t.language = :language"
            + " AND s.state = org.civicportal.catalog.entity.ServiceState.PUBLISHED")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class ServiceTranslation {
  public static final String PUBLISHED_BY_IDS = "ServiceTranslation.publishedByIds";
  public static final String PUBLISHED_ALL = "ServiceTranslation.publishedAll";
  public static final String PUBLISHED_IN = "ServiceTranslation.publishedIn";
  public static final String PUBLISHED_BY_SLUG = "ServiceTranslation.publishedBySlug";

  public static final int MAX_SLUG = 120;
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 1000;
  public static final int MAX_BODY = 100_000;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  @Id
  @SequenceGenerator(
      name = "service_translation_seq",
      sequenceName = "service_translation_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_translation_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "service_id")
  private PublicService service;

  @Column(nullable = false, length = 10)
  private String language;

  @Column(nullable = false, unique = true, length = MAX_SLUG)
  private String slug;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(nullable = false, length = MAX_SUMMARY)
  private String summary;

  @Column(nullable = false, length = MAX_BODY)
  private String body;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ServiceTranslation() {}

  ServiceTranslation(
      PublicService service,
      String language,
      String slug,
      String title,
      String summary,
      String body,
      Instant now) {
    this.service = Objects.requireNonNull(service, "service");
    if (language == null || !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException(
          "language must be a two-letter ISO 639-1 code: " + language);
    }
    this.language = language;
    revise(slug, title, summary, body, now);
  }

  void revise(String slug, String title, String summary, String body, Instant now) {
    this.slug = requireSlug(slug);
    this.title = RequiredText.of("title", title, MAX_TITLE);
    this.summary = RequiredText.of("summary", summary, MAX_SUMMARY);
    this.body = RequiredText.of("body", body, MAX_BODY);
    this.updatedAt = Objects.requireNonNull(now, "now");
  }

  /** True when the text is a well-formed slug: lower-case ASCII words joined by single hyphens. */
  public static boolean isSlug(String text) {
    return text != null && text.length() <= MAX_SLUG && SLUG.matcher(text).matches();
  }

  private static String requireSlug(String slug) {
    if (!isSlug(slug)) {
      throw new IllegalArgumentException(
          "slug must be lower-case letters and digits joined by single hyphens, at most "
              + MAX_SLUG
              + " characters: "
              + slug);
    }
    return slug;
  }

  public Long id() {
    return id;
  }

  public PublicService service() {
    return service;
  }

  public String language() {
    return language;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public String body() {
    return body;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
