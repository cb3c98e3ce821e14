package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every label survives formatting and parsing, whatever the case and spacing of the input. */
class MarkingRoundTripTest {

  @Provide
  Arbitrary<Label> labels() {
    return ClassificationArbitraries.schemes().flatMap(ClassificationArbitraries::labels);
  }

  @Property
  void parsingTheFormatGivesTheLabelBack(@ForAll("labels") Label label) {
    String marking = Marking.format(label);

    Label parsed = Marking.parse(label.scheme(), marking);

    assertThat(parsed).isEqualTo(label);
  }

  @Property
  void parsingIgnoresCaseAndSpacingAroundParts(@ForAll("labels") Label label) {
    String sloppy =
        "  "
            + Marking.format(label)
                .toLowerCase(Locale.ROOT)
                .replace("//", " // ")
                .replace(", ", " ,")
            + "\t";

    Label parsed = Marking.parse(label.scheme(), sloppy);

    assertThat(parsed).isEqualTo(label);
  }

  @Property
  void formattingIsCanonical(@ForAll("labels") Label label) {
    String marking = Marking.format(label);

    String again = Marking.format(Marking.parse(label.scheme(), marking));

    assertThat(again).isEqualTo(marking).isEqualTo(label.toString());
  }
}
