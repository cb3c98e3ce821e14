package org.civicportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.entity.Account;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The current tenant's accounts and signing in. Passwords are stored as PBKDF2 hashes only. A
 * failed sign-in is counted in the same transaction whatever the sign-in path, and five in a row
 * lock the account for fifteen minutes; a locked account is refused even with the right password.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Accounts {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Pbkdf2PasswordHash passwords;
  @Inject AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** The outcome of a sign-in attempt. */
  public enum SignIn {
    SUCCEEDED,
    FAILED,
    LOCKED
  }

  public Optional<Account> byUsername(String username) {
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** Checks a username and password, counting failures against the account. */
  public SignIn signIn(String username, char[] password) {
    if (username == null || username.isBlank()) {
      // no account has an empty name; nothing to count or audit, and the same time as a check
      verify(password, DUMMY_HASH);
      return SignIn.FAILED;
    }
    Optional<Account> found = byUsername(username);
    Instant now = clock.instant();
    if (found.isEmpty()) {
      // Spend the same time as a real check, so response times do not tell which usernames exist.
      verify(password, DUMMY_HASH);
      audit.record(tenant(), username, AuditAction.LOGIN_FAILED, "account:" + username, "unknown");
      return SignIn.FAILED;
    }
    Account account = found.get();
    if (account.isLocked(now)) {
      audit.record(tenant(), username, AuditAction.LOGIN_FAILED, "account:" + username, "locked");
      return SignIn.LOCKED;
    }
    if (verify(password, account.passwordHash())) {
      if (account.kind() == Account.Kind.CITIZEN && !account.emailVerified()) {
        audit.record(
            tenant(),
            username,
            AuditAction.LOGIN_FAILED,
            "account:" + username,
            "e-mail not verified");
        return SignIn.FAILED;
      }
      account.succeededLogin();
      audit.record(tenant(), username, AuditAction.LOGIN, "account:" + username, "");
      return SignIn.SUCCEEDED;
    }
    account.failedLogin(now);
    boolean locked = account.isLocked(now);
    audit.record(
        tenant(),
        username,
        AuditAction.LOGIN_FAILED,
        "account:" + username,
        locked ? "wrong password; account locked" : "wrong password");
    return locked ? SignIn.LOCKED : SignIn.FAILED;
  }

  private boolean verify(char[] password, String hash) {
    try {
      return passwords.verify(password, hash);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static String tenant() {
    return CurrentTenant.code();
  }

  /** A PBKDF2 hash of the password, for a new account. */
  public String hash(char[] password) {
    return passwords.generate(password);
  }

  public Account create(Account account) {
    em.persist(account);
    return account;
  }

  public boolean hasAny() {
    return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult() > 0;
  }

  private static final String DUMMY_HASH =
      "PBKDF2WithHmacSHA256:210000:"
          + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:"
          + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
