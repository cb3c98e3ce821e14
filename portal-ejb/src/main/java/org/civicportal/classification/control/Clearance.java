package org.civicportal.classification.control;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * What one person is cleared for under a scheme: a highest level, the compartments they are read
 * into and their nationality, which must be a nation the scheme knows. Enforces "no read up": a
 * clearance reads, and labels, only what it dominates.
 */
public final class Clearance {
  private final ClassificationScheme scheme;
  private final int level;
  private final SortedSet<String> compartments;
  private final String nationality;

  private Clearance(
      ClassificationScheme scheme, int level, Set<String> compartments, String nationality) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.level = scheme.checkRank(level);
    this.compartments = scheme.canonicalCompartments(compartments);
    this.nationality = scheme.canonicalNation(nationality);
  }

  public static Clearance of(
      ClassificationScheme scheme, int level, Set<String> compartments, String nationality) {
    return new Clearance(scheme, level, compartments, nationality);
  }

  public ClassificationScheme scheme() {
    return scheme;
  }

  public int level() {
    return level;
  }

  public SortedSet<String> compartments() {
    return compartments;
  }

  public String nationality() {
    return nationality;
  }

  /**
   * Level at least the label's, read into all its compartments, and a nationality the label is
   * releasable to ({@link Label#releasableTo}): the owning nation for NOFORN, a listed one for REL
   * TO, and without a caveat any known nation at the lowest level but above it the owning nation
   * only, unless the scheme releases unmarked records.
   */
  public boolean mayRead(Label label) {
    if (!scheme.equals(label.scheme())) {
      throw new IllegalArgumentException(
          "a clearance under " + scheme + " cannot read a label of " + label.scheme());
    }
    return level >= label.level()
        && compartments.containsAll(label.compartments())
        && label.isReleasableTo(nationality);
  }

  /** Nobody labels above their own clearance. */
  public boolean mayLabel(Label label) {
    return mayRead(label);
  }

  /** The highest label this clearance may read: it dominates every label the clearance reads. */
  public Label ceiling() {
    Releasability releasability =
        nationality.equals(scheme.nation())
            ? Releasability.noforn()
            : Releasability.relTo(Set.of(scheme.nation(), nationality));
    return Label.of(scheme, level, compartments, releasability);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clearance other
        && level == other.level
        && compartments.equals(other.compartments)
        && nationality.equals(other.nationality)
        && scheme.equals(other.scheme);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, level, compartments, nationality);
  }

  @Override
  public String toString() {
    return "clearance " + Marking.format(ceiling()) + " for a national of " + nationality;
  }
}
