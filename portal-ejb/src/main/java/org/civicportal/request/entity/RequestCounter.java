package org.civicportal.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The last reference number given in a tenant in a year. Not tenant-bound through EclipseLink (its
 * tenant is part of its key); submitters read it with a write lock so they take turns.
 */
@Entity
@Table(name = "request_counter")
@IdClass(RequestCounter.Key.class)
public class RequestCounter {
  @Id
  @Column(length = 40)
  private String tenant;

  @Id
  @Column(name = "year_value")
  private int year;

  @Column(name = "last_value", nullable = false)
  private long last;

  protected RequestCounter() {}

  public RequestCounter(String tenant, int year) {
    this.tenant = tenant;
    this.year = year;
  }

  /** The next number, counted as given. */
  public long next() {
    return ++last;
  }

  /** The composite key. */
  public record Key(String tenant, int year) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }
}
