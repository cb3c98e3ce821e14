package org.civicportal.classification.control;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A classification label under one scheme: a level, a set of compartments and a releasability
 * caveat. Labels form a lattice: {@link #dominates} is the partial order and {@link #join} the
 * least upper bound. A REL TO caveat always names the scheme's owning nation. Release to another
 * nation above the lowest level is explicit unless the scheme says otherwise ({@link
 * #releasableTo}).
 */
public final class Label {
  private final ClassificationScheme scheme;
  private final int level;
  private final SortedSet<String> compartments;
  private final Releasability releasability;

  private Label(
      ClassificationScheme scheme,
      int level,
      Set<String> compartments,
      Releasability releasability) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.level = scheme.checkRank(level);
    this.compartments = scheme.canonicalCompartments(compartments);
    this.releasability = canonical(scheme, Objects.requireNonNull(releasability, "releasability"));
  }

  /** Names are matched case-insensitively and stored in the scheme's spelling. */
  public static Label of(
      ClassificationScheme scheme,
      int level,
      Set<String> compartments,
      Releasability releasability) {
    return new Label(scheme, level, compartments, releasability);
  }

  private static Releasability canonical(ClassificationScheme scheme, Releasability releasability) {
    if (releasability.kind() != Releasability.Kind.REL_TO) {
      return releasability;
    }
    Set<String> nations = new TreeSet<>();
    for (String nation : releasability.nations()) {
      nations.add(scheme.canonicalNation(nation));
    }
    if (!nations.contains(scheme.nation())) {
      throw new IllegalArgumentException(
          "REL TO " + nations + " must include the owning nation '" + scheme.nation() + "'");
    }
    return Releasability.relTo(nations);
  }

  public ClassificationScheme scheme() {
    return scheme;
  }

  /** The level's rank in the scheme, 0 being the lowest. */
  public int level() {
    return level;
  }

  public String levelName() {
    return scheme.levelName(level);
  }

  public SortedSet<String> compartments() {
    return compartments;
  }

  public Releasability releasability() {
    return releasability;
  }

  /**
   * The nations that may receive this record, empty for every nation the scheme knows: its {@code
   * REL TO} list; the owning nation for {@code NOFORN}; and for a record without a caveat, every
   * nation at the lowest level, but above it the owning nation only, unless the scheme releases
   * unmarked records (release to another nation must be explicit).
   */
  public SortedSet<String> releasableTo() {
    return switch (releasability.kind()) {
      case REL_TO -> releasability.nations();
      case NOFORN -> new TreeSet<>(Set.of(scheme.nation()));
      case UNRESTRICTED ->
          level == 0 || scheme.releasesUnmarked()
              ? new TreeSet<>()
              : new TreeSet<>(Set.of(scheme.nation()));
    };
  }

  /** Whether a national of {@code nationality} (a nation the scheme knows) may receive it. */
  boolean isReleasableTo(String nationality) {
    SortedSet<String> nations = releasableTo();
    return nations.isEmpty()
        ? scheme.findNation(nationality).map(nationality::equals).orElse(false)
        : nations.contains(nationality);
  }

  /**
   * Level at least as high, every compartment of {@code other}, a caveat at least as strict. An
   * unmarked label above the lowest level of a scheme that does not release unmarked records goes
   * to the owning nation only: its caveat sits above "unrestricted" and below {@code REL TO} the
   * owning nation alone (and so below {@code NOFORN}), and beside longer {@code REL TO} lists.
   */
  public boolean dominates(Label other) {
    requireSameScheme(other);
    return level >= other.level
        && compartments.containsAll(other.compartments)
        && caveatDominates(other);
  }

  /** Whether this is unmarked, above the lowest level, in a scheme that keeps such to its own. */
  private boolean ownNationalsOnly() {
    return releasability.kind() == Releasability.Kind.UNRESTRICTED
        && level > 0
        && !scheme.releasesUnmarked();
  }

  private boolean caveatDominates(Label other) {
    if (other.ownNationalsOnly()) {
      return ownNationalsOnly()
          || releasability.kind() == Releasability.Kind.NOFORN
          || releasability.equals(Releasability.relTo(Set.of(scheme.nation())));
    }
    if (ownNationalsOnly()) {
      return other.releasability.kind() == Releasability.Kind.UNRESTRICTED;
    }
    return releasability.isAtLeastAsRestrictiveAs(other.releasability);
  }

  /** The caveat of the join of two labels (see {@link #dominates} for the order). */
  private Releasability joinedCaveat(Label other) {
    boolean mine = ownNationalsOnly();
    boolean theirs = other.ownNationalsOnly();
    if (mine && theirs
        || mine && other.releasability.kind() == Releasability.Kind.UNRESTRICTED
        || theirs && releasability.kind() == Releasability.Kind.UNRESTRICTED) {
      // unmarked above the lowest level again: to own nationals only
      return Releasability.unrestricted();
    }
    Releasability ownOnly = Releasability.relTo(Set.of(scheme.nation()));
    if (mine) {
      return ownOnly.mostRestrictive(other.releasability);
    }
    if (theirs) {
      return ownOnly.mostRestrictive(releasability);
    }
    return releasability.mostRestrictive(other.releasability);
  }

  /** Dominates {@code other} and differs from it. */
  public boolean isAbove(Label other) {
    return dominates(other) && !equals(other);
  }

  /** The least upper bound: the lowest label that dominates both. */
  public Label join(Label other) {
    requireSameScheme(other);
    Set<String> union = new TreeSet<>(compartments);
    union.addAll(other.compartments);
    return new Label(scheme, Math.max(level, other.level), union, joinedCaveat(other));
  }

  private void requireSameScheme(Label other) {
    if (!scheme.equals(other.scheme)) {
      throw new IllegalArgumentException(
          "labels of " + scheme + " and " + other.scheme + " cannot be compared");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Label other
        && level == other.level
        && compartments.equals(other.compartments)
        && releasability.equals(other.releasability)
        && scheme.equals(other.scheme);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, level, compartments, releasability);
  }

  /** The canonical banner marking. */
  @Override
  public String toString() {
    return Marking.format(this);
  }
}
