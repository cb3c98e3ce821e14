package org.civicportal.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.boundary.Accounts.SignIn;
import org.civicportal.identity.boundary.ApiTokens;
import org.civicportal.identity.boundary.TenantCaller;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.ApiToken;
import org.civicportal.identity.entity.Role;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.web.ForwardedRequest;

/**
 * How callers prove who they are, in the tenant the host name selects:
 *
 * <ul>
 *   <li>a person signs in on the sign-in page, and the sign-in then lives in the session — which
 *       belongs to that tenant: sent to another tenant's host it is worth nothing there;
 *   <li>a script sends an API token ({@code Authorization: Bearer cpt_...}): no password hash and
 *       no session per call; a read-only token may only read;
 *   <li>or a script sends a password with every call (HTTP Basic): checked each time, no session.
 * </ul>
 *
 * <p>Credentials are checked against the accounts of the request's tenant only, so one tenant's
 * password never opens another tenant's portal. Failed passwords are throttled per client address
 * whatever the path; the session id changes at sign-in.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {
  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";

  /** The session attribute holding who signed in, and to which tenant. */
  static final String SIGNED_IN = "civic.signedIn";

  /** Who signed in to a session: a user of one tenant, with the groups they had then. */
  record SessionSignIn(TenantCaller caller, Set<String> groups) implements Serializable {
    private static final long serialVersionUID = 1L;

    SessionSignIn {
      groups = Set.copyOf(groups);
    }
  }

  @Inject Tenants tenants;
  @Inject Accounts accounts;
  @Inject ApiTokens tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<String> tenant = tenants.codeForHost(request.getServerName());
    Optional<String> token = apiToken(request);
    if (token.isPresent()) {
      return tenant.isEmpty()
          ? context.responseUnauthorized()
          : withToken(tenant.get(), token.get(), request, response, context);
    }
    Optional<UsernamePasswordCredential> credential = credential(request, context);
    if (credential.isEmpty()) {
      return fromSession(request, context, tenant);
    }
    if (tenant.isEmpty()) {
      return context.responseUnauthorized();
    }
    return withPassword(tenant.get(), credential.get(), request, response, context);
  }

  private AuthenticationStatus withPassword(
      String tenant,
      UsernamePasswordCredential credential,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    String username = credential.getCaller();
    boolean script = isBasic(request);
    Optional<Account> account;
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
      SignIn outcome =
          accounts.signIn(
              username,
              credential.getPassword().getValue(),
              // the connection's address, or a trusted proxy's word for the client's
              ForwardedRequest.of(request).clientAddress(),
              script ? Accounts.Via.SCRIPT : Accounts.Via.PAGE);
      account = outcome == SignIn.SUCCEEDED ? accounts.byUsername(username) : Optional.empty();
    }
    if (account.isEmpty()) {
      if (!script) {
        // the sign-in page says what went wrong; the page itself is not unauthorised
        return AuthenticationStatus.SEND_FAILURE;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + tenant + "\", charset=\"UTF-8\"");
      return context.responseUnauthorized();
    }
    Set<String> groups = groups(account.get());
    TenantCaller caller = new TenantCaller(tenant, username);
    if (!script) {
      // a person's sign-in lives in the session; a script's call makes none
      if (request.getSession(false) != null) {
        // a new session id at sign-in, so an id planted before it is worth nothing after
        request.changeSessionId();
      }
      request.getSession(true).setAttribute(SIGNED_IN, new SessionSignIn(caller, groups));
    }
    return context.notifyContainerAboutLogin(caller, groups);
  }

  private AuthenticationStatus withToken(
      String tenant,
      String secret,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    Optional<ApiTokens.Use> use;
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
      use = tokens.authenticate(secret);
    }
    if (use.isEmpty()) {
      response.setHeader(
          "WWW-Authenticate",
          "Bearer realm=\""
              + tenant
              + "\", error=\"invalid_token\","
              + " error_description=\"unknown, expired or revoked token\"");
      return context.responseUnauthorized();
    }
    if (use.get().scope() == ApiToken.Scope.READ && !isSafe(request.getMethod())) {
      return refuse(response, context, "This API token may only read (GET).");
    }
    return context.notifyContainerAboutLogin(
        TenantCaller.byToken(tenant, use.get().owner(), use.get().token()),
        groups(use.get().account()));
  }

  /** The caller a session names, if it was made on this request's tenant; else nobody. */
  private static AuthenticationStatus fromSession(
      HttpServletRequest request, HttpMessageContext context, Optional<String> tenant) {
    HttpSession session = request.getSession(false);
    if (session == null || tenant.isEmpty()) {
      return context.doNothing();
    }
    if (session.getAttribute(SIGNED_IN) instanceof SessionSignIn signedIn
        && signedIn.caller().tenant().equals(tenant.get())) {
      return context.notifyContainerAboutLogin(signedIn.caller(), signedIn.groups());
    }
    return context.doNothing();
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                  + detail
                  + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static Set<String> groups(Account account) {
    return account.roles().stream().map(Role::external).collect(Collectors.toSet());
  }

  private static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /** An API token in the Authorization header; other bearer tokens (devices') are not ours. */
  private static Optional<String> apiToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = header.substring(BEARER.length()).strip();
    return token.startsWith(ApiTokens.PREFIX) ? Optional.of(token) : Optional.empty();
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
