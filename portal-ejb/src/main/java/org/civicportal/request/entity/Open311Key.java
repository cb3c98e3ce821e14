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
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A key a tenant admin issued to an Open311 client; only the key's SHA-256 is kept. */
@Entity
@Table(name = "open311_key")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = Open311Key.BY_HASH,
    query = "SELECT k FROM Open311Key k WHERE k.keyHash = :hash AND k.revokedAt IS NULL")
@NamedQuery(name = Open311Key.ALL, query = "SELECT k FROM Open311Key k ORDER BY k.id")
public class Open311Key {
  public static final String BY_HASH = "Open311Key.byHash";
  public static final String ALL = "Open311Key.all";

  @Id
  @SequenceGenerator(
      name = "open311_key_seq",
      sequenceName = "open311_key_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "open311_key_seq")
  private Long id;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(name = "created_by", nullable = false, length = 80)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Open311Key() {}

  public Open311Key(String keyHash, String name, String createdBy, Instant createdAt) {
    this.keyHash = keyHash;
    this.name = name;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public void revoke(Instant now) {
    this.revokedAt = now;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }
}
