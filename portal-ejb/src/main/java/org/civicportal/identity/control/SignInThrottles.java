package org.civicportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicportal.identity.entity.SignInThrottle;

/**
 * Throttles password guessing by client address, never by account: five failures against one user
 * name from one address within 15 minutes refuse that user name from that address for 15 minutes;
 * thirty failures from one address against any accounts of a tenant refuse the address for every
 * account. Each attempt while refused prolongs the refusal. The account's owner, signing in from
 * another address, is never refused because of someone else's guesses.
 *
 * <p>Each method is its own transaction, so a count is kept even when the sign-in around it fails;
 * rows live in the database, so every node of a cluster, and a restart, see the same counts.
 */
@ApplicationScoped
public class SignInThrottles {
  public static final int MAX_PER_ACCOUNT = 5;
  public static final int MAX_PER_ADDRESS = 30;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration BLOCK = Duration.ofMinutes(15);

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * Whether this address may try this user name now; if not, the attempt is counted as one more
   * while refused (prolonging the refusal) and the password must not be checked.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean admits(String tenant, String username, String address) {
    Instant now = clock.instant();
    boolean admitted = true;
    for (Counter counter : counters(tenant, username, address)) {
      SignInThrottle row =
          em.find(SignInThrottle.class, counter.key(), LockModeType.PESSIMISTIC_WRITE);
      if (row != null && row.isBlocked(now)) {
        row.attempted(now, counter.limit(), WINDOW, BLOCK);
        admitted = false;
      }
    }
    return admitted;
  }

  /** Counts a failed attempt against the user name and against the address. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(String tenant, String username, String address) {
    Instant now = clock.instant();
    for (Counter counter : counters(tenant, username, address)) {
      SignInThrottle row =
          em.find(SignInThrottle.class, counter.key(), LockModeType.PESSIMISTIC_WRITE);
      if (row == null) {
        row = new SignInThrottle(counter.key(), now);
        em.persist(row);
        // new rows are rare (a first failure); old ones go then
        em.createNamedQuery(SignInThrottle.STALE)
            .setParameter("before", now.minus(WINDOW).minus(BLOCK))
            .executeUpdate();
      }
      row.attempted(now, counter.limit(), WINDOW, BLOCK);
    }
  }

  /** A correct password from this address: its failures against this user name are forgotten. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void succeeded(String tenant, String username, String address) {
    SignInThrottle row =
        em.find(SignInThrottle.class, SignInThrottle.key(tenant, username, address));
    if (row != null) {
      em.remove(row);
    }
  }

  /** A row's key and how many failures it allows. */
  private record Counter(String key, int limit) {}

  private static List<Counter> counters(String tenant, String username, String address) {
    return List.of(
        new Counter(SignInThrottle.key(tenant, username, address), MAX_PER_ACCOUNT),
        new Counter(SignInThrottle.key(tenant, SignInThrottle.ANY, address), MAX_PER_ADDRESS));
  }
}
