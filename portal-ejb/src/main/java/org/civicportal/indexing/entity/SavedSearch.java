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
import org.civicportal.tenant.control.TenantBinding;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A search an employee keeps: a name and the search's parameters (as a URL query string). Running
 * it searches again, through the policy, with the reader's clearance of the day.
 */
@Entity
@Table(name = "saved_search")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant", contextProperty = TenantBinding.PROPERTY, length = 40)
@NamedQuery(
    name = SavedSearch.OF_OWNER,
    query = "SELECT s FROM SavedSearch s WHERE s.owner = :owner ORDER BY s.name")
public class SavedSearch {
  public static final String OF_OWNER = "SavedSearch.ofOwner";

  @Id
  @SequenceGenerator(
      name = "saved_search_seq",
      sequenceName = "saved_search_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_search_seq")
  private Long id;

  @Column(nullable = false, length = 80)
  private String owner;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(nullable = false, length = 2000)
  private String query;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SavedSearch() {}

  public SavedSearch(String owner, String name, String query, Instant createdAt) {
    this.owner = owner;
    this.name = name;
    this.query = query;
    this.createdAt = createdAt;
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

  public String query() {
    return query;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
