package org.civicportal.tenant.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.civicportal.tenant.boundary.Branding;

/**
 * The current tenant's logo at {@code /brand/logo}. Addresses carry the branding version, so the
 * image may be cached for a long time; it is served as an image that cannot run script.
 */
@WebServlet("/brand/logo")
public class LogoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient Branding branding;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Branding.Logo> logo = branding.logo();
    if (logo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(logo.get().type());
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setContentLength(logo.get().bytes().length);
    response.getOutputStream().write(logo.get().bytes());
  }
}
