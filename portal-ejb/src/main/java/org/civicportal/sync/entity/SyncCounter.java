package org.civicportal.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last change number given in a tenant. Writers read it with a write lock held to their commit,
 * so numbers are given in commit order and a device that read up to n never misses a change
 * numbered below n that commits later.
 */
@Entity
@Table(name = "sync_counter")
public class SyncCounter {
  @Id
  @Column(length = 40)
  private String tenant;

  @Column(name = "last_value", nullable = false)
  private long last;

  protected SyncCounter() {}

  public SyncCounter(String tenant) {
    this.tenant = tenant;
  }

  public long next() {
    return ++last;
  }
}
