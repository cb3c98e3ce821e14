package org.civicportal.search;

import java.util.Objects;
import java.util.Set;

/**
 * Whose eyes a search is for: the query-side half of the classification policy. A document is
 * searched only if it belongs to {@code tenant}, and either the audience is staff and may read its
 * label (its level is at most {@code maxLevel}, every one of its compartments is in {@code
 * compartments}, and it is releasable to {@code nationality}; a reader of unknown nationality sees
 * only documents without releasability restriction), or the document is published ({@link
 * Visibility#published}). The public's audience sees published documents only. Everything else is
 * invisible to the search: it counts in no total, facet, suggestion or correction and shows in no
 * snippet.
 *
 * @param tenant code of the reader's tenant
 * @param maxLevel highest level rank the reader is cleared for
 * @param compartments compartments the reader holds
 * @param nationality the reader's nationality, or null when unknown (citizens, visitors)
 * @param staff whether the reader is on the tenant's staff (reads by label); false for the public
 * @param releasedAs releasability values that admit the reader besides their nationality: names the
 *     classification policy gives to a kind of release (such as "unmarked records of this tenant,
 *     released to every nation"), so that a tenant changing that rule changes who finds them
 *     without indexing anything again
 */
public record Audience(
    String tenant,
    int maxLevel,
    Set<String> compartments,
    String nationality,
    boolean staff,
    Set<String> releasedAs) {

  /** Validates and copies the fields. */
  public Audience {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("Audience.tenant must not be blank");
    }
    if (maxLevel < 0) {
      throw new IllegalArgumentException("Audience.maxLevel must not be negative: " + maxLevel);
    }
    compartments = Set.copyOf(Objects.requireNonNull(compartments, "compartments"));
    releasedAs = Set.copyOf(Objects.requireNonNull(releasedAs, "releasedAs"));
    if (!staff
        && (maxLevel != 0
            || !compartments.isEmpty()
            || nationality != null
            || !releasedAs.isEmpty())) {
      throw new IllegalArgumentException("the public holds no clearance: use Audience.publicOf");
    }
  }

  /** A member of staff cleared to this level, these compartments and nationality. */
  public Audience(String tenant, int maxLevel, Set<String> compartments, String nationality) {
    this(tenant, maxLevel, compartments, nationality, true, Set.of());
  }

  /**
   * A member of the public (a visitor or a citizen): sees the tenant's published documents only.
   */
  public static Audience publicOf(String tenant) {
    return new Audience(tenant, 0, Set.of(), null, false, Set.of());
  }

  /** The same reader, also admitted by these releasability values. */
  public Audience releasedAs(Set<String> values) {
    return new Audience(tenant, maxLevel, compartments, nationality, staff, values);
  }
}
