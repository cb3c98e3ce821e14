package org.civicportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.ApiToken;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * API tokens: a signed-in person makes revocable, expiring tokens for their scripts, read-only or
 * not, instead of sending their password with every call. A token is shown once; only its SHA-256
 * is kept, so a copy of the database opens nothing. People see and revoke their own tokens; tenant
 * admins see and revoke every token of the tenant. A token cannot make or revoke tokens. Issuing
 * and revoking are audited; using a token is not a sign-in and is not audited per call.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class ApiTokens {
  /** How every token starts, so the sign-in code tells it from other bearer tokens (devices). */
  public static final String PREFIX = "cpt_";

  public static final int DEFAULT_DAYS = 90;
  public static final int MAX_DAYS = 366;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject SecurityContext security;
  @Inject AuditTrail audit;
  @Inject Accounts accounts;

  Clock clock = Clock.systemUTC();

  /** A token just made: its record, and the secret, which is never shown again. */
  public record Issued(ApiToken token, String secret) {}

  /** Who a live token acts for, and what it may do. */
  public record Use(long token, String owner, ApiToken.Scope scope, Account account) {}

  /**
   * Makes a token for the signed-in caller.
   *
   * @param days how long it lives, 1 to {@value #MAX_DAYS}; null for {@value #DEFAULT_DAYS}
   */
  public Issued issue(String name, ApiToken.Scope scope, Integer days) {
    Subject subject = requirePerson();
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new InvalidInputException("name", "Name the token (1 to 100 characters).");
    }
    if (scope == null) {
      throw new InvalidInputException("scope", "Choose read (GET only) or write.");
    }
    int lifetime = days == null ? DEFAULT_DAYS : days;
    if (lifetime < 1 || lifetime > MAX_DAYS) {
      throw new InvalidInputException(
          "expiresInDays", "A token lives from 1 to " + MAX_DAYS + " days.");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            subject.name(),
            name.strip(),
            hash(secret),
            secret.substring(0, PREFIX.length() + 4),
            scope,
            now,
            now.plus(Duration.ofDays(lifetime)));
    em.persist(token);
    em.flush();
    audit.record(
        CurrentTenant.code(),
        subject.name(),
        AuditAction.TOKEN_ISSUED,
        "api-token:" + token.id(),
        token.name() + ", " + scope + ", expires " + token.expiresAt());
    return new Issued(token, secret);
  }

  /** The caller's own tokens, newest first, revoked and expired ones included. */
  public List<ApiToken> mine() {
    Subject subject = requirePerson();
    return em.createNamedQuery(ApiToken.OF_OWNER, ApiToken.class)
        .setParameter("owner", subject.name())
        .getResultList();
  }

  /** Every token of the tenant, for its admins. */
  public List<ApiToken> all() {
    Subject subject = requirePerson();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins see everyone's tokens.");
    }
    return em.createNamedQuery(ApiToken.ALL, ApiToken.class).getResultList();
  }

  /**
   * Revokes one of the caller's tokens, or (a tenant admin) anyone's. Revoking twice is harmless.
   */
  public ApiToken revoke(long id) {
    Subject subject = requirePerson();
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null
        || !(token.owner().equals(subject.name()) || subject.has(Role.TENANT_ADMIN))) {
      throw new NoSuchRecordException("No token " + id + ".");
    }
    if (token.revokedAt().isEmpty()) {
      token.revoke(subject.name(), clock.instant());
      audit.record(
          CurrentTenant.code(),
          subject.name(),
          AuditAction.TOKEN_REVOKED,
          "api-token:" + id,
          token.name() + " of " + token.owner());
    }
    return token;
  }

  /**
   * The live token this secret names in the current tenant, with its owner's account as it is now;
   * empty for anything else (unknown, revoked, expired, its owner gone).
   */
  public Optional<Use> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> found =
        em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", hash(secret))
            .getResultStream()
            .findFirst()
            .filter(t -> t.isLive(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Optional<Account> owner = accounts.byUsername(token.owner());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    token.used(now);
    return Optional.of(new Use(token.id(), token.owner(), token.scope(), owner.get()));
  }

  private Subject requirePerson() {
    Subject subject = subjects.get();
    if (!subject.isSignedIn()) {
      throw new NotPermittedException("Sign in to manage API tokens.");
    }
    if (security.getCallerPrincipal() instanceof TenantCaller caller && caller.viaToken()) {
      throw new NotPermittedException(
          "An API token cannot manage tokens: sign in with your password to do that.");
    }
    return subject;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
