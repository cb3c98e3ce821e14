package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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

  /** The chain alone (no head, no checkpoint) cannot tell a consistent rebuild. */
  @Test
  void aChainRecomputedFromTheFirstEntryVerifiesAsAChainAlone() {
    List<AuditEntry> forged = rebuiltWithDetail(4, "nothing to see");

    Verification result = ChainVerification.of(forged);

    assertThat(result.valid()).isTrue();
    assertThat(forged.get(6).hash()).isNotEqualTo(chain.get(6).hash());
  }

  /** The chain alone (no head, no checkpoint) cannot tell that its newest entries are gone. */
  @Test
  void truncatingTheNewestEntriesVerifiesAsAChainAlone() {
    List<AuditEntry> truncated = chain.subList(0, 5);

    Verification result = ChainVerification.of(truncated);

    assertThat(result).isEqualTo(new Verification(true, 5, null, null));
  }

  @Test
  void aChainThatEndsAtItsHeadAndMatchesItsCheckpointsIsValid() {
    List<Checkpoint> checkpoints = List.of(checkpointOf(chain.get(2), 1), checkpointOf(last(), 2));

    Verification result = ChainVerification.of(chain, 7, last().hash(), checkpoints);

    assertThat(result.valid()).isTrue();
    assertThat(result.checkedEntries()).isEqualTo(7);
    assertThat(result.lastCheckpointSequence()).isEqualTo(7);
    assertThat(result.lastCheckpointAt()).isEqualTo(checkpoints.get(1).at());
  }

  @Test
  void truncatingTheNewestEntriesIsCaughtByTheHead_issue14() {
    List<AuditEntry> truncated = chain.subList(0, 5);

    Verification result = ChainVerification.of(truncated, 7, last().hash(), List.of());

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(6);
    assertThat(result.reason()).contains("entries 6 to 7 are missing").contains("deleted");
  }

  @Test
  void truncatingAndMovingTheHeadBackIsCaughtByACheckpoint_issue14() {
    List<AuditEntry> truncated = chain.subList(0, 5);
    List<Checkpoint> checkpoints = List.of(checkpointOf(chain.get(5), 1));

    Verification result = ChainVerification.of(truncated, 5, truncated.get(4).hash(), checkpoints);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(6);
    assertThat(result.reason()).contains("covered entry 6").contains("removed");
  }

  @Test
  void aChainRebuiltFromTheFirstEntryIsCaughtByACheckpointAfterTheChange_issue14() {
    List<Checkpoint> checkpoints = List.of(checkpointOf(chain.get(1), 1), checkpointOf(last(), 2));
    List<AuditEntry> forged = rebuiltWithDetail(4, "nothing to see");

    Verification result = ChainVerification.of(forged, 7, forged.get(6).hash(), checkpoints);

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(7);
    assertThat(result.reason()).contains("line 2").contains("rewritten");
    assertThat(result.lastCheckpointSequence()).isEqualTo(2);
  }

  /** The documented limit: what changed after the newest checkpoint is not covered by one. */
  @Test
  void aConsistentRewriteNewerThanTheNewestCheckpointIsNotDetected() {
    List<Checkpoint> checkpoints = List.of(checkpointOf(chain.get(2), 1));
    List<AuditEntry> forged = rebuiltWithDetail(5, "nothing to see");

    Verification result = ChainVerification.of(forged, 7, forged.get(6).hash(), checkpoints);

    assertThat(result.valid()).isTrue();
    assertThat(result.lastCheckpointSequence()).isEqualTo(3);
  }

  @Test
  void aNewestEntryReplacedBehindTheHeadIsCaught() {
    AuditEntry original = last();
    chain.set(6, Chains.resealed(original, "nothing to see"));

    Verification result = ChainVerification.of(chain, 7, original.hash(), List.of());

    assertThat(result.firstBrokenSequence()).isEqualTo(7);
    assertThat(result.reason()).contains("head");
  }

  @Test
  void anAnchorLineThatIsNotASignedCheckpointIsReportedWithoutAnEntry() {
    Iterator<Checkpoint> anchorFile = List.of(checkpointOf(chain.get(1), 1)).iterator();
    Iterator<Checkpoint> thenBroken =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            if (anchorFile.hasNext()) {
              return true;
            }
            throw new AnchorException("Line 2 of the anchor file does not carry the signature");
          }

          @Override
          public Checkpoint next() {
            return anchorFile.next();
          }
        };
    ChainVerification verification = new ChainVerification(thenBroken);

    chain.forEach(verification::accept);
    Verification result = verification.end(7, last().hash());

    assertThat(result.valid()).isFalse();
    assertThat(result.firstBrokenSequence()).isNull();
    assertThat(result.reason()).contains("Line 2");
    assertThat(result.lastCheckpointSequence()).isEqualTo(2);
  }

  private AuditEntry last() {
    return chain.get(chain.size() - 1);
  }

  private static Checkpoint checkpointOf(AuditEntry entry, long line) {
    return new Checkpoint(entry.sequence(), entry.hash(), entry.occurredAt().plusSeconds(30), line);
  }

  /** The chain with one entry's detail changed and every hash recomputed from the first. */
  private List<AuditEntry> rebuiltWithDetail(long sequence, String detail) {
    List<AuditEntry> forged = new ArrayList<>();
    AuditEntry previous = null;
    for (AuditEntry e : chain) {
      previous =
          AuditEntry.append(
              previous,
              e.tenant(),
              e.occurredAt(),
              e.actor(),
              e.action(),
              e.subject(),
              e.sequence() == sequence ? detail : e.detail());
      forged.add(previous);
    }
    return forged;
  }
}
