package org.civicportal.identity.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.problem.api.Problem;
import org.civicportal.web.ForwardedRequest;

/**
 * Other sites cannot act with a visitor's session: every state-changing request (any method but
 * GET, HEAD, OPTIONS and TRACE) must show that it comes from the portal's own pages, on the same
 * origin (scheme, host and port: each tenant is its own origin), or it is refused with 403 before
 * anything runs.
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site} (Fetch Metadata, sent by browsers to HTTPS and localhost addresses)
 *       decides when present: {@code same-origin} or {@code none} (typed by the user) pass; {@code
 *       same-site} and {@code cross-site} are refused, so another tenant's pages are refused too.
 *   <li>Otherwise {@code Origin}, which browsers send with every POST, PUT, PATCH and DELETE, must
 *       be the portal's own origin: the one the browser addressed ({@link ForwardedRequest}, so
 *       behind a trusted proxy its scheme, host and port), or {@code PORTAL_PUBLIC_URL}'s when that
 *       names the same host. {@code null} and any other origin are refused.
 *   <li>A request with neither header comes from a program, not a browser. It passes unless it
 *       carries the session cookie without an {@code Authorization} header: a request that would be
 *       authenticated by the cookie alone must prove where it comes from.
 * </ol>
 *
 * The rules cover signing in and registering as well (a foreign page must not sign a visitor in to
 * an account of its choosing), and scripts that send HTTP Basic or a Bearer token send neither
 * header, so they are not affected. Refusals are RFC 9457 problems under {@code /api}, the portal's
 * error page elsewhere.
 */
@WebFilter(filterName = "CrossSiteFilter")
public class CrossSiteFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CrossSiteFilter.class.getName());

  /** Request attribute set on a refusal, read by the 403 page. */
  static final String CROSS_SITE = "civic.crossSite";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SAFE_METHODS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Set<String> own = ownOrigins(request, PortalSettings.current().publicUrl());
    Optional<String> refusal = refusal(request, own, sessionCookieName(request));
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info(
        () ->
            "Refused "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + " from another site ("
                + refusal.get()
                + "; the portal's own: "
                + String.join(", ", own)
                + ")");
    String path = request.getRequestURI();
    String api = request.getContextPath() + "/api";
    if (path.equals(api) || path.startsWith(api + "/")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(Problem.MEDIA_TYPE.toString());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              Json.JSONB.toJson(
                  Problem.of(
                      HttpServletResponse.SC_FORBIDDEN,
                      "A change made with a browser session must come from the portal's own"
                          + " pages; this one came from another site ("
                          + refusal.get()
                          + "). Scripts sign in with HTTP Basic or a token instead.",
                      path,
                      null)));
      return;
    }
    // the 403 page says why: not a missing role, a change that came from elsewhere
    request.setAttribute(CROSS_SITE, Boolean.TRUE);
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }

  /** Why the request is refused, or nothing when it may go on. */
  static Optional<String> refusal(
      HttpServletRequest request, Set<String> ownOrigins, String sessionCookie) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return Optional.empty();
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none")
          ? Optional.empty()
          : Optional.of("Sec-Fetch-Site: " + site);
    }
    String origin = request.getHeader("Origin");
    if (origin != null) {
      return ownOrigins.contains(origin.strip().toLowerCase(Locale.ROOT))
          ? Optional.empty()
          : Optional.of("Origin: " + origin);
    }
    if (request.getHeader("Authorization") == null && hasCookie(request, sessionCookie)) {
      return Optional.of("a session cookie without Origin or Sec-Fetch-Site");
    }
    return Optional.empty();
  }

  /**
   * The origins a page of this portal has, for this request: the one the browser addressed, and the
   * public address's when it names the same host (a proxy in front that is not trusted to say so).
   */
  static Set<String> ownOrigins(HttpServletRequest request, String publicUrl) {
    ForwardedRequest seen = ForwardedRequest.of(request);
    Set<String> origins = new HashSet<>();
    origins.add(seen.origin());
    if (!publicUrl.isBlank()) {
      try {
        URI uri = URI.create(publicUrl.strip());
        if (uri.getScheme() != null
            && uri.getHost() != null
            && seen.host().equalsIgnoreCase(uri.getHost())) {
          String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
          int port = uri.getPort() < 0 ? ForwardedRequest.defaultPort(scheme) : uri.getPort();
          origins.add(
              scheme
                  + "://"
                  + uri.getHost().toLowerCase(Locale.ROOT)
                  + (port == ForwardedRequest.defaultPort(scheme) ? "" : ":" + port));
        }
      } catch (IllegalArgumentException e) {
        // a malformed public address names no origin
      }
    }
    return origins;
  }

  private static String sessionCookieName(HttpServletRequest request) {
    String name = request.getServletContext().getSessionCookieConfig().getName();
    return name == null || name.isBlank() ? "JSESSIONID" : name;
  }

  private static boolean hasCookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** JSON-B, made at the first refusal (and not in unit tests, which have no provider). */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }
}
