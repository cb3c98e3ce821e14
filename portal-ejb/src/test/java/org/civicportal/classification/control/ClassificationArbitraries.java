package org.civicportal.classification.control;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Generators for the property tests: the two example schemes or a random one, and labels and
 * clearances under a scheme. Related labels are built from below or above by an independent model
 * of the order, so that implications are exercised on every try rather than by chance.
 */
final class ClassificationArbitraries {
  private ClassificationArbitraries() {}

  static Arbitrary<ClassificationScheme> schemes() {
    return Arbitraries.oneOf(Arbitraries.of(Schemes.UK_STYLE, Schemes.US_STYLE), randomSchemes());
  }

  static Arbitrary<ClassificationScheme> randomSchemes() {
    Arbitrary<String> words =
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(5);
    Arbitrary<String> levelNames =
        Combinators.combine(words, Arbitraries.of("", " ", "-"), words)
            .as(
                (first, separator, second) ->
                    separator.isEmpty() ? first : first + separator + second);
    Arbitrary<List<String>> levels = levelNames.list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    Arbitrary<Set<String>> compartments = words.filter(w -> !w.equals("NOFORN")).set().ofMaxSize(4);
    return Combinators.combine(words, levels, compartments, words.set().ofMaxSize(4))
        .as(ClassificationScheme::of);
  }

  static Arbitrary<Label> labels(ClassificationScheme scheme) {
    return Combinators.combine(
            Arbitraries.integers().between(0, scheme.levels().size() - 1),
            subsets(scheme.compartments()),
            releasabilities(scheme))
        .as(
            (level, compartments, releasability) ->
                Label.of(scheme, level, compartments, releasability));
  }

  /** Labels that {@code upper} dominates: lower level, fewer compartments, a looser caveat. */
  static Arbitrary<Label> dominatedBy(Label upper) {
    ClassificationScheme scheme = upper.scheme();
    return Combinators.combine(
            Arbitraries.integers().between(0, upper.level()),
            subsets(upper.compartments()),
            looserThan(upper.releasability(), scheme))
        .as(
            (level, compartments, releasability) ->
                Label.of(scheme, level, compartments, releasability));
  }

  static Arbitrary<Clearance> clearances(ClassificationScheme scheme) {
    return Combinators.combine(
            Arbitraries.integers().between(0, scheme.levels().size() - 1),
            subsets(scheme.compartments()),
            Arbitraries.of(scheme.nations()))
        .as((level, compartments, nation) -> Clearance.of(scheme, level, compartments, nation));
  }

  static Arbitrary<Tuple2<Label, Label>> pairs() {
    return schemes().flatMap(s -> Combinators.combine(labels(s), labels(s)).as(Tuple::of));
  }

  static Arbitrary<Tuple3<Label, Label, Label>> triples() {
    return schemes()
        .flatMap(s -> Combinators.combine(labels(s), labels(s), labels(s)).as(Tuple::of));
  }

  /** (a, b, c) with a dominating b and b dominating c. */
  static Arbitrary<Tuple3<Label, Label, Label>> chains() {
    return schemes()
        .flatMap(ClassificationArbitraries::labels)
        .flatMap(a -> dominatedBy(a).flatMap(b -> dominatedBy(b).map(c -> Tuple.of(a, b, c))));
  }

  /** (u, a, b) with u dominating both a and b. */
  static Arbitrary<Tuple3<Label, Label, Label>> boundedPairs() {
    return schemes()
        .flatMap(ClassificationArbitraries::labels)
        .flatMap(
            u ->
                Combinators.combine(dominatedBy(u), dominatedBy(u))
                    .as((a, b) -> Tuple.of(u, a, b)));
  }

  private static Arbitrary<Releasability> releasabilities(ClassificationScheme scheme) {
    Set<String> others = new TreeSet<>(scheme.nations());
    others.remove(scheme.nation());
    return Arbitraries.oneOf(
        Arbitraries.just(Releasability.unrestricted()),
        Arbitraries.just(Releasability.noforn()),
        subsets(others).map(extra -> relTo(Set.of(scheme.nation()), extra)));
  }

  private static Arbitrary<Releasability> looserThan(
      Releasability releasability, ClassificationScheme scheme) {
    switch (releasability.kind()) {
      case NOFORN:
        return releasabilities(scheme);
      case REL_TO:
        Set<String> unlisted = new TreeSet<>(scheme.nations());
        unlisted.removeAll(releasability.nations());
        return Arbitraries.oneOf(
            Arbitraries.just(Releasability.unrestricted()),
            subsets(unlisted).map(extra -> relTo(releasability.nations(), extra)));
      default:
        return Arbitraries.just(Releasability.unrestricted());
    }
  }

  private static Releasability relTo(Set<String> nations, Set<String> extra) {
    Set<String> all = new TreeSet<>(nations);
    all.addAll(extra);
    return Releasability.relTo(all);
  }

  private static Arbitrary<Set<String>> subsets(Set<String> set) {
    return set.isEmpty() ? Arbitraries.just(Set.of()) : Arbitraries.subsetOf(set);
  }
}
