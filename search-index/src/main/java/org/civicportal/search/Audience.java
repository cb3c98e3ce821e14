package org.civicportal.search;

import java.util.Objects;
import java.util.Set;

/**
 * Whose eyes a search is for: the query-side half of the classification policy. A document is
 * searched only if it belongs to {@code tenant}, its level is at most {@code maxLevel}, every one
 * of its compartments is in {@code compartments}, and it is releasable to {@code nationality} (a
 * reader of unknown nationality sees only documents without releasability restriction). Everything
 * else is invisible to the search: it counts in no total and shows in no snippet.
 *
 * @param tenant code of the reader's tenant
 * @param maxLevel highest level rank the reader is cleared for
 * @param compartments compartments the reader holds
 * @param nationality the reader's nationality, or null when unknown (citizens, visitors)
 */
public record Audience(String tenant, int maxLevel, Set<String> compartments, String nationality) {

  /** Validates and copies the fields. */
  public Audience {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("Audience.tenant must not be blank");
    }
    if (maxLevel < 0) {
      throw new IllegalArgumentException("Audience.maxLevel must not be negative: " + maxLevel);
    }
    compartments = Set.copyOf(Objects.requireNonNull(compartments, "compartments"));
  }

  /** A member of the public: the tenant's lowest level, no compartment, nationality unknown. */
  public static Audience publicOf(String tenant) {
    return new Audience(tenant, 0, Set.of(), null);
  }
}
