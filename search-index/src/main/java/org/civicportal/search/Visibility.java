package org.civicportal.search;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see an indexed document, in the terms the index filters on: its tenant, its
 * classification level as a rank (0 is the tenant's lowest level), its compartments, and the
 * nationalities it is releasable to (empty means releasable to every nationality). The
 * classification policy in {@code portal-ejb} computes it from the record's label; the index only
 * compares.
 *
 * @param tenant code of the tenant that owns the document
 * @param level rank of the document's level, 0 or more
 * @param compartments need-to-know compartments a reader must hold, all of them
 * @param releasableTo nationalities that may read it; empty for no restriction
 */
public record Visibility(
    String tenant, int level, Set<String> compartments, Set<String> releasableTo) {

  /** Validates and copies the fields. */
  public Visibility {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("Visibility.tenant must not be blank");
    }
    if (level < 0) {
      throw new IllegalArgumentException("Visibility.level must not be negative: " + level);
    }
    compartments = Set.copyOf(new TreeSet<>(Objects.requireNonNull(compartments, "compartments")));
    releasableTo = Set.copyOf(new TreeSet<>(Objects.requireNonNull(releasableTo, "releasableTo")));
  }

  /** Public content of a tenant: lowest level, no compartment, no releasability restriction. */
  public static Visibility publicIn(String tenant) {
    return new Visibility(tenant, 0, Set.of(), Set.of());
  }
}
