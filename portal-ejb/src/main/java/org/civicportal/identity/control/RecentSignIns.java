package org.civicportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scripts signed in with a password lately, so that a script sending its password with every
 * call (HTTP Basic) is audited once an hour per user and address, not at every call. Per node and
 * forgotten at restart, which only means an extra audit entry.
 */
@ApplicationScoped
public class RecentSignIns {
  static final Duration QUIET = Duration.ofHours(1);
  private static final int MAX_ENTRIES = 10_000;

  private final Map<String, Instant> lastAudited = new ConcurrentHashMap<>();

  /** True when this sign-in should be audited: the first from this user and address in an hour. */
  public boolean firstInAWhile(String tenant, String username, String address, Instant now) {
    if (lastAudited.size() > MAX_ENTRIES) {
      lastAudited.clear();
    }
    String key = tenant + '\u001f' + username + '\u001f' + address;
    Instant previous = lastAudited.get(key);
    if (previous != null && now.isBefore(previous.plus(QUIET))) {
      return false;
    }
    lastAudited.put(key, now);
    return true;
  }
}
