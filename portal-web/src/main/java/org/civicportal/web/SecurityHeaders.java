package org.civicportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of the portal carries, pages and API alike, and the attributes of every
 * cookie it sets. First of all filters (for requests and for the container's error pages), so that
 * nothing the portal answers goes without them; {@link HardenedResponse} does the work.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: the policy of {@code web.xml}'s {@code
 *       primefaces.CSP_POLICY}. On Faces pages PrimeFaces sends it with the page's script nonce
 *       appended; every other answer gets it as written, allowing scripts from the portal's own
 *       origin only, never inline (PDFs go without: see {@link HardenedResponse}).
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (other sites
 *       learn nothing of the address a reader came from, and same-origin form posts keep their
 *       {@code Origin}, which {@code CrossSiteFilter} checks), {@code X-Frame-Options: DENY} beside
 *       the policy's {@code frame-ancestors 'none'}.
 *   <li>{@code Strict-Transport-Security} when the browser used HTTPS, directly or to a trusted
 *       proxy ({@link ForwardedRequest}); never over plain HTTP, where it would mean nothing.
 *   <li>Cookies: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} when the browser used
 *       HTTPS, including the container's session cookie.
 * </ul>
 */
@WebFilter(filterName = "SecurityHeaders")
public class SecurityHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The policy PrimeFaces sends with Faces pages (it appends the nonce to the last directive). */
  static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

  /** Used only if {@code web.xml} names no policy. */
  static final String FALLBACK_POLICY =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'; script-src 'self'";

  private String policy = FALLBACK_POLICY;

  @Override
  public void init() {
    String configured = getServletContext().getInitParameter(POLICY_PARAMETER);
    if (configured != null && !configured.isBlank()) {
      policy = configured.strip();
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HardenedResponse hardened =
        new HardenedResponse(request, response, ForwardedRequest.of(request).secure(), policy);
    chain.doFilter(request, hardened);
    hardened.beforeCommit();
  }
}
