package org.civicportal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the portal as the caller reached it (scheme, host, port, context path), for links
 * in mails: each tenant answers on its own host, so the link goes back to the same tenant. {@code
 * PORTAL_PUBLIC_URL} replaces it when it names the same host (a proxy in front).
 */
public final class BaseUrl {
  private BaseUrl() {}

  public static String of(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    String own =
        url.substring(0, url.length() - request.getRequestURI().length())
            + request.getContextPath();
    // behind a proxy the configured public address says how citizens reach this same host
    String configured = org.civicportal.persistence.control.PortalSettings.current().publicUrl();
    if (!configured.isBlank()) {
      java.net.URI uri = java.net.URI.create(configured);
      if (request.getServerName().equalsIgnoreCase(uri.getHost())) {
        return configured.endsWith("/")
            ? configured.substring(0, configured.length() - 1)
            : configured;
      }
    }
    return own;
  }
}
