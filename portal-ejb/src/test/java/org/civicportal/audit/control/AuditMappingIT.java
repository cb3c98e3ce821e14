package org.civicportal.audit.control;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.civicportal.audit.entity.AuditChain;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.audit.entity.Chains;
import org.civicportal.persistence.control.Migrations;
import org.civicportal.persistence.control.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit table, its head, its queries and its row lock on both databases the portal supports,
 * and its checkpoints in an anchor directory, with tampering done as an intruder would: plain SQL
 * on the tables, or edits of the anchor file.
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

  /**
   * Several entries in one transaction (an action that audits two things), for a tenant whose chain
   * has no head yet and for one that has: each follows the one before. AuditChainIT caught the
   * second entry of a new chain reusing number 1.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void severalEntriesInOneTransactionFollowEachOther(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      for (String tenant : List.of("newland", "newland")) {
        log.inTransaction(
            trail -> {
              for (int i = 0; i < 3; i++) {
                trail.record(tenant, "system", AuditAction.ADMIN_ACTION, "tenant", "step " + i);
              }
              return null;
            });
      }

      Verification result = log.inTransaction(trail -> trail.verify("newland"));

      assertThat(result.valid()).as(String.valueOf(result.reason())).isTrue();
      assertThat(result.checkedEntries()).isEqualTo(6);
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void deletingTheNewestEntriesIsReportedAndTheirNumbersAreNotReused_issue14(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 6);
      log.execute(List.of("DELETE FROM audit_entry WHERE tenant = 'demoland' AND sequence > 4"), 2);

      Verification cut = log.inTransaction(trail -> trail.verify("demoland"));
      AuditEntry next =
          log.inTransaction(
              trail -> trail.record("demoland", "alice", AuditAction.LOGIN, "user:alice", ""));
      Verification afterAppend = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(cut.valid()).isFalse();
      assertThat(cut.firstBrokenSequence()).isEqualTo(5);
      assertThat(cut.reason()).contains("entries 5 to 6 are missing");
      assertThat(next.sequence()).isEqualTo(7);
      assertThat(next.previousHash()).isNotEqualTo(entry(log, 4).hash());
      assertThat(afterAppend.valid()).isFalse();
      assertThat(afterAppend.firstBrokenSequence()).isEqualTo(7);
      assertThat(afterAppend.reason()).contains("expected sequence 5");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void deletingTheNewestEntriesAndMovingTheHeadBackIsCaughtByACheckpoint_issue14(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 6);
      List<String> checkpointed = log.inTransaction(AuditTrail::checkpoint);
      log.execute(List.of("DELETE FROM audit_entry WHERE tenant = 'demoland' AND sequence > 4"), 2);
      log.execute(
          List.of(
              "UPDATE audit_chain SET last_sequence = 4, last_hash = (SELECT e.hash FROM"
                  + " audit_entry e WHERE e.tenant = 'demoland' AND e.sequence = 4)"
                  + " WHERE tenant = 'demoland'"));

      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(checkpointed).containsExactly("demoland");
      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenSequence()).isEqualTo(5);
      assertThat(result.reason()).contains("covered entry 6").contains("removed");
      assertThat(log.inTransaction(AuditTrail::checkpoint)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rewritingTheWholeChainConsistentlyIsCaughtByACheckpoint_issue14(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 4);
      log.inTransaction(AuditTrail::checkpoint);
      log.recordSteps("demoland", 2);
      log.rebuild("demoland", 2, "nothing to see");

      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenSequence()).isEqualTo(4);
      assertThat(result.reason()).contains("line 1").contains("rewritten");
    }
  }

  /** Without a checkpoint after it, the same rewrite verifies: the documented limit. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aConsistentRewriteAfterTheNewestCheckpointIsNotDetected(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 2);
      log.inTransaction(AuditTrail::checkpoint);
      log.recordSteps("demoland", 3);
      log.rebuild("demoland", 4, "nothing to see");

      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(result.valid()).isTrue();
      assertThat(result.lastCheckpointSequence()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTamperedCheckpointLineIsReported_issue14(TestDatabase db) throws IOException {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 3);
      log.inTransaction(AuditTrail::checkpoint);
      Path file = log.anchorDir.resolve("demoland.anchors");
      String line = Files.readString(file);
      String[] fields = line.strip().split(" ");
      Files.writeString(file, line.replace(" " + fields[2] + " ", " 2 "));

      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenSequence()).isNull();
      assertThat(result.reason()).contains("Line 1").contains("signature");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aMissingAnchorFileIsReportedOnceACheckpointWasWritten_issue14(TestDatabase db)
      throws IOException {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 3);
      log.recordSteps("otherland", 3);
      Verification beforeAnyCheckpoint = log.inTransaction(trail -> trail.verify("demoland"));
      log.inTransaction(AuditTrail::checkpoint);
      Files.delete(log.anchorDir.resolve("demoland.anchors"));

      Verification demoland = log.inTransaction(trail -> trail.verify("demoland"));
      Verification otherland = log.inTransaction(trail -> trail.verify("otherland"));

      assertThat(beforeAnyCheckpoint.valid()).isTrue();
      assertThat(beforeAnyCheckpoint.lastCheckpointSequence()).isNull();
      assertThat(demoland.valid()).isFalse();
      assertThat(demoland.firstBrokenSequence()).isNull();
      assertThat(demoland.reason()).contains("demoland.anchors is missing");
      assertThat(otherland.valid()).isTrue();
      assertThat(otherland.lastCheckpointSequence()).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anEntryInsertedBeyondTheHeadIsReported_issue14(TestDatabase db) {
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      log.recordSteps("demoland", 3);
      log.execute(
          List.of(
              "INSERT INTO audit_entry (id, tenant, sequence, occurred_at, actor, action, subject,"
                  + " detail, previous_hash, hash) SELECT 1000000, tenant, 4, occurred_at, actor,"
                  + " action, subject, detail, hash, hash FROM audit_entry"
                  + " WHERE tenant = 'demoland' AND sequence = 3"));

      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenSequence()).isEqualTo(4);
      assertThat(result.reason()).contains("beyond the chain's head");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUntamperedChainVerifiesAcrossARestart_issue14(TestDatabase db) {
    Path anchorDir;
    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      anchorDir = log.anchorDir;
      log.recordSteps("demoland", 3);
      log.inTransaction(AuditTrail::checkpoint);
      log.recordSteps("demoland", 2);
      log.inTransaction(AuditTrail::checkpoint);
    }

    try (AuditDatabase restarted = AuditDatabase.reopened(db, anchorDir)) {
      Verification before = restarted.inTransaction(trail -> trail.verify("demoland"));
      List<String> unchanged = restarted.inTransaction(AuditTrail::checkpoint);
      restarted.recordSteps("demoland", 1);
      List<String> grown = restarted.inTransaction(AuditTrail::checkpoint);
      Verification after = restarted.inTransaction(trail -> trail.verify("demoland"));

      assertThat(before.valid()).isTrue();
      assertThat(before.checkedEntries()).isEqualTo(5);
      assertThat(before.lastCheckpointSequence()).isEqualTo(5);
      assertThat(before.lastCheckpointAt()).isEqualTo(T0.plusSeconds(1).truncatedTo(MILLIS));
      assertThat(unchanged).isEmpty();
      assertThat(grown).containsExactly("demoland");
      assertThat(after.valid()).isTrue();
      assertThat(after.lastCheckpointSequence()).isEqualTo(6);
      assertThat(anchorDir.resolve(AnchorKey.FILE_NAME)).exists();
    }
  }

  /** V14 gives the heads of chains written before it their newest entry's sequence and hash. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theMigrationPointsExistingHeadsAtTheirNewestEntries(TestDatabase db) throws Exception {
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .target("12")
        .load()
        .migrate();
    List<AuditEntry> written = Chains.of(4);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_entry (id, tenant, sequence, occurred_at, actor, action,"
                    + " subject, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry e : written) {
        // ids well above what the sequence gives the entries appended after the migration
        insert.setLong(1, 1_000_000 + e.sequence());
        insert.setString(2, e.tenant());
        insert.setLong(3, e.sequence());
        insert.setObject(4, e.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setString(5, e.actor());
        insert.setString(6, e.actionName());
        insert.setString(7, e.subject());
        insert.setString(8, e.detail());
        insert.setString(9, e.previousHash());
        insert.setString(10, e.hash());
        insert.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM audit_chain");
        s.executeUpdate("INSERT INTO audit_chain (tenant) VALUES ('" + Chains.TENANT + "')");
        s.executeUpdate("INSERT INTO audit_chain (tenant) VALUES ('emptyland')");
      }
    }

    try (AuditDatabase log = AuditDatabase.migrated(db)) {
      AuditChain demoland = log.inTransaction(trail -> trail.em.find(AuditChain.class, "demoland"));
      AuditChain emptyland =
          log.inTransaction(trail -> trail.em.find(AuditChain.class, "emptyland"));
      AuditEntry next =
          log.inTransaction(
              trail -> trail.record("demoland", "alice", AuditAction.LOGIN, "user:alice", ""));
      Verification result = log.inTransaction(trail -> trail.verify("demoland"));

      assertThat(demoland.lastSequence()).isEqualTo(4);
      assertThat(demoland.lastHash()).isEqualTo(written.get(3).hash());
      assertThat(demoland.anchoredSequence()).isZero();
      assertThat(emptyland.lastSequence()).isZero();
      assertThat(emptyland.lastHash()).isEqualTo(AuditEntry.GENESIS_HASH);
      assertThat(next.sequence()).isEqualTo(5);
      assertThat(result).isEqualTo(new Verification(true, 5, null, null));
    }
  }

  private static AuditEntry entry(AuditDatabase log, long sequence) {
    return log.inTransaction(AuditMappingIT::allEntries).stream()
        .filter(e -> e.sequence() == sequence)
        .findFirst()
        .orElseThrow();
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
    private final Path anchorDir;
    private final AuditAnchors anchors;
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private AuditDatabase(TestDatabase db, Path anchorDir) {
      this.db = db;
      this.emf = Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
      this.anchorDir = anchorDir;
      // the key the portal makes in the anchor directory when PORTAL_AUDIT_KEY is not set
      this.anchors = new AuditAnchors(anchorDir, () -> AnchorKey.kept(anchorDir));
    }

    static AuditDatabase migrated(TestDatabase db) {
      Migrations.migrate(db.dataSource());
      try {
        return new AuditDatabase(db, Files.createTempDirectory("civic-anchors").resolve("audit"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The same database and anchor directory, as after a restart of the portal. */
    static AuditDatabase reopened(TestDatabase db, Path anchorDir) {
      return new AuditDatabase(db, anchorDir);
    }

    /**
     * Rewrites the tenant's whole chain as a careful intruder would, with plain SQL: one entry's
     * detail changed, every hash recomputed from the first entry, and the head pointed at the new
     * newest hash, so that the chain and its head agree.
     */
    void rebuild(String tenant, long sequence, String detail) {
      List<AuditEntry> stored =
          inTransaction(
              trail ->
                  trail
                      .em
                      .createNamedQuery(AuditEntry.IN_ORDER, AuditEntry.class)
                      .setParameter("tenant", tenant)
                      .setParameter("after", 0L)
                      .getResultList());
      AuditEntry previous = null;
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement update =
              c.prepareStatement(
                  "UPDATE audit_entry SET detail = ?, previous_hash = ?, hash = ?"
                      + " WHERE tenant = ? AND sequence = ?");
          PreparedStatement head =
              c.prepareStatement("UPDATE audit_chain SET last_hash = ? WHERE tenant = ?")) {
        for (AuditEntry e : stored) {
          previous =
              AuditEntry.append(
                  previous,
                  tenant,
                  e.occurredAt(),
                  e.actor(),
                  e.action(),
                  e.subject(),
                  e.sequence() == sequence ? detail : e.detail());
          update.setString(1, previous.detail());
          update.setString(2, previous.previousHash());
          update.setString(3, previous.hash());
          update.setString(4, tenant);
          update.setLong(5, e.sequence());
          assertThat(update.executeUpdate()).isEqualTo(1);
        }
        head.setString(1, previous.hash());
        head.setString(2, tenant);
        assertThat(head.executeUpdate()).isEqualTo(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
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
      execute(statements, 1);
    }

    /** Runs each statement, which must change exactly {@code rows} rows. */
    void execute(List<String> statements, int rows) {
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        for (String sql : statements) {
          assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(rows);
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
      trail.anchors = anchors;
      return trail;
    }

    @Override
    public void close() {
      emf.close();
    }
  }
}
