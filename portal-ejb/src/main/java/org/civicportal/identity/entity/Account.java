package org.civicportal.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Someone who signs in: a citizen, or an employee with roles and a clearance. Failed sign-ins are
 * throttled per client address ({@code SignInThrottle}), never by locking the account, so a
 * stranger cannot lock its owner out.
 */
@Entity
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(
    name = Account.EMPLOYEES,
    query =
        "SELECT a FROM Account a WHERE a.kind = org.civicportal.identity.entity.Account.Kind.EMPLOYEE"
            + " ORDER BY a.username")
@NamedQuery(
    name = Account.BY_TOKEN,
    query = "SELECT a FROM Account a WHERE a.tokenHash = :hash AND a.tokenPurpose = :purpose")
@NamedQuery(name = Account.BY_EMAIL, query = "SELECT a FROM Account a WHERE a.email = :email")
public class Account {
  public static final String BY_USERNAME = "Account.byUsername";
  public static final String COUNT = "Account.count";
  public static final String EMPLOYEES = "Account.employees";
  public static final String BY_TOKEN = "Account.byToken";
  public static final String BY_EMAIL = "Account.byEmail";

  /** Whether the account is a member of the public or on the government's staff. */
  public enum Kind {
    CITIZEN,
    EMPLOYEE
  }

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String username;

  @Column(length = 254)
  private String email;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(name = "clearance_level", nullable = false)
  private int clearanceLevel;

  @Column(length = 40)
  private String nationality;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 40)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_compartment", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "compartment", nullable = false, length = 60)
  private Set<String> compartments = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_agency", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "agency", nullable = false, length = 40)
  private Set<String> agencies = new TreeSet<>();

  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "token_purpose", length = 20)
  private String tokenPurpose;

  @Column(name = "token_expires")
  private Instant tokenExpires;

  @Version private long version;

  protected Account() {}

  private Account(String username, String email, String passwordHash, Kind kind) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,79}")) {
      throw new IllegalArgumentException(
          "username must be 2-80 lower-case letters, digits, '.', '_' or '-'");
    }
    this.username = username;
    this.email = email;
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.kind = kind;
  }

  public static Account citizen(String username, String email, String passwordHash) {
    Account account = new Account(username, email, passwordHash, Kind.CITIZEN);
    account.roles.add(Role.CITIZEN);
    return account;
  }

  /**
   * An employee cleared to {@code level} (a rank in the tenant's scheme) and these compartments.
   */
  public static Account employee(
      String username,
      String passwordHash,
      int level,
      Set<String> compartments,
      String nationality,
      Set<Role> roles) {
    Account account = new Account(username, null, passwordHash, Kind.EMPLOYEE);
    account.clearanceLevel = level;
    account.compartments.addAll(compartments);
    account.nationality = Objects.requireNonNull(nationality, "nationality");
    account.roles.add(Role.EMPLOYEE);
    account.roles.addAll(roles);
    return account;
  }

  /** Sets the clearance (a level rank and compartments of the tenant's scheme). */
  public void clear(int level, Set<String> compartments) {
    if (kind != Kind.EMPLOYEE) {
      throw new IllegalStateException("only employees hold a clearance");
    }
    this.clearanceLevel = level;
    this.compartments.clear();
    this.compartments.addAll(compartments);
  }

  /** Replaces the roles; an employee always keeps the employee role. */
  public void assign(Set<Role> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
    this.roles.add(kind == Kind.EMPLOYEE ? Role.EMPLOYEE : Role.CITIZEN);
  }

  public void verifyEmail() {
    emailVerified = true;
  }

  /**
   * Keeps the hash of a one-time token for {@code purpose} until {@code expires}; one token at a
   * time.
   */
  public void issueToken(String hash, String purpose, Instant expires) {
    this.tokenHash = Objects.requireNonNull(hash, "hash");
    this.tokenPurpose = Objects.requireNonNull(purpose, "purpose");
    this.tokenExpires = Objects.requireNonNull(expires, "expires");
  }

  /** Uses up the token: true if it was still valid at {@code now}. */
  public boolean redeemToken(Instant now) {
    boolean valid = tokenExpires != null && now.isBefore(tokenExpires);
    tokenHash = null;
    tokenPurpose = null;
    tokenExpires = null;
    return valid;
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public boolean emailVerified() {
    return emailVerified;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Kind kind() {
    return kind;
  }

  public Set<Role> roles() {
    return Collections.unmodifiableSet(roles);
  }

  /** The agencies (codes) the employee works for; editors and reviewers act on these only. */
  public SortedSet<String> agencies() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(agencies));
  }

  /** Replaces the agencies the employee works for. */
  public void assignAgencies(Set<String> agencies) {
    this.agencies.clear();
    this.agencies.addAll(agencies);
  }

  public int clearanceLevel() {
    return clearanceLevel;
  }

  public SortedSet<String> compartments() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(compartments));
  }

  public String nationality() {
    return nationality;
  }
}
