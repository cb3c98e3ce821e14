package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.audit.entity.Chains;
import org.civicportal.audit.entity.Chains.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChainVerificationTest {
  private final List<AuditEntry> chain = new ArrayList<>(Chains.of(7));

  @Test
  void anUntouchedChainIsValid() {
    Verification result = ChainVerification.of(chain);

    assertThat(result).isEqualTo(new Verification(true, 7, null, null));
  }

  @Test
  void anEmptyLogIsValid() {
    Verification result = ChainVerification.of(List.of());

    assertThat(result).isEqualTo(new Verification(true, 0, null, null));
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void editingAnyFieldBreaksTheChainAtThatEntry(Field field) {
    AuditEntry edited = Chains.edited(chain.get(3), field);
    chain.set(3, edited);

    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(edited.sequence());
    assertThat(result.checkedEntries()).isEqualTo(4);
  }

  @Test
  void anEditedDetailIsReportedAsAnAlteredEntry() {
    chain.set(3, Chains.edited(chain.get(3), Field.DETAIL));

    Verification result = ChainVerification.of(chain);

    assertThat(result.firstBrokenSequence()).isEqualTo(4);
    assertThat(result.reason()).contains("altered");
  }

  @Test
  void deletingAnEntryBreaksTheChainAtTheNextOne() {
    chain.remove(3);

    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(5);
    assertThat(result.reason()).contains("expected sequence 4");
  }

  @Test
  void deletingTheFirstEntryBreaksTheChainAtTheSecond() {
    chain.remove(0);

    Verification result = ChainVerification.of(chain);

    assertThat(result.firstBrokenSequence()).isEqualTo(2);
  }

  @Test
  void swappingTwoEntriesBreaksTheChainWhereTheOrderFirstGoesWrong() {
    Collections.swap(chain, 2, 5);

    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(6);
    assertThat(result.checkedEntries()).isEqualTo(3);
  }

  @Test
  void swappingTwoEntriesNumbersBreaksTheChainAtTheLowerNumber() {
    AuditEntry third = chain.get(2);
    AuditEntry sixth = chain.get(5);
    chain.set(2, Chains.renumbered(sixth, 3));
    chain.set(5, Chains.renumbered(third, 6));

    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(3);
    assertThat(result.reason()).contains("does not link to the hash of entry 2");
  }

  @Test
  void aFirstEntryThatLinksToSomethingIsBroken() {
    chain.set(0, Chains.edited(chain.get(0), Field.PREVIOUS_HASH));

    Verification result = ChainVerification.of(chain);

    assertThat(result.firstBrokenSequence()).isEqualTo(1);
    assertThat(result.reason()).contains("first entry");
  }

  @Test
  void aForgedFirstEntryIsCaughtByTheSecond() {
    AuditEntry original = chain.get(0);
    chain.set(
        0,
        AuditEntry.append(
            null,
            original.tenant(),
            original.occurredAt(),
            "someone-else",
            original.action(),
            original.subject(),
            original.detail()));

    Verification result = ChainVerification.of(chain);

    assertThat(result.firstBrokenSequence()).isEqualTo(2);
  }

  @Test
  void anEntryRewrittenWithAFreshHashIsCaughtByTheNext() {
    chain.set(3, Chains.resealed(chain.get(3), "nothing to see"));

    Verification result = ChainVerification.of(chain);

    assertThat(result.firstBrokenSequence()).isEqualTo(5);
    assertThat(result.reason()).contains("entry 4");
  }

  @Test
  void entriesAfterTheFirstBreakAreNotChecked() {
    chain.set(1, Chains.edited(chain.get(1), Field.ACTOR));
    ChainVerification verification = new ChainVerification();

    List<Boolean> accepted = chain.stream().map(verification::accept).toList();

    assertThat(accepted).containsExactly(true, false, false, false, false, false, false);
    assertThat(verification.result().checkedEntries()).isEqualTo(2);
    assertThat(verification.result().firstBrokenSequence()).isEqualTo(2);
  }

  /** The documented limitation: without an anchor, a chain rebuilt from the start verifies. */
  @Test
  void aChainRecomputedFromTheFirstEntryIsUndetectableWithoutAnAnchor() {
    List<AuditEntry> forged = new ArrayList<>();
    AuditEntry previous = null;
    for (AuditEntry e : chain) {
      String detail = e.sequence() == 4 ? "nothing to see" : e.detail();
      previous =
          AuditEntry.append(
              previous, e.tenant(), e.occurredAt(), e.actor(), e.action(), e.subject(), detail);
      forged.add(previous);
    }

    Verification result = ChainVerification.of(forged);

    assertThat(result.valid()).isTrue();
    assertThat(forged.get(6).hash()).isNotEqualTo(chain.get(6).hash());
  }

  /** The documented limitation: without an anchor, dropping the newest entries goes unnoticed. */
  @Test
  void truncatingTheNewestEntriesIsUndetectableWithoutAnAnchor() {
    List<AuditEntry> truncated = chain.subList(0, 5);

    Verification result = ChainVerification.of(truncated);

    assertThat(result).isEqualTo(new Verification(true, 5, null, null));
  }
}
