package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.persistence.control.Migrations;
import org.civicportal.persistence.control.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit table, its queries and its row lock on both databases the portal supports, with
 * tampering done as an intruder would: plain SQL on the table.
 */
class AuditMappingIT {
  /** Finer than a millisecond, as a clock may give it; entries keep the millisecond. */
  private static final Instant T0 = Instant.parse("2026-11-26T09:00:00.123456789Z");

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgresql());
  }

  /** Each case on a database of its own: SQL run on the table, and the first broken sequence. */
  static Stream<Arguments> tamperings() {
    Stream<Supplier<TestDatabase>> kinds = Stream.of(TestDatabase::h2, TestDatabase::postgresql);
    return kinds.flatMap(
        db ->
            Stream.of(
                Arguments.of(
                    db.get(),
                    List.of("UPDATE audit_entry SET detail = 'x' WHERE sequence = 3"),
                    3L),
                Arguments.of(db.get(), List.of("DELETE FROM audit_entry WHERE sequence = 3"), 4L),
                Arguments.of(
                    db.get(),
                    List.of(
                        "UPDATE audit_entry SET sequence = -2 WHERE sequence = 2",
                        "UPDATE audit_entry SET sequence = 2 WHERE sequence = 4",
                        "UPDATE audit_entry SET sequence = 4 WHERE sequence = -2"),
                    2L),
                Arguments.of(
                    db.get(),
                    List.of("UPDATE audit_entry SET action = 'NO_SUCH' WHERE sequence = 4"),
                    4L),
                Arguments.of(
                    db.get(),
                    List.of(
                        "UPDATE audit_entry SET occurred_at = occurred_at"
                            + " + INTERVAL '0.000001' SECOND WHERE sequence = 5"),
                    5L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRecordedChainSurvivesTheRoundTripAndVerifies(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 5);

      List<AuditEntry> reloaded = log.inTransaction(AuditMappingIT::allEntries);
      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(reloaded).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(reloaded.get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00.123Z"));
      assertThat(reloaded).allSatisfy(e -> assertThat(e.contentHash()).isEqualTo(e.hash()));
      assertThat(result).isEqualTo(new Verification(true, 5, null, null));
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("tamperings")
  void tamperingWithTheTableIsReportedAtTheFirstEntryItBreaks(
      TestDatabase db, List<String> sql, long firstBroken) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 6);
      log.recordSteps("otherland", 6);
      log.execute(sql.stream().map(s -> s + " AND tenant = 'demoland'").toList());

      Verification demoland = log.inTransaction(trail -> trail.verify("demoland"));
      Verification otherland = log.inTransaction(trail -> trail.verify("otherland"));

      assertThat(demoland.valid()).isFalse();
      assertThat(demoland.firstBrokenSequence()).isEqualTo(firstBroken);
      assertThat(otherland.valid()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anEntryRollsBackWithTheActionItRecords(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 1);

      log.rolledBack(
          trail -> trail.record("demoland", "alice", AuditAction.ROLE_CHANGED, "user:bob", ""));

      assertThat(log.inTransaction(AuditMappingIT::allEntries)).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anEntryRecordedInTheVerifyingTransactionIsVerifiedAndKept(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 4);

      Verification result =
          log.inTransaction(
              trail -> {
                trail.record("demoland", "auditor", AuditAction.ADMIN_ACTION, "audit", "verify");
                return trail.verify("demoland");
              });

      assertThat(result.checkedEntries()).isEqualTo(5);
      assertThat(result.valid()).isTrue();
      assertThat(log.inTransaction(AuditMappingIT::allEntries)).hasSize(5);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentAppendsInOneTenantTakeTurns(TestDatabase db) throws Exception {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 1);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();

      for (int w = 0; w < 4; w++) {
        String actor = "writer" + w;
        done.add(
            writers.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    log.inTransaction(
                        trail ->
                            trail.record(
                                "demoland", actor, AuditAction.LOGIN, "user:" + actor, ""));
                  }
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
      writers.shutdown();
      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(result).isEqualTo(new Verification(true, 41, null, null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void auditorsBrowseNewestFirstAndFilter(TestDatabase db) {
    Instant nine = Instant.parse("2026-11-26T09:00:00Z");
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.record(nine, "alice", AuditAction.LOGIN);
      log.record(nine.plus(Duration.ofHours(1)), "bob", AuditAction.LOGIN_FAILED);
      log.record(nine.plus(Duration.ofHours(2)), "alice", AuditAction.DOCUMENT_READ);
      log.record(nine.plus(Duration.ofHours(3)), "carol", AuditAction.ROLE_CHANGED);
      log.record(nine.plus(Duration.ofHours(4)), "alice", AuditAction.DOCUMENT_READ);
      log.recordSteps("otherland", 3);

      List<Long> firstPage = log.browse(AuditFilter.ANY, 0, 2);
      List<Long> lastPage = log.browse(AuditFilter.ANY, 2, 2);
      List<Long> reads =
          log.browse(new AuditFilter(AuditAction.DOCUMENT_READ, null, null, null), 0, 10);
      List<Long> byAlice = log.browse(new AuditFilter(null, "alice", null, null), 0, 10);
      List<Long> tenToTwelve =
          log.browse(
              new AuditFilter(
                  null, "", nine.plus(Duration.ofHours(1)), nine.plus(Duration.ofHours(3))),
              0,
              10);
      List<Long> aliceReadingLate =
          log.browse(
              new AuditFilter(
                  AuditAction.DOCUMENT_READ, "alice", nine.plus(Duration.ofHours(3)), null),
              0,
              10);

      assertThat(firstPage).containsExactly(5L, 4L);
      assertThat(lastPage).containsExactly(1L);
      assertThat(reads).containsExactly(5L, 3L);
      assertThat(byAlice).containsExactly(5L, 3L, 1L);
      assertThat(tenToTwelve).containsExactly(3L, 2L);
      assertThat(aliceReadingLate).containsExactly(5L);
    }
  }

  private static List<AuditEntry> allEntries(AuditTrail trail) {
    return trail
        .em
        .createNamedQuery(AuditEntry.IN_ORDER, AuditEntry.class)
        .setParameter("tenant", "demoland")
        .setParameter("after", 0L)
        .getResultList();
  }

  /** A migrated database with a RESOURCE_LOCAL unit, and audit trails working on it. */
  private static final class AuditDatabase implements AutoCloseable {
    private final TestDatabase db;
    private final EntityManagerFactory emf;
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private AuditDatabase(TestDatabase db) {
      this.db = db;
      this.emf = Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    }

    static AuditDatabase migrated(TestDatabase db) {
      Migrations.migrate(db.dataSource());
      return new AuditDatabase(db);
    }

    /** Appends entries one transaction each, a second apart, verifying in pages of two. */
    void recordSteps(String tenant, int count) {
      for (int i = 0; i < count; i++) {
        clock = Clock.fixed(T0.plusSeconds(i), ZoneOffset.UTC);
        String step = "step " + i;
        inTransaction(
            trail -> trail.record(tenant, "system", AuditAction.ADMIN_ACTION, "tenant", step));
      }
    }

    void record(Instant at, String actor, AuditAction action) {
      clock = Clock.fixed(at, ZoneOffset.UTC);
      inTransaction(trail -> trail.record("demoland", actor, action, "document:1", ""));
    }

    List<Long> browse(AuditFilter filter, int page, int size) {
      return inTransaction(trail -> trail.browse("demoland", filter, page * size, size)).stream()
          .map(AuditEntry::sequence)
          .toList();
    }

    <T> T inTransaction(Function<AuditTrail, T> work) {
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        T result = work.apply(trail(em));
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }

    void rolledBack(Function<AuditTrail, ?> work) {
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        work.apply(trail(em));
        em.flush();
      } finally {
        em.getTransaction().rollback();
        em.close();
      }
    }

    void execute(List<String> statements) {
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        for (String sql : statements) {
          assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private AuditTrail trail(EntityManager em) {
      AuditTrail trail = new AuditTrail();
      trail.em = em;
      trail.clock = clock;
      trail.pageSize = 2;
      return trail;
    }

    @Override
    public void close() {
      emf.close();
    }
  }
}
