package org.civicportal.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final Instant AT = Instant.parse("2026-11-26T09:00:00.123456789Z");

  @Test
  void theFirstEntryOfATenantStartsTheChain() {
    AuditEntry first =
        AuditEntry.append(null, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", "");

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS_HASH).hasSize(64);
    assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(first.contentHash());
  }

  @Test
  void eachEntryLinksToTheOneBeforeIt() {
    AuditEntry first =
        AuditEntry.append(null, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", "");

    AuditEntry second =
        AuditEntry.append(
            first, "demoland", AT, "alice", AuditAction.DOCUMENT_READ, "document:42", "SECRET");

    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash());
    assertThat(second.action()).isEqualTo(AuditAction.DOCUMENT_READ);
  }

  @Test
  void theMomentIsKeptToTheMillisecondBeforeHashing() {
    AuditEntry entry =
        AuditEntry.append(null, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", "");

    assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00.123Z"));
    assertThat(entry.contentHash()).isEqualTo(entry.hash());
  }

  /** Pins the encoding: changing it would make every stored log fail verification. */
  @Test
  void theHashIsTheDocumentedEncodingOfTheContent() {
    AuditEntry entry =
        AuditEntry.append(
            null, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", "from 192.0.2.1");

    String hash = entry.hash();

    assertThat(hash).isEqualTo("4294f7281361f84e7c3e97a2842ad45174028e332d6342628770143980dfd6bf");
  }

  @Test
  void textCannotMoveAcrossFieldBoundaries() {
    AuditEntry one = AuditEntry.append(null, "demoland", AT, "ab", AuditAction.LOGIN, "c", "");

    AuditEntry other = AuditEntry.append(null, "demoland", AT, "a", AuditAction.LOGIN, "bc", "");

    assertThat(one.hash()).isNotEqualTo(other.hash());
  }

  @Test
  void anEntryCannotContinueAnotherTenantsChain() {
    AuditEntry other =
        AuditEntry.append(null, "otherland", AT, "bob", AuditAction.LOGIN, "user:bob", "");

    assertThatThrownBy(
            () ->
                AuditEntry.append(
                    other, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("otherland");
  }

  @Test
  void overlongFreeTextIsCutToItsColumn() {
    String longName = "m".repeat(10_000);

    AuditEntry entry =
        AuditEntry.append(
            null, "demoland", AT, longName, AuditAction.LOGIN_FAILED, longName, longName);

    assertThat(entry.actor()).hasSize(AuditEntry.ACTOR_LENGTH).endsWith("m…");
    assertThat(entry.subject()).hasSize(AuditEntry.SUBJECT_LENGTH);
    assertThat(entry.detail()).hasSize(AuditEntry.DETAIL_LENGTH);
    assertThat(entry.contentHash()).isEqualTo(entry.hash());
  }

  @Test
  void cuttingNeverSplitsACharacter() {
    String emoji = "\uD83D\uDE00".repeat(150);

    AuditEntry entry =
        AuditEntry.append(null, "demoland", AT, emoji, AuditAction.LOGIN_FAILED, "", "");

    assertThat(entry.actor()).hasSizeLessThanOrEqualTo(AuditEntry.ACTOR_LENGTH).endsWith("😀…");
  }

  @Test
  void textTheDatabasesCannotStoreIsReplaced() {
    AuditEntry entry =
        AuditEntry.append(
            null, "demoland", AT, "ev\u0000il", AuditAction.LOGIN_FAILED, "x\uD800y", null);

    assertThat(entry.actor()).isEqualTo("ev\uFFFDil");
    assertThat(entry.subject()).isEqualTo("x\uFFFDy");
    assertThat(entry.detail()).isEmpty();
  }

  @Test
  void anUnknownStoredActionStillHashesButIsNoAction() {
    AuditEntry entry =
        AuditEntry.append(null, "demoland", AT, "alice", AuditAction.LOGIN, "user:alice", "");
    AuditEntry unknown =
        new AuditEntry(
            entry.tenant(),
            entry.sequence(),
            entry.occurredAt(),
            entry.actor(),
            "DROP_TABLE",
            entry.subject(),
            entry.detail(),
            entry.previousHash(),
            entry.hash());

    String hash = unknown.contentHash();

    assertThat(hash).isNotEqualTo(unknown.hash());
    assertThatThrownBy(unknown::action).isInstanceOf(IllegalArgumentException.class);
  }
}
