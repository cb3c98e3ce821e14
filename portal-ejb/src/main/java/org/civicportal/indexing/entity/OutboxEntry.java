package org.civicportal.indexing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * "This entity changed; re-index it": written in the same transaction as the change, applied to the
 * search index after commit, then deleted. Applying an entry reads the entity's current state, so
 * entries are idempotent and their order does not matter.
 */
@Entity
@Table(name = "index_outbox")
@NamedQuery(name = OutboxEntry.OLDEST, query = "SELECT o FROM OutboxEntry o ORDER BY o.id")
@NamedQuery(name = OutboxEntry.DELETE_IDS, query = "DELETE FROM OutboxEntry o WHERE o.id IN :ids")
@NamedQuery(name = OutboxEntry.COUNT, query = "SELECT COUNT(o) FROM OutboxEntry o")
public class OutboxEntry {
  public static final String OLDEST = "OutboxEntry.oldest";
  public static final String DELETE_IDS = "OutboxEntry.deleteIds";
  public static final String COUNT = "OutboxEntry.count";

  @Id
  @SequenceGenerator(
      name = "index_outbox_seq",
      sequenceName = "index_outbox_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "index_outbox_seq")
  private Long id;

  @Column(nullable = false, length = 40)
  private String tenant;

  @Column(name = "entity_type", nullable = false, length = 40)
  private String entityType;

  @Column(name = "entity_id", nullable = false)
  private long entityId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutboxEntry() {}

  public OutboxEntry(String tenant, String entityType, long entityId, Instant createdAt) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.entityId = entityId;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public String entityType() {
    return entityType;
  }

  public long entityId() {
    return entityId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
