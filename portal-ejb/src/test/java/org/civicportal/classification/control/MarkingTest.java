package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.classification.control.Schemes.UK_STYLE;
import static org.civicportal.classification.control.Schemes.US_STYLE;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OFFICIAL",
        "OFFICIAL-SENSITIVE",
        "TOP SECRET//ALPHA/BRAVO",
        "SECRET//REL TO DEMOLAND, SAMPLESTAN",
        "SECRET//ALPHA//NOFORN",
        "OFFICIAL-SENSITIVE//ALPHA//REL TO DEMOLAND",
        "TOP SECRET//ALPHA/BRAVO/CHARLIE//REL TO DEMOLAND, EXAMPLIA, SAMPLESTAN, TESTONIA"
      })
  void canonicalUkMarkingsRoundTrip(String marking) {
    Label label = Marking.parse(UK_STYLE, marking);

    String formatted = Marking.format(label);

    assertThat(formatted).isEqualTo(marking);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UNCLASSIFIED",
        "CUI//NOFORN",
        "CONFIDENTIAL//BRAVO",
        "TOP SECRET//ALPHA//REL TO SAMPLESTAN, DEMOLAND, EXAMPLIA"
      })
  void canonicalUsMarkingsRoundTrip(String marking) {
    Label label = Marking.parse(US_STYLE, marking);

    String formatted = Marking.format(label);

    assertThat(formatted).isEqualTo(marking);
  }

  @Test
  void partsOfAMarkingBecomeTheLabel() {
    Label label = Marking.parse(UK_STYLE, "TOP SECRET//BRAVO/ALPHA//NOFORN");

    assertThat(label.level()).isEqualTo(3);
    assertThat(label.compartments()).containsExactly("ALPHA", "BRAVO");
    assertThat(label.releasability()).isEqualTo(Releasability.noforn());
  }

  @Test
  void sloppyInputIsFormattedCanonically() {
    Label label =
        Marking.parse(UK_STYLE, "  secret // bravo/Alpha // rel to samplestan,DemoLand \n");

    String formatted = Marking.format(label);

    assertThat(formatted).isEqualTo("SECRET//ALPHA/BRAVO//REL TO DEMOLAND, SAMPLESTAN");
  }

  @Test
  void theOwningNationComesFirstInTheReleaseList() {
    Label label = Marking.parse(US_STYLE, "SECRET//REL TO DEMOLAND, EXAMPLIA, SAMPLESTAN");

    String formatted = Marking.format(label);

    assertThat(formatted).isEqualTo("SECRET//REL TO SAMPLESTAN, DEMOLAND, EXAMPLIA");
  }

  static Stream<Arguments> badMarkings() {
    return Stream.of(
        Arguments.of("SECRET//GAMMA", "unknown compartment 'GAMMA' in 'SECRET//GAMMA'"),
        Arguments.of("RESTRICTED", "unknown level 'RESTRICTED' in 'RESTRICTED'"),
        Arguments.of("TOP  SECRET", "unknown level 'TOP  SECRET' in 'TOP  SECRET'"),
        Arguments.of("SECRET ALPHA", "unknown level 'SECRET ALPHA' in 'SECRET ALPHA'"),
        Arguments.of(
            "SECRET//REL TO DEMOLAND, ATLANTIS",
            "unknown nation 'ATLANTIS' in 'SECRET//REL TO DEMOLAND, ATLANTIS'"),
        Arguments.of("", "empty marking"),
        Arguments.of("   ", "empty marking"),
        Arguments.of("SECRET//", "empty part in 'SECRET//'"),
        Arguments.of("//ALPHA", "empty part in '//ALPHA'"),
        Arguments.of("SECRET// //NOFORN", "empty part in 'SECRET// //NOFORN'"),
        Arguments.of("SECRET//ALPHA/", "empty compartment in 'SECRET//ALPHA/'"),
        Arguments.of("SECRET///ALPHA", "empty compartment in 'SECRET///ALPHA'"),
        Arguments.of("SECRET//REL TO", "empty nation in 'SECRET//REL TO'"),
        Arguments.of(
            "SECRET//REL TO DEMOLAND,,SAMPLESTAN",
            "empty nation in 'SECRET//REL TO DEMOLAND,,SAMPLESTAN'"),
        Arguments.of(
            "SECRET//ALPHA/alpha", "duplicate compartment 'alpha' in 'SECRET//ALPHA/alpha'"),
        Arguments.of(
            "SECRET//ALPHA//BRAVO",
            "duplicate compartments part 'BRAVO' in 'SECRET//ALPHA//BRAVO'"),
        Arguments.of(
            "SECRET//NOFORN//noforn", "duplicate part 'noforn' in 'SECRET//NOFORN//noforn'"),
        Arguments.of(
            "SECRET//REL TO DEMOLAND//REL TO DEMOLAND",
            "duplicate part 'REL TO DEMOLAND' in 'SECRET//REL TO DEMOLAND//REL TO DEMOLAND'"),
        Arguments.of(
            "SECRET//REL TO DEMOLAND, DEMOLAND",
            "duplicate nation 'DEMOLAND' in 'SECRET//REL TO DEMOLAND, DEMOLAND'"),
        Arguments.of(
            "SECRET//NOFORN//REL TO DEMOLAND",
            "REL TO and NOFORN together in 'SECRET//NOFORN//REL TO DEMOLAND'"),
        Arguments.of(
            "SECRET//ALPHA//REL TO DEMOLAND//NOFORN",
            "REL TO and NOFORN together in 'SECRET//ALPHA//REL TO DEMOLAND//NOFORN'"),
        Arguments.of(
            "SECRET//NOFORN//ALPHA",
            "compartments 'ALPHA' after the releasability in 'SECRET//NOFORN//ALPHA'"),
        Arguments.of(
            "SECRET//REL TO SAMPLESTAN",
            "REL TO without the owning nation 'DEMOLAND' in 'SECRET//REL TO SAMPLESTAN'"),
        Arguments.of(
            "SECRET//RELTO DEMOLAND",
            "unknown compartment 'RELTO DEMOLAND' in 'SECRET//RELTO DEMOLAND'"));
  }

  @ParameterizedTest
  @MethodSource("badMarkings")
  void aBadMarkingIsRefusedNamingTheBadPart(String marking, String message) {
    assertThatThrownBy(() -> Marking.parse(UK_STYLE, marking))
        .isInstanceOf(MarkingException.class)
        .hasMessage(message);
  }
}
