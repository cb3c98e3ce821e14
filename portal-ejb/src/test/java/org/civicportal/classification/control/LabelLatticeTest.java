package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.junit.jupiter.api.Test;

/** Dominance is a partial order and join its least upper bound, on any scheme. */
class LabelLatticeTest {
  private static final int TRIES = 1000;

  static Generator<Label> labels() {
    return ClassificationGenerators.schemes().flatMap(ClassificationGenerators::labels);
  }

  @Test
  void dominanceIsReflexive() {
    Property.check(
        TRIES,
        labels(),
        a -> {
          boolean dominates = a.dominates(a);

          assertThat(dominates).isTrue();
        });
  }

  @Test
  void labelsThatDominateEachOtherAreEqual() {
    Property.check(
        TRIES,
        ClassificationGenerators.pairs(),
        pair -> {
          Label a = pair.a();
          Label b = pair.b();

          boolean mutual = a.dominates(b) && b.dominates(a);

          assertThat(mutual).isEqualTo(a.equals(b));
        });
  }

  @Test
  void aDominatedLabelDominatesBackOnlyWhenEqual() {
    Property.check(
        TRIES,
        ClassificationGenerators.chains(),
        chain -> {
          Label a = chain.a();
          Label b = chain.b();

          boolean backwards = b.dominates(a);

          assertThat(a.dominates(b)).isTrue();
          assertThat(backwards).isEqualTo(a.equals(b));
        });
  }

  @Test
  void dominanceIsTransitive() {
    Property.check(
        TRIES,
        ClassificationGenerators.chains(),
        chain -> {
          Label a = chain.a();
          Label b = chain.b();
          Label c = chain.c();

          boolean dominates = a.dominates(c);

          assertThat(a.dominates(b) && b.dominates(c)).isTrue();
          assertThat(dominates).isTrue();
        });
  }

  @Test
  void joinIsCommutative() {
    Property.check(
        TRIES,
        ClassificationGenerators.pairs(),
        pair -> {
          Label a = pair.a();
          Label b = pair.b();

          Label ab = a.join(b);

          assertThat(ab).isEqualTo(b.join(a));
        });
  }

  @Test
  void joinIsAssociative() {
    Property.check(
        TRIES,
        ClassificationGenerators.triples(),
        triple -> {
          Label a = triple.a();
          Label b = triple.b();
          Label c = triple.c();

          Label left = a.join(b).join(c);

          assertThat(left).isEqualTo(a.join(b.join(c)));
        });
  }

  @Test
  void joinIsIdempotent() {
    Property.check(
        TRIES,
        labels(),
        a -> {
          Label aa = a.join(a);

          assertThat(aa).isEqualTo(a);
        });
  }

  @Test
  void joinIsAnUpperBoundOfBoth() {
    Property.check(
        TRIES,
        ClassificationGenerators.pairs(),
        pair -> {
          Label a = pair.a();
          Label b = pair.b();

          Label join = a.join(b);

          assertThat(join.dominates(a)).isTrue();
          assertThat(join.dominates(b)).isTrue();
        });
  }

  @Test
  void anyUpperBoundDominatesTheJoin() {
    Property.check(
        TRIES,
        ClassificationGenerators.boundedPairs(),
        bound -> {
          Label upper = bound.a();
          Label a = bound.b();
          Label b = bound.c();

          Label join = a.join(b);

          assertThat(upper.dominates(a) && upper.dominates(b)).isTrue();
          assertThat(upper.dominates(join)).isTrue();
        });
  }

  @Test
  void aRandomLabelDominatesTheJoinExactlyWhenItDominatesBoth() {
    Property.check(
        TRIES,
        ClassificationGenerators.triples(),
        triple -> {
          Label u = triple.a();
          Label a = triple.b();
          Label b = triple.c();

          boolean dominatesJoin = u.dominates(a.join(b));

          assertThat(dominatesJoin).isEqualTo(u.dominates(a) && u.dominates(b));
        });
  }

  @Test
  void aLabelDominatesAnotherExactlyWhenJoiningItChangesNothing() {
    Property.check(
        TRIES,
        ClassificationGenerators.pairs(),
        pair -> {
          Label a = pair.a();
          Label b = pair.b();

          boolean absorbs = a.join(b).equals(a);

          assertThat(absorbs).isEqualTo(a.dominates(b));
        });
  }

  @Test
  void theLowestLabelIsDominatedByEveryLabel() {
    Property.check(
        TRIES,
        labels(),
        a -> {
          Label lowest = a.scheme().lowest();

          boolean dominates = a.dominates(lowest);

          assertThat(dominates).isTrue();
        });
  }
}
