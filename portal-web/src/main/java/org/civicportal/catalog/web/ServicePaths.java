package org.civicportal.catalog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Gives services readable addresses: {@code /services/apply-for-a-passport} is served by {@code
 * services/view.xhtml} with the slug as a parameter; {@code /services} itself leads to the list on
 * the home page.
 */
@WebFilter(urlPatterns = "/services/*")
public class ServicePaths extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "/services/";
  static final String VIEW = "/services/view.xhtml";

  static String of(String contextPath, String slug) {
    return contextPath + PREFIX + slug;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // servlet path and path info are decoded and normalised by the container, unlike the request
    // URI
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    String slug = path.substring(PREFIX.length());
    if (slug.contains("/") || slug.endsWith(".xhtml")) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    String target =
        VIEW
            + "?slug="
            + URLEncoder.encode(slug, StandardCharsets.UTF_8)
            + (query == null ? "" : "&" + query);
    request.getRequestDispatcher(target).forward(request, response);
  }
}
