package org.civicportal.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * A visitor's choices that outlive the session (language, contrast): one cookie each, for a year,
 * on the portal's path, unreadable to scripts and not sent by other sites' requests.
 */
public final class PreferenceCookies {
  static final int ONE_YEAR = 60 * 60 * 24 * 365;

  private PreferenceCookies() {}

  /** Remembers a choice with the response being rendered. */
  public static void remember(HttpServletRequest request, String name, String value) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null) {
      return;
    }
    faces
        .getExternalContext()
        .addResponseCookie(
            name,
            value,
            Map.of(
                "path",
                request.getContextPath().isEmpty() ? "/" : request.getContextPath(),
                "maxAge",
                ONE_YEAR,
                "httpOnly",
                true,
                "SameSite",
                "Lax"));
  }

  /** The remembered choice, if the visitor has one. */
  public static Optional<String> read(HttpServletRequest request, String name) {
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (name.equals(cookie.getName())) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
