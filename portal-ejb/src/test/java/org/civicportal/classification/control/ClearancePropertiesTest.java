package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.junit.jupiter.api.Test;

/** "No read up" holds for every clearance and every label of its scheme. */
class ClearancePropertiesTest {
  private static final int TRIES = 1000;

  /** A clearance and a label of its scheme. */
  record Reading(Clearance clearance, Label label) {}

  /** A clearance and two labels a, b of its scheme. */
  record Labels(Clearance clearance, Label a, Label b) {}

  static Generator<Clearance> clearances() {
    return ClassificationGenerators.schemes().flatMap(ClassificationGenerators::clearances);
  }

  /** A clearance with a label of its scheme: half the time one it may read by construction. */
  static Generator<Reading> readings() {
    return clearances().flatMap(c -> labelsNear(c).map(a -> new Reading(c, a)));
  }

  /** A clearance and two labels a, b of its scheme with a dominating b. */
  static Generator<Labels> chains() {
    return clearances()
        .flatMap(
            c ->
                labelsNear(c)
                    .flatMap(
                        a ->
                            ClassificationGenerators.dominatedBy(a).map(b -> new Labels(c, a, b))));
  }

  static Generator<Labels> joins() {
    return clearances()
        .flatMap(c -> Generator.zip(labelsNear(c), labelsNear(c), (a, b) -> new Labels(c, a, b)));
  }

  private static Generator<Label> labelsNear(Clearance clearance) {
    return Generator.oneOf(
        ClassificationGenerators.labels(clearance.scheme()),
        ClassificationGenerators.dominatedBy(clearance.ceiling()));
  }

  @Test
  void mayReadIsMonotone() {
    Property.check(
        TRIES,
        chains(),
        chain -> {
          Clearance clearance = chain.clearance();
          Label a = chain.a();
          Label b = chain.b();

          boolean readsBoth = !clearance.mayRead(a) || clearance.mayRead(b);

          assertThat(a.dominates(b)).isTrue();
          assertThat(readsBoth).as("reads %s but not %s", a, b).isTrue();
        });
  }

  @Test
  void neverReadsAboveItsCeiling() {
    Property.check(
        TRIES,
        readings(),
        reading -> {
          Clearance clearance = reading.clearance();
          Label label = reading.label();

          boolean mayRead = clearance.mayRead(label);

          assertThat(mayRead).isEqualTo(clearance.ceiling().dominates(label));
        });
  }

  @Test
  void theCeilingIsReadable() {
    Property.check(
        TRIES,
        clearances(),
        clearance -> {
          Label ceiling = clearance.ceiling();

          boolean mayRead = clearance.mayRead(ceiling);

          assertThat(mayRead).isTrue();
        });
  }

  @Test
  void readsAJoinExactlyWhenItReadsBothParts() {
    Property.check(
        TRIES,
        joins(),
        sample -> {
          Clearance clearance = sample.clearance();
          Label a = sample.a();
          Label b = sample.b();

          boolean readsJoin = clearance.mayRead(a.join(b));

          assertThat(readsJoin).isEqualTo(clearance.mayRead(a) && clearance.mayRead(b));
        });
  }

  @Test
  void labelsOnlyWhatItMayRead() {
    Property.check(
        TRIES,
        readings(),
        reading -> {
          Clearance clearance = reading.clearance();
          Label label = reading.label();

          boolean mayLabel = clearance.mayLabel(label);

          assertThat(mayLabel).isEqualTo(clearance.mayRead(label));
        });
  }
}
