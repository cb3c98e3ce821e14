package org.civicportal.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.boundary.Accounts.SignIn;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.Role;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * How callers prove who they are: HTTP Basic on any request (scripts, tests), or a sign-in that
 * then lives in the session (browsers). Credentials are checked against the accounts of the tenant
 * the host name selects, so one tenant's password never opens another tenant's portal. Every
 * failure counts toward the account's lockout, whichever path it came by; the session id changes at
 * sign-in.
 */
@AutoApplySession
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {
  private static final String BASIC = "Basic ";

  @Inject Tenants tenants;
  @Inject Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<UsernamePasswordCredential> credential = credential(request, context);
    if (credential.isEmpty()) {
      return context.doNothing();
    }
    Optional<String> tenant = tenants.codeForHost(request.getServerName());
    if (tenant.isEmpty()) {
      return context.responseUnauthorized();
    }
    UsernamePasswordCredential c = credential.get();
    String username = c.getCaller();
    SignIn outcome;
    Optional<Account> account;
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant.get())) {
      outcome = accounts.signIn(username, c.getPassword().getValue());
      account = outcome == SignIn.SUCCEEDED ? accounts.byUsername(username) : Optional.empty();
    }
    if (account.isEmpty()) {
      if (!isBasic(request)) {
        // the sign-in page says what went wrong; the page itself is not unauthorised
        return AuthenticationStatus.SEND_FAILURE;
      }
      response.setHeader(
          "WWW-Authenticate", "Basic realm=\"" + tenant.get() + "\", charset=\"UTF-8\"");
      return context.responseUnauthorized();
    }
    if (request.getSession(false) != null) {
      // a new session id at sign-in, so an id planted before it is worth nothing after
      request.changeSessionId();
    }
    Set<String> groups =
        account.get().roles().stream().map(Role::external).collect(Collectors.toSet());
    return context.notifyContainerAboutLogin(username, groups);
  }

  private static Optional<UsernamePasswordCredential> credential(
      HttpServletRequest request, HttpMessageContext context) {
    if (context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential form) {
      return Optional.of(form);
    }
    if (!isBasic(request)) {
      return Optional.empty();
    }
    String encoded = request.getHeader("Authorization").substring(BASIC.length()).strip();
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.of(new UsernamePasswordCredential("", ""));
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.of(new UsernamePasswordCredential("", ""));
    }
    return Optional.of(
        new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  private static boolean isBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
  }
}
