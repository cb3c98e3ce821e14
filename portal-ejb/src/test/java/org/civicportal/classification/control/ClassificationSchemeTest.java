package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.classification.control.Schemes.UK_STYLE;
import static org.civicportal.classification.control.Schemes.US_STYLE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationSchemeTest {

  @Test
  void levelsAreRankedFromTheLowest() {
    List<String> levels = UK_STYLE.levels();

    int topSecret = UK_STYLE.level("TOP SECRET");

    assertThat(levels).startsWith("OFFICIAL");
    assertThat(topSecret).isEqualTo(3);
    assertThat(UK_STYLE.levelName(1)).isEqualTo("OFFICIAL-SENSITIVE");
    assertThat(US_STYLE.level("CUI")).isEqualTo(1);
  }

  @Test
  void levelNamesAreLookedUpIgnoringCase() {
    int rank = UK_STYLE.level("official-sensitive");

    assertThat(rank).isEqualTo(1);
  }

  @Test
  void theOwningNationIsAlwaysKnown() {
    ClassificationScheme scheme =
        ClassificationScheme.of("DEMOLAND", List.of("OPEN"), Set.of(), Set.of());

    Set<String> nations = scheme.nations();

    assertThat(nations).containsExactly("DEMOLAND");
    assertThat(UK_STYLE.nations())
        .containsExactly("DEMOLAND", "EXAMPLIA", "SAMPLESTAN", "TESTONIA");
  }

  @Test
  void theLowestLabelIsTheBottomLevelWithoutCaveats() {
    Label lowest = US_STYLE.lowest();

    assertThat(lowest.levelName()).isEqualTo("UNCLASSIFIED");
    assertThat(lowest.compartments()).isEmpty();
    assertThat(lowest.releasability()).isEqualTo(Releasability.unrestricted());
  }

  @Test
  void anUnknownLevelIsRefusedByName() {
    assertThatThrownBy(() -> UK_STYLE.level("RESTRICTED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown level 'RESTRICTED' in scheme DEMOLAND");
  }

  @Test
  void aRankOutsideTheScaleIsRefused() {
    assertThatThrownBy(() -> UK_STYLE.levelName(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level rank 4 outside 0..3 of scheme DEMOLAND");
  }

  @Test
  void aSchemeNeedsALevel() {
    assertThatThrownBy(() -> ClassificationScheme.of("DEMOLAND", List.of(), Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scheme DEMOLAND needs at least one level");
  }

  @Test
  void levelsDifferingOnlyInCaseAreDuplicates() {
    assertThatThrownBy(
            () ->
                ClassificationScheme.of(
                    "DEMOLAND", List.of("SECRET", "secret"), Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate level 'secret'");
  }

  @Test
  void aNameWithAMarkingSeparatorIsRefused() {
    assertThatThrownBy(
            () -> ClassificationScheme.of("DEMOLAND", List.of("SECRET/X"), Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid level name 'SECRET/X'");
  }

  @Test
  void aCompartmentCannotBeCalledNoforn() {
    assertThatThrownBy(
            () ->
                ClassificationScheme.of("DEMOLAND", List.of("SECRET"), Set.of("noforn"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compartment 'NOFORN' is reserved");
  }

  @Test
  void schemesWithTheSameDefinitionAreEqual() {
    ClassificationScheme copy =
        ClassificationScheme.of(
            "DEMOLAND",
            List.of("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"),
            Set.of("CHARLIE", "BRAVO", "ALPHA"),
            Set.of("TESTONIA", "EXAMPLIA", "SAMPLESTAN", "DEMOLAND"));

    boolean equal = copy.equals(UK_STYLE);

    assertThat(equal).isTrue();
    assertThat(copy).hasSameHashCodeAs(UK_STYLE).isNotEqualTo(US_STYLE);
  }
}
