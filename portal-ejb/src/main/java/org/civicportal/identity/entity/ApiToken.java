package org.civicportal.identity.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A token a person made for their scripts: it acts as them, within its scope, until it expires or
 * is revoked. Only the token's SHA-256 is kept, and its first characters to tell tokens apart.
 */
@Entity
@Table(name = "api_token")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(
    name = ApiToken.OF_OWNER,
    query = "SELECT t FROM ApiToken t WHERE t.owner = :owner ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(
    name = ApiToken.ALL,
    query = "SELECT t FROM ApiToken t ORDER BY t.createdAt DESC, t.id DESC")
public class ApiToken {
  public static final String BY_HASH = "ApiToken.byHash";
  public static final String OF_OWNER = "ApiToken.ofOwner";
  public static final String ALL = "ApiToken.all";

  /** What a token may do: read only (GET, HEAD), or everything its owner may. */
  public enum Scope {
    READ,
    WRITE
  }

  /** How often the last use is written: often enough to tell, rarely enough to cost nothing. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String owner;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(nullable = false, length = 12)
  private String prefix;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Scope scope;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 80)
  private String revokedBy;

  protected ApiToken() {}

  public ApiToken(
      String owner,
      String name,
      String tokenHash,
      String prefix,
      Scope scope,
      Instant createdAt,
      Instant expiresAt) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.name = Objects.requireNonNull(name, "name");
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a token expires after it is made");
    }
  }

  /** Whether the token may be used now: neither revoked nor expired. */
  public boolean isLive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Notes a use; true when the stored time changed (at most once a minute). */
  public boolean used(Instant now) {
    if (lastUsedAt != null && now.isBefore(lastUsedAt.plus(USE_RESOLUTION))) {
      return false;
    }
    lastUsedAt = now;
    return true;
  }

  public void revoke(String by, Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedBy = by;
    }
  }

  public Long id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Scope scope() {
    return scope;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<String> revokedBy() {
    return Optional.ofNullable(revokedBy);
  }
}
