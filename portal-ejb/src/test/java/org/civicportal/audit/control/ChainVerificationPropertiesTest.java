package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.audit.entity.Chains;
import org.civicportal.audit.entity.Chains.Field;
import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.junit.jupiter.api.Test;

/**
 * Any single edit, deletion or swap in any chain is reported at the first entry it touches.
 * Deleting the newest entry is left out: without an anchor it cannot be seen (see {@link
 * ChainVerification}).
 */
class ChainVerificationPropertiesTest {
  private static final int TRIES = 1000;

  /**
   * Free text: mostly any character of the Basic Multilingual Plane or printable ASCII, and now and
   * then one that the databases cannot store as it is (NUL, a lone surrogate) or that the storage
   * adapts (the ellipsis ending a cut text).
   */
  static Generator<String> texts() {
    Generator<Character> chars =
        Generator.frequency(
            Generator.weight(4, Generator.chars('\u0000', '\uffff')),
            Generator.weight(2, Generator.chars(' ', '~')),
            Generator.weight(1, Generator.of('\u0000', '\ud800', '\udc00', '|', '\u2026')));
    return Generator.strings(chars, 0, 30);
  }

  static Generator<List<AuditEntry>> chains() {
    Generator<String> text = texts();
    Generator<Long> later = Generator.longs(0, 86_400_000);
    Generator<AuditAction> actions = Generator.of(AuditAction.values());
    Generator<Event> event =
        random ->
            new Event(
                later.next(random),
                text.next(random),
                actions.next(random),
                text.next(random),
                text.next(random));
    return event.list(2, 40).map(ChainVerificationPropertiesTest::chainOf);
  }

  /** A chain and one change to it. */
  record Tampered(List<AuditEntry> chain, Tampering tampering) {}

  static Generator<Tampered> tamperedChains() {
    return chains().flatMap(chain -> tamperings(chain.size()).map(t -> new Tampered(chain, t)));
  }

  private static Generator<Tampering> tamperings(int length) {
    Generator<Tampering> edits =
        Generator.zip(
            Generator.ints(0, length - 1),
            Generator.of(Field.values()),
            (i, field) -> new Tampering(Kind.EDIT, i, i, field));
    Generator<Tampering> deletions =
        Generator.ints(0, length - 2).map(i -> new Tampering(Kind.DELETE, i, i, null));
    Generator<Tampering> swaps =
        Generator.ints(0, length - 2)
            .flatMap(
                i ->
                    Generator.ints(i + 1, length - 1)
                        .map(j -> new Tampering(Kind.SWAP, i, j, null)));
    return Generator.oneOf(edits, deletions, swaps);
  }

  @Test
  void everyAppendedChainIsValid() {
    Property.check(
        TRIES,
        chains(),
        chain -> {
          Verification result = ChainVerification.of(chain);

          assertThat(result.valid()).isTrue();
          assertThat(result.checkedEntries()).isEqualTo(chain.size());
        });
  }

  @Test
  void aSingleTamperingIsReportedAtTheFirstEntryItTouches() {
    Property.check(
        TRIES,
        tamperedChains(),
        tampered -> {
          Tampering tampering = tampered.tampering();
          List<AuditEntry> chain = tampering.applyTo(tampered.chain());

          Verification result = ChainVerification.of(chain);

          assertThat(result.valid()).as("%s", tampering).isFalse();
          assertThat(result.firstBrokenSequence())
              .as("%s", tampering)
              .isEqualTo(chain.get(tampering.first()).sequence());
          assertThat(result.checkedEntries()).isEqualTo(tampering.first() + 1);
        });
  }

  private static List<AuditEntry> chainOf(List<Event> events) {
    List<AuditEntry> chain = new ArrayList<>();
    AuditEntry previous = null;
    Instant at = Chains.START;
    for (Event e : events) {
      at = at.plusMillis(e.millisLater());
      previous =
          AuditEntry.append(
              previous, Chains.TENANT, at, e.actor(), e.action(), e.subject(), e.detail());
      chain.add(previous);
    }
    return chain;
  }

  record Event(long millisLater, String actor, AuditAction action, String subject, String detail) {}

  enum Kind {
    EDIT,
    DELETE,
    SWAP
  }

  /** One change to a chain; {@code first} is the position of the first entry it touches. */
  record Tampering(Kind kind, int first, int second, Field field) {
    List<AuditEntry> applyTo(List<AuditEntry> original) {
      List<AuditEntry> chain = new ArrayList<>(original);
      switch (kind) {
        case EDIT -> chain.set(first, Chains.edited(chain.get(first), field));
        case DELETE -> chain.remove(first);
        case SWAP -> Collections.swap(chain, first, second);
      }
      return chain;
    }
  }
}
