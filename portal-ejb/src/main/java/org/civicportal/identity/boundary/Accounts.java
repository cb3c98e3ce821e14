package org.civicportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.RecentSignIns;
import org.civicportal.identity.control.SignInThrottles;
import org.civicportal.identity.entity.Account;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The current tenant's accounts and signing in. Passwords are stored as PBKDF2 hashes only. Failed
 * sign-ins are counted per client address, whatever the sign-in path ({@link SignInThrottles}): a
 * guesser's address is refused for a while, never the account, so nobody can lock its owner out.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Accounts {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Pbkdf2PasswordHash passwords;
  @Inject AuditTrail audit;
  @Inject SignInThrottles throttles;
  @Inject RecentSignIns recent;

  /** How a sign-in came: a person at the sign-in page, or a script sending a password per call. */
  public enum Via {
    PAGE,
    SCRIPT
  }

  /** The outcome of a sign-in attempt: LOCKED when the client's address is refused for now. */
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

  /**
   * Checks a username and password from a client address. Failures are counted against that address
   * ({@link SignInThrottles}); while the address is refused, the password is not even checked.
   */
  public SignIn signIn(String username, char[] password, String address, Via via) {
    String tenant = tenant();
    if (!throttles.admits(tenant, username, address)) {
      audit.record(
          tenant, username, AuditAction.LOGIN_FAILED, "account:" + username, refused(address));
      return SignIn.LOCKED;
    }
    Optional<Account> found = byUsername(username);
    if (found.isEmpty()) {
      // Spend the same time as a real check, so response times do not tell which usernames exist.
      verify(password, DUMMY_HASH);
      return failed(username, address, "unknown");
    }
    Account account = found.get();
    if (!verify(password, account.passwordHash())) {
      return failed(username, address, "wrong password");
    }
    if (account.kind() == Account.Kind.CITIZEN && !account.emailVerified()) {
      audit.record(
          tenant,
          username,
          AuditAction.LOGIN_FAILED,
          "account:" + username,
          "e-mail not verified" + from(address));
      return SignIn.FAILED;
    }
    throttles.succeeded(tenant, username, address);
    if (via == Via.PAGE || recent.firstInAWhile(tenant, username, address, Instant.now())) {
      audit.record(
          tenant,
          username,
          AuditAction.LOGIN,
          "account:" + username,
          (via == Via.SCRIPT ? "password sent by a script" : "signed in") + from(address));
    }
    return SignIn.SUCCEEDED;
  }

  private SignIn failed(String username, String address, String why) {
    String tenant = tenant();
    try {
      throttles.failed(tenant, username, address);
    } catch (RuntimeException firstRowRace) {
      // two first failures at once both inserted the row; the second attempt finds it
      throttles.failed(tenant, username, address);
    }
    audit.record(
        tenant, username, AuditAction.LOGIN_FAILED, "account:" + username, why + from(address));
    return SignIn.FAILED;
  }

  private static String from(String address) {
    return address.isEmpty() ? "" : " from " + address;
  }

  private static String refused(String address) {
    return "too many failed attempts" + from(address) + "; not checked";
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
