package org.civicportal.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.util.Locale;
import java.util.Objects;

/** One government using the portal: its name and the language it falls back to. */
@Entity
@NamedQuery(name = Tenant.BY_CODE, query = "SELECT t FROM Tenant t WHERE t.code = :code")
@NamedQuery(name = Tenant.COUNT, query = "SELECT COUNT(t) FROM Tenant t")
public class Tenant {
  public static final String BY_CODE = "Tenant.byCode";
  public static final String COUNT = "Tenant.count";

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

  protected Tenant() {}

  public Tenant(String code, String name, Locale defaultLocale) {
    this.code = requireCode(code);
    this.name = Objects.requireNonNull(name, "name");
    this.defaultLocale = Objects.requireNonNull(defaultLocale, "defaultLocale").toLanguageTag();
  }

  static String requireCode(String code) {
    if (code == null || !code.matches("[a-z][a-z0-9-]{1,39}")) {
      throw new IllegalArgumentException(
          "tenant code must be 2-40 lower-case letters, digits or '-': " + code);
    }
    return code;
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

  public Locale defaultLocale() {
    return Locale.forLanguageTag(defaultLocale);
  }
}
