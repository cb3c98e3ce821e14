package org.civicportal.classification.control;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A classification label under one scheme: a level, a set of compartments and a releasability
 * caveat. Labels form a lattice: {@link #dominates} is the partial order and {@link #join} the
 * least upper bound. A REL TO caveat always names the scheme's owning nation.
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

  /** Level at least as high, every compartment of {@code other}, a caveat at least as strict. */
  public boolean dominates(Label other) {
    requireSameScheme(other);
    return level >= other.level
        && compartments.containsAll(other.compartments)
        && releasability.isAtLeastAsRestrictiveAs(other.releasability);
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
    return new Label(
        scheme,
        Math.max(level, other.level),
        union,
        releasability.mostRestrictive(other.releasability));
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
