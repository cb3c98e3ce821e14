package org.civicportal.search;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see an indexed document, in the terms the index filters on: its tenant, whether it is
 * published to the public, its classification level as a rank (0 is the tenant's lowest level), its
 * compartments, and the nationalities it is releasable to (empty means releasable to every
 * nationality). The classification policy in {@code portal-ejb} computes it from the record's
 * label; the index only compares.
 *
 * <p>A document is for staff only unless it is made with {@link #publicIn}: the public's audience
 * ({@link Audience#publicOf}) sees published documents and nothing else, whatever their label, so a
 * staff record at the tenant's lowest level never counts, completes or corrects a public search.
 *
 * @param tenant code of the tenant that owns the document
 * @param level rank of the document's level, 0 or more
 * @param compartments need-to-know compartments a reader must hold, all of them
 * @param releasableTo nationalities that may read it; empty for no restriction
 * @param published whether the public (visitors and citizens) may see it; only at level 0, without
 *     compartments or releasability restriction
 */
public record Visibility(
    String tenant,
    int level,
    Set<String> compartments,
    Set<String> releasableTo,
    boolean published) {

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
    if (published && (level != 0 || !compartments.isEmpty() || !releasableTo.isEmpty())) {
      throw new IllegalArgumentException(
          "a published document has the lowest level, no compartment and no releasability caveat");
    }
  }

  /** A staff record with this label: never seen by the public's audience. */
  public Visibility(String tenant, int level, Set<String> compartments, Set<String> releasableTo) {
    this(tenant, level, compartments, releasableTo, false);
  }

  /** Published content of a tenant, which everyone may see, signed in or not. */
  public static Visibility publicIn(String tenant) {
    return new Visibility(tenant, 0, Set.of(), Set.of(), true);
  }
}
