package org.civicportal.tenant.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.classification.control.ClassificationScheme;

/**
 * One government using the portal: its name, the language it falls back to, the host names it
 * answers on, and its classification scheme (ordered levels, compartments, its nation code for
 * releasability).
 */
@Entity
@NamedQuery(name = Tenant.BY_CODE, query = "SELECT t FROM Tenant t WHERE t.code = :code")
@NamedQuery(name = Tenant.COUNT, query = "SELECT COUNT(t) FROM Tenant t")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.id")
@NamedQuery(name = Tenant.BY_HOST, query = "SELECT t FROM Tenant t JOIN t.hosts h WHERE h = :host")
@NamedQuery(name = Tenant.DEFAULT, query = "SELECT t FROM Tenant t WHERE t.isDefault = TRUE")
public class Tenant {
  public static final String BY_CODE = "Tenant.byCode";
  public static final String COUNT = "Tenant.count";
  public static final String ALL = "Tenant.all";
  public static final String BY_HOST = "Tenant.byHost";
  public static final String DEFAULT = "Tenant.default";

  @Id
  @SequenceGenerator(name = "tenant_seq", sequenceName = "tenant_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "default_locale", nullable = false, length = 10)
  private String defaultLocale;

  @Column(nullable = false, length = 40)
  private String nation;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "tenant_host",
      joinColumns = @JoinColumn(name = "tenant", referencedColumnName = "code"))
  @Column(name = "host", nullable = false, length = 255)
  private Set<String> hosts = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "tenant_level",
      joinColumns = @JoinColumn(name = "tenant", referencedColumnName = "code"))
  @OrderColumn(name = "level_rank")
  @Column(name = "name", nullable = false, length = 60)
  private List<String> levels = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "tenant_compartment",
      joinColumns = @JoinColumn(name = "tenant", referencedColumnName = "code"))
  @Column(name = "name", nullable = false, length = 60)
  private Set<String> compartments = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "tenant_locale",
      joinColumns = @JoinColumn(name = "tenant", referencedColumnName = "code"))
  @OrderColumn(name = "position")
  @Column(name = "locale", nullable = false, length = 10)
  private List<String> locales = new ArrayList<>();

  @Column(name = "brand_colour", length = 7)
  private String brandColour;

  @Column(name = "logo", length = 400_000)
  private String logo;

  @Column(name = "branding_version", nullable = false)
  private long brandingVersion;

  @Column(name = "device_grace_seconds", nullable = false)
  private long deviceGraceSeconds = 72 * 3600;

  @Column(name = "releases_unmarked", nullable = false)
  private boolean releasesUnmarked;

  protected Tenant() {}

  public Tenant(
      String code,
      String name,
      Locale defaultLocale,
      String nation,
      List<String> levels,
      Set<String> compartments) {
    this.code = requireCode(code);
    this.name = Objects.requireNonNull(name, "name");
    this.defaultLocale = Objects.requireNonNull(defaultLocale, "defaultLocale").toLanguageTag();
    this.nation = Objects.requireNonNull(nation, "nation");
    // validates the scheme (non-empty, distinct levels, well-formed names) before anything is
    // stored
    ClassificationScheme.of(nation, levels, compartments, Set.of(nation));
    this.levels = new ArrayList<>(levels);
    this.compartments = new TreeSet<>(compartments);
    this.locales = new ArrayList<>(List.of(this.defaultLocale));
  }

  /** A tenant with one level only, for tests and first looks. */
  public Tenant(String code, String name, Locale defaultLocale) {
    this(code, name, defaultLocale, code.toUpperCase(Locale.ROOT), List.of("PUBLIC"), Set.of());
  }

  static String requireCode(String code) {
    if (code == null || !code.matches("[a-z][a-z0-9-]{1,39}")) {
      throw new IllegalArgumentException(
          "tenant code must be 2-40 lower-case letters, digits or '-': " + code);
    }
    return code;
  }

  /** Answers requests for this host name (lower case, without port). */
  public Tenant answerOn(String host) {
    hosts.add(host.toLowerCase(Locale.ROOT));
    return this;
  }

  /** Makes this the tenant for host names no tenant claims. */
  public Tenant makeDefault() {
    isDefault = true;
    return this;
  }

  /** The tenant's scheme; {@code nations} are all nation codes that releasability may name. */
  public ClassificationScheme scheme(Set<String> nations) {
    return ClassificationScheme.of(nation, levels, compartments, nations)
        .releasingUnmarked(releasesUnmarked);
  }

  /**
   * Whether records above the lowest level without a releasability caveat go to every nation (true)
   * or only to this tenant's own nationals (false, the default: release to another nation is
   * explicit, REL TO).
   */
  public void releaseUnmarked(boolean releases) {
    this.releasesUnmarked = releases;
  }

  /** How long a device may stay silent before an admin must approve it again. */
  public java.time.Duration deviceGracePeriod() {
    return java.time.Duration.ofSeconds(deviceGraceSeconds);
  }

  public void deviceGracePeriod(java.time.Duration grace) {
    this.deviceGraceSeconds = grace.toSeconds();
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String nation() {
    return nation;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public Set<String> hosts() {
    return Collections.unmodifiableSet(hosts);
  }

  /**
   * Sets the languages the tenant publishes in; the default locale comes first whether listed or
   * not.
   */
  public Tenant publishIn(List<String> languages) {
    List<String> list = new ArrayList<>();
    list.add(defaultLocale);
    for (String language : languages) {
      if (language == null || !language.matches("[a-z]{2}")) {
        throw new IllegalArgumentException(
            "a locale must be a two-letter language code: " + language);
      }
      if (!list.contains(language)) {
        list.add(language);
      }
    }
    locales = list;
    return this;
  }

  /** The languages the tenant publishes in, its default first. */
  public List<String> locales() {
    return locales.isEmpty() ? List.of(defaultLocale) : Collections.unmodifiableList(locales);
  }

  /**
   * Sets the branding: the primary colour as {@code #rrggbb} (already checked for contrast by the
   * caller) and the logo as a {@code data:} URL, either of them {@code null} for the default.
   */
  public void brand(String colour, String logo) {
    if (colour != null && !colour.matches("#[0-9a-f]{6}")) {
      throw new IllegalArgumentException("a colour must be written #rrggbb: " + colour);
    }
    if (logo != null && logo.length() > 400_000) {
      throw new IllegalArgumentException("the logo is too large");
    }
    this.brandColour = colour;
    this.logo = logo;
    brandingVersion++;
  }

  /** Renames the government as its pages show it. */
  public void rename(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new IllegalArgumentException("The name must be 1-200 characters.");
    }
    this.name = name.strip();
  }

  public Optional<String> brandColour() {
    return Optional.ofNullable(brandColour);
  }

  public Optional<String> logo() {
    return Optional.ofNullable(logo);
  }

  /** Changes with every branding change, for cache busting. */
  public long brandingVersion() {
    return brandingVersion;
  }

  public Locale defaultLocale() {
    return Locale.forLanguageTag(defaultLocale);
  }
}
