package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

/** "No read up" holds for every clearance and every label of its scheme. */
class ClearancePropertiesTest {

  @Provide
  Arbitrary<Clearance> clearances() {
    return ClassificationArbitraries.schemes().flatMap(ClassificationArbitraries::clearances);
  }

  /** A clearance with a label of its scheme: half the time one it may read by construction. */
  @Provide
  Arbitrary<Tuple2<Clearance, Label>> readings() {
    return clearances().flatMap(c -> labelsNear(c).map(a -> Tuple.of(c, a)));
  }

  /** A clearance and two labels a, b of its scheme with a dominating b. */
  @Provide
  Arbitrary<Tuple3<Clearance, Label, Label>> chains() {
    return clearances()
        .flatMap(
            c ->
                labelsNear(c)
                    .flatMap(
                        a -> ClassificationArbitraries.dominatedBy(a).map(b -> Tuple.of(c, a, b))));
  }

  @Provide
  Arbitrary<Tuple3<Clearance, Label, Label>> joins() {
    return clearances()
        .flatMap(
            c -> Combinators.combine(labelsNear(c), labelsNear(c)).as((a, b) -> Tuple.of(c, a, b)));
  }

  private static Arbitrary<Label> labelsNear(Clearance clearance) {
    return Arbitraries.oneOf(
        ClassificationArbitraries.labels(clearance.scheme()),
        ClassificationArbitraries.dominatedBy(clearance.ceiling()));
  }

  @Property
  void mayReadIsMonotone(@ForAll("chains") Tuple3<Clearance, Label, Label> chain) {
    Clearance clearance = chain.get1();
    Label a = chain.get2();
    Label b = chain.get3();

    boolean readsBoth = !clearance.mayRead(a) || clearance.mayRead(b);

    assertThat(a.dominates(b)).isTrue();
    assertThat(readsBoth).as("reads %s but not %s", a, b).isTrue();
  }

  @Property
  void neverReadsAboveItsCeiling(@ForAll("readings") Tuple2<Clearance, Label> reading) {
    Clearance clearance = reading.get1();
    Label label = reading.get2();

    boolean mayRead = clearance.mayRead(label);

    assertThat(mayRead).isEqualTo(clearance.ceiling().dominates(label));
  }

  @Property
  void theCeilingIsReadable(@ForAll("clearances") Clearance clearance) {
    Label ceiling = clearance.ceiling();

    boolean mayRead = clearance.mayRead(ceiling);

    assertThat(mayRead).isTrue();
  }

  @Property
  void readsAJoinExactlyWhenItReadsBothParts(
      @ForAll("joins") Tuple3<Clearance, Label, Label> sample) {
    Clearance clearance = sample.get1();
    Label a = sample.get2();
    Label b = sample.get3();

    boolean readsJoin = clearance.mayRead(a.join(b));

    assertThat(readsJoin).isEqualTo(clearance.mayRead(a) && clearance.mayRead(b));
  }

  @Property
  void labelsOnlyWhatItMayRead(@ForAll("readings") Tuple2<Clearance, Label> reading) {
    Clearance clearance = reading.get1();
    Label label = reading.get2();

    boolean mayLabel = clearance.mayLabel(label);

    assertThat(mayLabel).isEqualTo(clearance.mayRead(label));
  }
}
