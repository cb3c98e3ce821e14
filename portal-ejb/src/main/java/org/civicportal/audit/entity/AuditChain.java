package org.civicportal.audit.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The head of one tenant's audit chain: the row appenders lock, so that they append one after the
 * other, and that remembers the newest entry's sequence and hash. New entries continue from the
 * head, never from whatever the newest remaining row is: deleting the newest entries leaves a gap
 * between the chain and its head, and their numbers are never given out again. It also remembers
 * the newest sequence a signed checkpoint outside the database was written for, so that a missing
 * anchor file can be told from a tenant that has none yet.
 */
@Entity
@Table(name = "audit_chain")
// Always read from the table: verification compares the head with the entries as stored.
@Cacheable(false)
@NamedQuery(name = AuditChain.ALL, query = "SELECT c FROM AuditChain c ORDER BY c.tenant")
@NamedQuery(
    name = AuditChain.ANCHORED,
    query =
        "UPDATE AuditChain c SET c.anchoredSequence = :sequence"
            + " WHERE c.tenant = :tenant AND c.anchoredSequence < :sequence")
public class AuditChain {
  public static final String ALL = "AuditChain.all";
  public static final String ANCHORED = "AuditChain.anchored";

  @Id
  @Column(length = 40)
  private String tenant;

  @Column(name = "last_sequence", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Column(name = "anchored_sequence", nullable = false)
  private long anchoredSequence;

  protected AuditChain() {}

  /** The head of a tenant's chain that has no entry yet. */
  public AuditChain(String tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.lastHash = AuditEntry.GENESIS_HASH;
  }

  /**
   * The tenant's next entry, following the one this head points to (see {@link AuditEntry#append});
   * the head then points to it. The caller persists the entry in the transaction that changed the
   * head.
   */
  public AuditEntry append(
      Instant at, String actor, AuditAction action, String subject, String detail) {
    AuditEntry entry =
        AuditEntry.following(tenant, lastSequence, lastHash, at, actor, action, subject, detail);
    lastSequence = entry.sequence();
    lastHash = entry.hash();
    return entry;
  }

  public String tenant() {
    return tenant;
  }

  /** The newest entry's sequence; 0 before the first entry. */
  public long lastSequence() {
    return lastSequence;
  }

  /** The newest entry's hash; {@link AuditEntry#GENESIS_HASH} before the first entry. */
  public String lastHash() {
    return lastHash;
  }

  /** The newest sequence a signed checkpoint was written for; 0 when none was. */
  public long anchoredSequence() {
    return anchoredSequence;
  }
}
