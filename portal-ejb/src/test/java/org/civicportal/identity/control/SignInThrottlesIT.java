package org.civicportal.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.stream.Stream;
import org.civicportal.persistence.control.Migrations;
import org.civicportal.persistence.control.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guessing is throttled by client address on both databases: a stranger's failures never refuse the
 * account's owner at another address (issue 14), while the stranger stays refused as long as they
 * keep trying.
 */
class SignInThrottlesIT {
  private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
  private static final String ATTACKER = "203.0.113.9";
  private static final String OWNER = "198.51.100.7";

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgresql());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aStrangersFailuresNeverLockTheOwnerOut_issue14(TestDatabase db) {
    try (Throttles throttles = Throttles.migrated(db)) {
      for (int i = 0; i < 100; i++) {
        throttles.at(T0.plusSeconds(i));
        if (throttles.admits("demoland", "officer1", ATTACKER)) {
          throttles.run(t -> failed(t, "officer1", ATTACKER));
        }
      }

      assertThat(throttles.admits("demoland", "officer1", OWNER)).isTrue();
      assertThat(throttles.admits("demoland", "officer1", ATTACKER)).isFalse();
      assertThat(throttles.admits("samplestan", "officer1", ATTACKER))
          .as("another tenant's account of the same name")
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void fiveFailuresRefuseTheAddressUntilItStopsTrying(TestDatabase db) {
    try (Throttles throttles = Throttles.migrated(db)) {
      for (int i = 0; i < SignInThrottles.MAX_PER_ACCOUNT - 1; i++) {
        throttles.run(t -> failed(t, "officer1", ATTACKER));
      }
      boolean beforeFifth = throttles.admits("demoland", "officer1", ATTACKER);
      throttles.run(t -> failed(t, "officer1", ATTACKER));
      boolean afterFifth = throttles.admits("demoland", "officer1", ATTACKER);
      // still trying 10 minutes later: refused, and the refusal runs 15 minutes from then
      throttles.at(T0.plus(Duration.ofMinutes(10)));
      boolean tenMinutesOn = throttles.admits("demoland", "officer1", ATTACKER);
      throttles.at(T0.plus(Duration.ofMinutes(24)));
      boolean prolonged = throttles.admits("demoland", "officer1", ATTACKER);
      throttles.at(T0.plus(Duration.ofMinutes(40)));
      boolean afterAQuietBlock = throttles.admits("demoland", "officer1", ATTACKER);

      assertThat(beforeFifth).isTrue();
      assertThat(afterFifth).isFalse();
      assertThat(tenMinutesOn).isFalse();
      assertThat(prolonged).isFalse();
      assertThat(afterAQuietBlock).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anAddressGuessingManyAccountsIsRefusedForAll(TestDatabase db) {
    try (Throttles throttles = Throttles.migrated(db)) {
      for (int i = 0; i < SignInThrottles.MAX_PER_ADDRESS; i++) {
        String user = "user" + i;
        throttles.run(t -> failed(t, user, ATTACKER));
      }

      assertThat(throttles.admits("demoland", "director1", ATTACKER)).isFalse();
      assertThat(throttles.admits("demoland", "director1", OWNER)).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aCorrectPasswordForgetsTheAddressesFailures(TestDatabase db) {
    try (Throttles throttles = Throttles.migrated(db)) {
      for (int i = 0; i < SignInThrottles.MAX_PER_ACCOUNT - 1; i++) {
        throttles.run(t -> failed(t, "officer1", OWNER));
      }
      throttles.run(
          t -> {
            t.succeeded("demoland", "officer1", OWNER);
            return null;
          });
      throttles.run(t -> failed(t, "officer1", OWNER));

      assertThat(throttles.admits("demoland", "officer1", OWNER)).isTrue();
    }
  }

  private static Void failed(SignInThrottles t, String user, String address) {
    t.failed("demoland", user, address);
    return null;
  }

  /** Throttles over a migrated database, one RESOURCE_LOCAL transaction per call. */
  private static final class Throttles implements AutoCloseable {
    private final EntityManagerFactory emf;
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private Throttles(TestDatabase db) {
      this.emf = Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    }

    static Throttles migrated(TestDatabase db) {
      Migrations.migrate(db.dataSource());
      return new Throttles(db);
    }

    boolean admits(String tenant, String user, String address) {
      return run(t -> t.admits(tenant, user, address));
    }

    void at(Instant now) {
      clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    <T> T run(Function<SignInThrottles, T> work) {
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        SignInThrottles throttles = new SignInThrottles();
        throttles.em = em;
        throttles.clock = clock;
        T result = work.apply(throttles);
        em.getTransaction().commit();
        return result;
      } finally {
        em.close();
      }
    }

    @Override
    public void close() {
      emf.close();
    }
  }
}
