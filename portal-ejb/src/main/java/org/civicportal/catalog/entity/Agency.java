package org.civicportal.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A government body that publishes services, with its name in each language it uses. */
@Entity
@NamedQuery(name = Agency.BY_CODE, query = "SELECT a FROM Agency a WHERE a.code = :code")
@NamedQuery(name = Agency.ALL, query = "SELECT a FROM Agency a ORDER BY a.code")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
public class Agency {
  public static final String BY_CODE = "Agency.byCode";
  public static final String ALL = "Agency.all";

  @Id
  @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
  private Long id;

  @Column(nullable = false, length = 40)
  private String code;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agency_name", joinColumns = @JoinColumn(name = "agency_id"))
  @MapKeyColumn(name = "language", length = 10)
  @Column(name = "name", nullable = false, length = 200)
  private Map<String, String> names = new HashMap<>();

  protected Agency() {}

  public Agency(String code) {
    if (code == null || !code.matches("[a-z][a-z0-9-]{1,39}")) {
      throw new IllegalArgumentException(
          "agency code must be 2-40 lower-case letters, digits or '-': " + code);
    }
    this.code = code;
  }

  public Agency name(String language, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("agency name must not be blank");
    }
    names.put(Objects.requireNonNull(language, "language"), name.strip());
    return this;
  }

  /** The name in the given language, else in English, else any name it has, else its code. */
  public String nameIn(String language) {
    return LocalisedNames.in(names, language, code);
  }

  /** The names by language. */
  public Map<String, String> names() {
    return java.util.Collections.unmodifiableMap(names);
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }
}
