package org.civicportal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the portal as the caller reached it (scheme, host, port, context path), for links
 * in mails: each tenant answers on its own host, so the link goes back to the same tenant.
 */
public final class BaseUrl {
  private BaseUrl() {}

  public static String of(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath();
  }
}
