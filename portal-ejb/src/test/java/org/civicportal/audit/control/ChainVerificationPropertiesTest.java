package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.audit.entity.Chains;
import org.civicportal.audit.entity.Chains.Field;

/**
 * Any single edit, deletion or swap in any chain is reported at the first entry it touches.
 * Deleting the newest entry is left out: without an anchor it cannot be seen (see {@link
 * ChainVerification}).
 */
class ChainVerificationPropertiesTest {

  @Provide
  Arbitrary<List<AuditEntry>> chains() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
    Arbitrary<Event> event =
        Combinators.combine(
                Arbitraries.longs().between(0, 86_400_000),
                text,
                Arbitraries.of(AuditAction.class),
                text,
                text)
            .as(Event::new);
    return event.list().ofMinSize(2).ofMaxSize(40).map(ChainVerificationPropertiesTest::chainOf);
  }

  @Provide
  Arbitrary<Tuple2<List<AuditEntry>, Tampering>> tamperedChains() {
    return chains().flatMap(chain -> tamperings(chain.size()).map(t -> Tuple.of(chain, t)));
  }

  private static Arbitrary<Tampering> tamperings(int length) {
    Arbitrary<Tampering> edits =
        Combinators.combine(
                Arbitraries.integers().between(0, length - 1), Arbitraries.of(Field.class))
            .as((i, field) -> new Tampering(Kind.EDIT, i, i, field));
    Arbitrary<Tampering> deletions =
        Arbitraries.integers()
            .between(0, length - 2)
            .map(i -> new Tampering(Kind.DELETE, i, i, null));
    Arbitrary<Tampering> swaps =
        Arbitraries.integers()
            .between(0, length - 2)
            .flatMap(
                i ->
                    Arbitraries.integers()
                        .between(i + 1, length - 1)
                        .map(j -> new Tampering(Kind.SWAP, i, j, null)));
    return Arbitraries.oneOf(edits, deletions, swaps);
  }

  @Property
  void everyAppendedChainIsValid(@ForAll("chains") List<AuditEntry> chain) {
    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).isTrue();
    assertThat(result.checkedEntries()).isEqualTo(chain.size());
  }

  @Property
  void aSingleTamperingIsReportedAtTheFirstEntryItTouches(
      @ForAll("tamperedChains") Tuple2<List<AuditEntry>, Tampering> tampered) {
    Tampering tampering = tampered.get2();
    List<AuditEntry> chain = tampering.applyTo(tampered.get1());

    Verification result = ChainVerification.of(chain);

    assertThat(result.valid()).as("%s", tampering).isFalse();
    assertThat(result.firstBrokenSequence())
        .as("%s", tampering)
        .isEqualTo(chain.get(tampering.first()).sequence());
    assertThat(result.checkedEntries()).isEqualTo(tampering.first() + 1);
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
