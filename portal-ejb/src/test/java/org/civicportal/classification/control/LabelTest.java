package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.classification.control.Schemes.UK_STYLE;
import static org.civicportal.classification.control.Schemes.uk;
import static org.civicportal.classification.control.Schemes.us;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelTest {

  @Test
  void secretAlphaDominatesOfficial() {
    Label secretAlpha = uk("SECRET//ALPHA");

    boolean dominates = secretAlpha.dominates(uk("OFFICIAL"));

    assertThat(dominates).isTrue();
    assertThat(secretAlpha.isAbove(uk("OFFICIAL"))).isTrue();
    assertThat(uk("OFFICIAL").dominates(secretAlpha)).isFalse();
  }

  @Test
  void aHigherLevelWithoutTheCompartmentDoesNotDominate() {
    Label topSecret = uk("TOP SECRET//BRAVO");

    boolean dominates = topSecret.dominates(uk("OFFICIAL//ALPHA"));

    assertThat(dominates).isFalse();
  }

  @Test
  void nofornIsStricterThanReleasableToTheOwnerAlone() {
    Label noforn = uk("SECRET//NOFORN");
    Label ownerOnly = uk("SECRET//REL TO DEMOLAND");

    boolean dominates = noforn.dominates(ownerOnly);

    assertThat(dominates).isTrue();
    assertThat(ownerOnly.dominates(noforn)).isFalse();
  }

  @Test
  void aShorterReleaseListIsStricter() {
    Label two = uk("SECRET//REL TO DEMOLAND, SAMPLESTAN");
    Label three = uk("SECRET//REL TO DEMOLAND, SAMPLESTAN, EXAMPLIA");

    boolean dominates = two.dominates(three);

    assertThat(dominates).isTrue();
    assertThat(three.dominates(two)).isFalse();
    assertThat(three.dominates(uk("OFFICIAL"))).isTrue();
    // unmarked above the lowest level goes to own nationals only (issue 14): no longer below
    assertThat(three.dominates(uk("SECRET"))).isFalse();
    assertThat(uk("SECRET//REL TO DEMOLAND").dominates(uk("SECRET"))).isTrue();
  }

  @Test
  void itselfIsNotAbove() {
    Label label = uk("SECRET//ALPHA");

    boolean above = label.isAbove(uk("SECRET//ALPHA"));

    assertThat(above).isFalse();
  }

  @Test
  void joinTakesTheHigherLevelAllCompartmentsAndTheCommonNations() {
    Label a = uk("SECRET//ALPHA//REL TO DEMOLAND, SAMPLESTAN, EXAMPLIA");
    Label b = uk("TOP SECRET//BRAVO//REL TO DEMOLAND, SAMPLESTAN, TESTONIA");

    Label join = a.join(b);

    assertThat(join).isEqualTo(uk("TOP SECRET//ALPHA/BRAVO//REL TO DEMOLAND, SAMPLESTAN"));
  }

  @Test
  void joinWithNofornIsNoforn() {
    Label relTo = us("CUI//REL TO SAMPLESTAN, DEMOLAND");

    Label join = relTo.join(us("UNCLASSIFIED//NOFORN"));

    assertThat(join).isEqualTo(us("CUI//NOFORN"));
  }

  @Test
  void joinWithUnrestrictedKeepsTheCaveatAtTheLowestLevel() {
    Label relTo = us("CONFIDENTIAL//REL TO SAMPLESTAN, EXAMPLIA");

    Label join = relTo.join(us("UNCLASSIFIED//ALPHA"));

    assertThat(join).isEqualTo(us("CONFIDENTIAL//ALPHA//REL TO SAMPLESTAN, EXAMPLIA"));
  }

  @Test
  void joinWithAnUnmarkedLabelAboveTheLowestKeepsToOwnNationals_issue14() {
    Label relTo = us("CONFIDENTIAL//REL TO SAMPLESTAN, EXAMPLIA");

    Label join = relTo.join(us("SECRET//ALPHA"));
    Label released =
        Marking.parse(
                Schemes.US_STYLE.releasingUnmarked(true),
                "CONFIDENTIAL//REL TO SAMPLESTAN, EXAMPLIA")
            .join(Marking.parse(Schemes.US_STYLE.releasingUnmarked(true), "SECRET//ALPHA"));

    assertThat(join).isEqualTo(us("SECRET//ALPHA//REL TO SAMPLESTAN"));
    assertThat(Marking.format(released)).isEqualTo("SECRET//ALPHA//REL TO SAMPLESTAN, EXAMPLIA");
  }

  @Test
  void namesAreStoredInTheSchemeSpelling() {
    Label label =
        Label.of(UK_STYLE, 2, Set.of("bravo", "alpha"), Releasability.relTo(Set.of("demoland")));

    String marking = label.toString();

    assertThat(marking).isEqualTo("SECRET//ALPHA/BRAVO//REL TO DEMOLAND");
    assertThat(label.compartments()).containsExactly("ALPHA", "BRAVO");
  }

  @Test
  void releaseWithoutTheOwningNationIsRefused() {
    Releasability samplestanOnly = Releasability.relTo(Set.of("SAMPLESTAN"));

    assertThatThrownBy(() -> Label.of(UK_STYLE, 2, Set.of(), samplestanOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REL TO [SAMPLESTAN] must include the owning nation 'DEMOLAND'");
  }

  @Test
  void anUnknownCompartmentIsRefused() {
    Releasability unrestricted = Releasability.unrestricted();

    assertThatThrownBy(() -> Label.of(UK_STYLE, 2, Set.of("GAMMA"), unrestricted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown compartment 'GAMMA' in scheme DEMOLAND");
  }

  @Test
  void aReleaseToAnUnknownNationIsRefused() {
    Releasability toAtlantis = Releasability.relTo(Set.of("DEMOLAND", "ATLANTIS"));

    assertThatThrownBy(() -> Label.of(UK_STYLE, 0, Set.of(), toAtlantis))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown nation 'ATLANTIS' in scheme DEMOLAND");
  }

  @Test
  void labelsOfDifferentSchemesCannotBeCompared() {
    Label ukSecret = uk("SECRET");
    Label usSecret = us("SECRET");

    assertThatThrownBy(() -> ukSecret.dominates(usSecret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels of scheme DEMOLAND and scheme SAMPLESTAN cannot be compared");
    assertThatThrownBy(() -> ukSecret.join(usSecret)).isInstanceOf(IllegalArgumentException.class);
  }
}
