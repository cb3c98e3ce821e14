package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

/** Dominance is a partial order and join its least upper bound, on any scheme. */
class LabelLatticeTest {

  @Provide
  Arbitrary<Label> labels() {
    return ClassificationArbitraries.schemes().flatMap(ClassificationArbitraries::labels);
  }

  @Provide
  Arbitrary<Tuple2<Label, Label>> pairs() {
    return ClassificationArbitraries.pairs();
  }

  @Provide
  Arbitrary<Tuple3<Label, Label, Label>> triples() {
    return ClassificationArbitraries.triples();
  }

  @Provide
  Arbitrary<Tuple3<Label, Label, Label>> chains() {
    return ClassificationArbitraries.chains();
  }

  @Provide
  Arbitrary<Tuple3<Label, Label, Label>> boundedPairs() {
    return ClassificationArbitraries.boundedPairs();
  }

  @Property
  void dominanceIsReflexive(@ForAll("labels") Label a) {
    boolean dominates = a.dominates(a);

    assertThat(dominates).isTrue();
  }

  @Property
  void labelsThatDominateEachOtherAreEqual(@ForAll("pairs") Tuple2<Label, Label> pair) {
    Label a = pair.get1();
    Label b = pair.get2();

    boolean mutual = a.dominates(b) && b.dominates(a);

    assertThat(mutual).isEqualTo(a.equals(b));
  }

  @Property
  void aDominatedLabelDominatesBackOnlyWhenEqual(
      @ForAll("chains") Tuple3<Label, Label, Label> chain) {
    Label a = chain.get1();
    Label b = chain.get2();

    boolean backwards = b.dominates(a);

    assertThat(a.dominates(b)).isTrue();
    assertThat(backwards).isEqualTo(a.equals(b));
  }

  @Property
  void dominanceIsTransitive(@ForAll("chains") Tuple3<Label, Label, Label> chain) {
    Label a = chain.get1();
    Label b = chain.get2();
    Label c = chain.get3();

    boolean dominates = a.dominates(c);

    assertThat(a.dominates(b) && b.dominates(c)).isTrue();
    assertThat(dominates).isTrue();
  }

  @Property
  void joinIsCommutative(@ForAll("pairs") Tuple2<Label, Label> pair) {
    Label a = pair.get1();
    Label b = pair.get2();

    Label ab = a.join(b);

    assertThat(ab).isEqualTo(b.join(a));
  }

  @Property
  void joinIsAssociative(@ForAll("triples") Tuple3<Label, Label, Label> triple) {
    Label a = triple.get1();
    Label b = triple.get2();
    Label c = triple.get3();

    Label left = a.join(b).join(c);

    assertThat(left).isEqualTo(a.join(b.join(c)));
  }

  @Property
  void joinIsIdempotent(@ForAll("labels") Label a) {
    Label aa = a.join(a);

    assertThat(aa).isEqualTo(a);
  }

  @Property
  void joinIsAnUpperBoundOfBoth(@ForAll("pairs") Tuple2<Label, Label> pair) {
    Label a = pair.get1();
    Label b = pair.get2();

    Label join = a.join(b);

    assertThat(join.dominates(a)).isTrue();
    assertThat(join.dominates(b)).isTrue();
  }

  @Property
  void anyUpperBoundDominatesTheJoin(@ForAll("boundedPairs") Tuple3<Label, Label, Label> bound) {
    Label upper = bound.get1();
    Label a = bound.get2();
    Label b = bound.get3();

    Label join = a.join(b);

    assertThat(upper.dominates(a) && upper.dominates(b)).isTrue();
    assertThat(upper.dominates(join)).isTrue();
  }

  @Property
  void aRandomLabelDominatesTheJoinExactlyWhenItDominatesBoth(
      @ForAll("triples") Tuple3<Label, Label, Label> triple) {
    Label u = triple.get1();
    Label a = triple.get2();
    Label b = triple.get3();

    boolean dominatesJoin = u.dominates(a.join(b));

    assertThat(dominatesJoin).isEqualTo(u.dominates(a) && u.dominates(b));
  }

  @Property
  void aLabelDominatesAnotherExactlyWhenJoiningItChangesNothing(
      @ForAll("pairs") Tuple2<Label, Label> pair) {
    Label a = pair.get1();
    Label b = pair.get2();

    boolean absorbs = a.join(b).equals(a);

    assertThat(absorbs).isEqualTo(a.dominates(b));
  }

  @Property
  void theLowestLabelIsDominatedByEveryLabel(@ForAll("labels") Label a) {
    Label lowest = a.scheme().lowest();

    boolean dominates = a.dominates(lowest);

    assertThat(dominates).isTrue();
  }
}
