package org.civicportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.civicportal.identity.control.Mailer;
import org.civicportal.identity.entity.Account;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.tenant.control.TenantBound;

/**
 * Citizens of the current tenant creating their own accounts: register, prove the e-mail address
 * with a link, and reset a forgotten password. Tokens are random, single-use, expire, and are
 * stored only as hashes. A reset request answers the same whether or not the address is known, so
 * it reveals no account.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Registrations {
  static final String VERIFY = "verify";
  static final String RESET = "reset";
  private static final Duration VERIFY_FOR = Duration.ofHours(24);
  private static final Duration RESET_FOR = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Accounts accounts;
  @Inject Mailer mailer;
  @Inject Pbkdf2PasswordHash passwords;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates an unverified citizen account and mails the verification link ({@code
   * baseUrl}/verify?token=).
   */
  public void register(String username, String email, String password, String baseUrl) {
    requirePassword(password);
    if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
      throw new InvalidInputException("email", "Enter an e-mail address like name@example.org.");
    }
    if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,79}")) {
      throw new InvalidInputException(
          "username", "Use 2 to 80 lower-case letters, digits, dots, hyphens or underscores.");
    }
    if (accounts.byUsername(username).isPresent() || byEmail(email).isPresent()) {
      throw new InvalidInputException(
          "username", "This username or e-mail address is already registered.");
    }
    Account account = Account.citizen(username, email, passwords.generate(password.toCharArray()));
    String token = token();
    account.issueToken(hash(token), VERIFY, clock.instant().plus(VERIFY_FOR));
    em.persist(account);
    em.flush();
    mailer.send(
        email,
        "Confirm your e-mail address",
        "Hello "
            + username
            + ",\n\nConfirm your e-mail address to finish creating your account:\n\n"
            + baseUrl
            + "/verify?token="
            + token
            + "\n\nThe link works once, for 24 hours. If you did not ask for an account, ignore this e-mail.\n");
  }

  /**
   * Confirms the address behind a verification link; false if the link is unknown, used or expired.
   */
  public boolean verify(String token) {
    Optional<Account> account = byToken(token, VERIFY);
    if (account.isEmpty() || !account.get().redeemToken(clock.instant())) {
      return false;
    }
    account.get().verifyEmail();
    return true;
  }

  /** Mails a reset link if the address belongs to an account; says nothing either way. */
  public void requestReset(String email, String baseUrl) {
    Optional<Account> account = email == null ? Optional.empty() : byEmail(email.strip());
    if (account.isEmpty()) {
      return;
    }
    String token = token();
    account.get().issueToken(hash(token), RESET, clock.instant().plus(RESET_FOR));
    mailer.send(
        account.get().email(),
        "Reset your password",
        "Hello "
            + account.get().username()
            + ",\n\nChoose a new password here:\n\n"
            + baseUrl
            + "/reset-password?token="
            + token
            + "\n\nThe link works once, for one hour. If you did not ask for it, ignore this e-mail.\n");
  }

  /** Sets a new password through a reset link; false if the link is unknown, used or expired. */
  public boolean resetPassword(String token, String password) {
    requirePassword(password);
    Optional<Account> account = byToken(token, RESET);
    if (account.isEmpty() || !account.get().redeemToken(clock.instant())) {
      return false;
    }
    account.get().changePassword(passwords.generate(password.toCharArray()));
    return true;
  }

  private Optional<Account> byToken(String token, String purpose) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.BY_TOKEN, Account.class)
        .setParameter("hash", hash(token))
        .setParameter("purpose", purpose)
        .getResultStream()
        .findFirst();
  }

  private Optional<Account> byEmail(String email) {
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  private static void requirePassword(String password) {
    if (password == null || password.length() < 12 || password.length() > 200) {
      throw new InvalidInputException("password", "Choose a password of at least 12 characters.");
    }
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
