package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.junit.jupiter.api.Test;

/** Every label survives formatting and parsing, whatever the case and spacing of the input. */
class MarkingRoundTripTest {
  private static final int TRIES = 1000;

  static Generator<Label> labels() {
    return ClassificationGenerators.schemes().flatMap(ClassificationGenerators::labels);
  }

  @Test
  void parsingTheFormatGivesTheLabelBack() {
    Property.check(
        TRIES,
        labels(),
        label -> {
          String marking = Marking.format(label);

          Label parsed = Marking.parse(label.scheme(), marking);

          assertThat(parsed).isEqualTo(label);
        });
  }

  @Test
  void parsingIgnoresCaseAndSpacingAroundParts() {
    Property.check(
        TRIES,
        labels(),
        label -> {
          String sloppy =
              "  "
                  + Marking.format(label)
                      .toLowerCase(Locale.ROOT)
                      .replace("//", " // ")
                      .replace(", ", " ,")
                  + "\t";

          Label parsed = Marking.parse(label.scheme(), sloppy);

          assertThat(parsed).isEqualTo(label);
        });
  }

  @Test
  void formattingIsCanonical() {
    Property.check(
        TRIES,
        labels(),
        label -> {
          String marking = Marking.format(label);

          String again = Marking.format(Marking.parse(label.scheme(), marking));

          assertThat(again).isEqualTo(marking).isEqualTo(label.toString());
        });
  }
}
