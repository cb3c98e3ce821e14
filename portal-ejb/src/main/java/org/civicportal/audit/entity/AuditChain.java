package org.civicportal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * The head of one tenant's audit chain: a row that appenders lock, so that they append one after
 * the other.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain {
  @Id
  @Column(length = 40)
  private String tenant;

  protected AuditChain() {}

  public AuditChain(String tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  public String tenant() {
    return tenant;
  }
}
