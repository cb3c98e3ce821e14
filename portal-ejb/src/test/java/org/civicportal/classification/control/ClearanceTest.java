package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.classification.control.Schemes.UK_STYLE;
import static org.civicportal.classification.control.Schemes.US_STYLE;
import static org.civicportal.classification.control.Schemes.uk;
import static org.civicportal.classification.control.Schemes.us;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClearanceTest {
  private static final int SECRET = 2;

  @Test
  void secretCannotReadTopSecret() {
    Clearance secret = Clearance.of(UK_STYLE, SECRET, Set.of(), "DEMOLAND");

    boolean mayRead = secret.mayRead(uk("TOP SECRET"));

    assertThat(mayRead).isFalse();
    assertThat(secret.mayRead(uk("SECRET"))).isTrue();
    assertThat(secret.mayRead(uk("OFFICIAL-SENSITIVE"))).isTrue();
  }

  @Test
  void aMissingCompartmentDeniesTheRead() {
    Clearance alpha = Clearance.of(UK_STYLE, SECRET, Set.of("ALPHA"), "DEMOLAND");

    boolean mayRead = alpha.mayRead(uk("OFFICIAL//ALPHA/BRAVO"));

    assertThat(mayRead).isFalse();
    assertThat(alpha.mayRead(uk("OFFICIAL//ALPHA"))).isTrue();
  }

  @Test
  void onlyTheOwningNationReadsNoforn() {
    Clearance own = Clearance.of(UK_STYLE, SECRET, Set.of(), "DEMOLAND");
    Clearance foreign = Clearance.of(UK_STYLE, SECRET, Set.of(), "SAMPLESTAN");

    boolean foreignMayRead = foreign.mayRead(uk("OFFICIAL//NOFORN"));

    assertThat(foreignMayRead).isFalse();
    assertThat(own.mayRead(uk("OFFICIAL//NOFORN"))).isTrue();
  }

  @Test
  void releaseListsAdmitOnlyTheirNations() {
    Clearance examplian = Clearance.of(US_STYLE, 3, Set.of(), "EXAMPLIA");

    boolean notListed = examplian.mayRead(us("SECRET//REL TO SAMPLESTAN, DEMOLAND"));

    assertThat(notListed).isFalse();
    assertThat(examplian.mayRead(us("SECRET//REL TO SAMPLESTAN, EXAMPLIA"))).isTrue();
  }

  @Test
  void unrestrictedLabelsAreReadByEveryKnownNation() {
    Clearance testonian = Clearance.of(UK_STYLE, 0, Set.of(), "testonia");

    boolean mayRead = testonian.mayRead(uk("OFFICIAL"));

    assertThat(mayRead).isTrue();
    assertThat(testonian.nationality()).isEqualTo("TESTONIA");
  }

  @Test
  void aboveTheLowestLevelReleaseToAnotherNationIsExplicit_issue14() {
    Clearance foreign = Clearance.of(UK_STYLE, SECRET, Set.of(), "SAMPLESTAN");
    Clearance own = Clearance.of(UK_STYLE, SECRET, Set.of(), "DEMOLAND");

    boolean unmarkedSecret = foreign.mayRead(uk("SECRET"));

    assertThat(unmarkedSecret).isFalse();
    assertThat(foreign.mayRead(uk("OFFICIAL-SENSITIVE"))).isFalse();
    assertThat(foreign.mayRead(uk("OFFICIAL"))).as("the lowest level").isTrue();
    assertThat(foreign.mayRead(uk("SECRET//REL TO DEMOLAND, SAMPLESTAN"))).isTrue();
    assertThat(own.mayRead(uk("SECRET"))).isTrue();
  }

  @Test
  void aTenantMayReleaseUnmarkedRecordsToEveryNation_issue14() {
    ClassificationScheme releasing = UK_STYLE.releasingUnmarked(true);
    Clearance foreign = Clearance.of(releasing, SECRET, Set.of(), "SAMPLESTAN");

    boolean unmarkedSecret = foreign.mayRead(Marking.parse(releasing, "SECRET"));

    assertThat(unmarkedSecret).isTrue();
    assertThat(foreign.mayRead(Marking.parse(releasing, "SECRET//NOFORN"))).isFalse();
  }

  @Test
  void anUnmarkedLabelAboveTheLowestGoesToOwnNationalsOnlyInTheLattice_issue14() {
    Label unmarked = uk("OFFICIAL-SENSITIVE");
    Label releasedToTwo = uk("SECRET//REL TO DEMOLAND, SAMPLESTAN");

    Label join = releasedToTwo.join(unmarked);

    assertThat(join).isEqualTo(uk("SECRET//REL TO DEMOLAND"));
    assertThat(releasedToTwo.dominates(unmarked)).isFalse();
    assertThat(uk("SECRET//NOFORN").dominates(unmarked)).isTrue();
    assertThat(uk("SECRET").dominates(unmarked)).isTrue();
    assertThat(unmarked.join(uk("OFFICIAL"))).isEqualTo(unmarked);
  }

  @Test
  void aNationalityTheSchemeDoesNotKnowIsRefused() {
    assertThatThrownBy(() -> Clearance.of(UK_STYLE, 0, Set.of(), "ATLANTIS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown nation 'ATLANTIS' in scheme DEMOLAND");
  }

  @Test
  void theCeilingOfAnOwnNationalIsNoforn() {
    Clearance own = Clearance.of(UK_STYLE, SECRET, Set.of("BRAVO", "ALPHA"), "DEMOLAND");

    Label ceiling = own.ceiling();

    assertThat(ceiling).isEqualTo(uk("SECRET//ALPHA/BRAVO//NOFORN"));
  }

  @Test
  void theCeilingOfAForeignNationalIsReleasableToOwnerAndThem() {
    Clearance foreign = Clearance.of(UK_STYLE, SECRET, Set.of(), "SAMPLESTAN");

    Label ceiling = foreign.ceiling();

    assertThat(ceiling).isEqualTo(uk("SECRET//REL TO DEMOLAND, SAMPLESTAN"));
    assertThat(foreign.mayRead(ceiling)).isTrue();
  }

  @Test
  void nobodyLabelsAboveTheirOwnClearance() {
    Clearance official = Clearance.of(UK_STYLE, 0, Set.of(), "DEMOLAND");

    boolean mayLabel = official.mayLabel(uk("OFFICIAL-SENSITIVE"));

    assertThat(mayLabel).isFalse();
    assertThat(official.mayLabel(uk("OFFICIAL//NOFORN"))).isTrue();
  }

  @Test
  void aLabelOfAnotherSchemeIsRefused() {
    Clearance secret = Clearance.of(UK_STYLE, SECRET, Set.of(), "DEMOLAND");
    Label usSecret = us("SECRET");

    assertThatThrownBy(() -> secret.mayRead(usSecret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a clearance under scheme DEMOLAND cannot read a label of scheme SAMPLESTAN");
  }
}
