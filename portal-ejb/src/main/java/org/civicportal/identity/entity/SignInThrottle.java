package org.civicportal.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Failed sign-ins from one client address: against one user name of a tenant, or (user name {@link
 * #ANY}) against every account of the tenant. Enough failures within the window block that address
 * — only that address — for a while; each attempt while blocked prolongs it, so a guesser stays
 * blocked for as long as they keep guessing, while the account's owner signs in from anywhere else.
 */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(
    name = SignInThrottle.STALE,
    query = "DELETE FROM SignInThrottle t WHERE t.lastAttempt < :before")
public class SignInThrottle {
  public static final String STALE = "SignInThrottle.stale";

  /** The user name of the row that counts an address's failures against every account. */
  public static final String ANY = "*";

  @Id
  @Column(name = "throttle_key", length = 300)
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "last_attempt", nullable = false)
  private Instant lastAttempt;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  protected SignInThrottle() {}

  public SignInThrottle(String key, Instant now) {
    this.key = Objects.requireNonNull(key, "key");
    this.windowStart = now;
    this.lastAttempt = now;
  }

  /** The key of a tenant's user name (or {@link #ANY}) at a client address. */
  public static String key(String tenant, String username, String address) {
    return tenant + '\u001f' + username + '\u001f' + address;
  }

  public String key() {
    return key;
  }

  public boolean isBlocked(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  /**
   * Counts a failure; the {@code max}-th within {@code window} blocks the address for {@code
   * block}. While blocked, an attempt (failed or not: it was never checked) prolongs the block.
   */
  public void attempted(Instant now, int max, Duration window, Duration block) {
    lastAttempt = now;
    if (isBlocked(now)) {
      blockedUntil = now.plus(block);
      return;
    }
    if (now.isAfter(windowStart.plus(window))) {
      windowStart = now;
      failures = 0;
    }
    failures++;
    if (failures >= max) {
      blockedUntil = now.plus(block);
      failures = 0;
      windowStart = now;
    }
  }

  public int failures() {
    return failures;
  }
}
