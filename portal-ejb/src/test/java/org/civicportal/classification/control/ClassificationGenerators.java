package org.civicportal.classification.control;

import static org.civicportal.search.property.Generator.chars;
import static org.civicportal.search.property.Generator.constant;
import static org.civicportal.search.property.Generator.ints;
import static org.civicportal.search.property.Generator.of;
import static org.civicportal.search.property.Generator.oneOf;
import static org.civicportal.search.property.Generator.strings;
import static org.civicportal.search.property.Generator.subsets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.search.property.Generator;

/**
 * Generators for the property tests: the two example schemes or a random one, and labels and
 * clearances under a scheme. Related labels are built from below or above by an independent model
 * of the order, so that implications are exercised on every try rather than by chance.
 */
final class ClassificationGenerators {
  private ClassificationGenerators() {}

  /** Two labels of one scheme. */
  record Pair(Label a, Label b) {}

  /** Three labels of one scheme. */
  record Triple(Label a, Label b, Label c) {}

  /**
   * The example schemes or random ones, each either keeping unmarked records above the lowest level
   * to its own nationals (the default) or releasing them to every nation.
   */
  static Generator<ClassificationScheme> schemes() {
    return Generator.zip(
        oneOf(of(Schemes.UK_STYLE, Schemes.US_STYLE), randomSchemes()),
        of(false, true),
        ClassificationScheme::releasingUnmarked);
  }

  static Generator<ClassificationScheme> randomSchemes() {
    Generator<String> words = strings(chars('A', 'Z'), 1, 5);
    Generator<String> levelNames =
        Generator.zip(
            words,
            of("", " ", "-"),
            words,
            (first, separator, second) -> separator.isEmpty() ? first : first + separator + second);
    Generator<List<String>> levels = levelNames.distinctList(1, 6);
    Generator<Set<String>> compartments = words.filter(w -> !w.equals("NOFORN")).set(4);
    Generator<Set<String>> nations = words.set(4);
    return random ->
        ClassificationScheme.of(
            words.next(random),
            levels.next(random),
            compartments.next(random),
            nations.next(random));
  }

  static Generator<Label> labels(ClassificationScheme scheme) {
    Generator<Integer> levels = ints(0, scheme.levels().size() - 1);
    Generator<Set<String>> compartments = subsets(scheme.compartments());
    Generator<Releasability> releasabilities = releasabilities(scheme);
    return random ->
        Label.of(
            scheme, levels.next(random), compartments.next(random), releasabilities.next(random));
  }

  /** Labels that {@code upper} dominates: lower level, fewer compartments, a looser caveat. */
  static Generator<Label> dominatedBy(Label upper) {
    ClassificationScheme scheme = upper.scheme();
    Generator<Integer> levels = ints(0, upper.level());
    Generator<Set<String>> compartments = subsets(upper.compartments());
    return random -> {
      int level = levels.next(random);
      Releasability releasability = looserThan(upper.releasability(), level, scheme).next(random);
      return Label.of(scheme, level, compartments.next(random), releasability);
    };
  }

  static Generator<Clearance> clearances(ClassificationScheme scheme) {
    Generator<Integer> levels = ints(0, scheme.levels().size() - 1);
    Generator<Set<String>> compartments = subsets(scheme.compartments());
    Generator<String> nations = of(scheme.nations());
    return random ->
        Clearance.of(scheme, levels.next(random), compartments.next(random), nations.next(random));
  }

  static Generator<Pair> pairs() {
    return schemes().flatMap(s -> Generator.zip(labels(s), labels(s), Pair::new));
  }

  static Generator<Triple> triples() {
    return schemes().flatMap(s -> Generator.zip(labels(s), labels(s), labels(s), Triple::new));
  }

  /** (a, b, c) with a dominating b and b dominating c. */
  static Generator<Triple> chains() {
    return schemes()
        .flatMap(ClassificationGenerators::labels)
        .flatMap(a -> dominatedBy(a).flatMap(b -> dominatedBy(b).map(c -> new Triple(a, b, c))));
  }

  /** (u, a, b) with u dominating both a and b. */
  static Generator<Triple> boundedPairs() {
    return schemes()
        .flatMap(ClassificationGenerators::labels)
        .flatMap(u -> Generator.zip(dominatedBy(u), dominatedBy(u), (a, b) -> new Triple(u, a, b)));
  }

  private static Generator<Releasability> releasabilities(ClassificationScheme scheme) {
    Set<String> others = new TreeSet<>(scheme.nations());
    others.remove(scheme.nation());
    return oneOf(
        constant(Releasability.unrestricted()),
        constant(Releasability.noforn()),
        subsets(others).map(extra -> relTo(Set.of(scheme.nation()), extra)));
  }

  /**
   * Caveats at least as loose as {@code releasability} for a label at {@code level}: the model of
   * the order. NOFORN is above every caveat; a REL TO list is above longer lists and above no
   * caveat at the lowest level; above it, no caveat means the owning nation only (unless the scheme
   * releases unmarked records), which only a list naming the owner alone is above.
   */
  private static Generator<Releasability> looserThan(
      Releasability releasability, int level, ClassificationScheme scheme) {
    switch (releasability.kind()) {
      case NOFORN:
        return releasabilities(scheme);
      case REL_TO:
        Set<String> unlisted = new TreeSet<>(scheme.nations());
        unlisted.removeAll(releasability.nations());
        Generator<Releasability> longer =
            subsets(unlisted).map(extra -> relTo(releasability.nations(), extra));
        boolean unmarked =
            level == 0
                || scheme.releasesUnmarked()
                || releasability.nations().equals(Set.of(scheme.nation()));
        return unmarked ? oneOf(constant(Releasability.unrestricted()), longer) : longer;
      default:
        return constant(Releasability.unrestricted());
    }
  }

  private static Releasability relTo(Set<String> nations, Set<String> extra) {
    Set<String> all = new TreeSet<>(nations);
    all.addAll(extra);
    return Releasability.relTo(all);
  }
}
