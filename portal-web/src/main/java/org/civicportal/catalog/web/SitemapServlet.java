package org.civicportal.catalog.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.persistence.control.PortalSettings;

/**
 * {@code /sitemap.xml} for search engines (sitemaps.org 0.9): the home page, the A to Z list and
 * every published service text of the tenant, each with its other languages as {@code xhtml:link
 * rel="alternate" hreflang} entries and its last change. Addresses start with {@code
 * PORTAL_PUBLIC_URL} when set, else with the scheme and host of the request.
 */
@WebServlet("/sitemap.xml")
public class SitemapServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient PublicServices services;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base = base(request);
    Map<PublicService, List<ServiceTranslation>> byService = new LinkedHashMap<>();
    for (ServiceTranslation t : services.allPublished()) {
      byService.computeIfAbsent(t.service(), k -> new ArrayList<>()).add(t);
    }
    response.setContentType("application/xml");
    response.setCharacterEncoding("UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">");
    out.println("  <url><loc>" + escape(base + "/") + "</loc></url>");
    out.println("  <url><loc>" + escape(base + "/catalogue") + "</loc></url>");
    for (List<ServiceTranslation> texts : byService.values()) {
      for (ServiceTranslation t : texts) {
        out.println("  <url>");
        out.println("    <loc>" + escape(base + "/services/" + t.slug()) + "</loc>");
        out.println(
            "    <lastmod>"
                + DateTimeFormatter.ISO_LOCAL_DATE.format(t.updatedAt().atZone(ZoneOffset.UTC))
                + "</lastmod>");
        for (ServiceTranslation other : texts) {
          out.println(
              "    <xhtml:link rel=\"alternate\" hreflang=\""
                  + other.language()
                  + "\" href=\""
                  + escape(base + "/services/" + other.slug())
                  + "\"/>");
        }
        out.println("  </url>");
      }
    }
    out.println("</urlset>");
  }

  private static String base(HttpServletRequest request) {
    // each tenant answers on its own host names, so the sitemap is for the host asked; the
    // configured public address is used when it names that host (it then knows the scheme a
    // proxy in front of the portal speaks)
    String configured = PortalSettings.current().publicUrl();
    if (configured != null && !configured.isBlank()) {
      try {
        if (request.getServerName().equalsIgnoreCase(java.net.URI.create(configured).getHost())) {
          return configured.replaceAll("/+$", "");
        }
      } catch (IllegalArgumentException ignored) {
        // a malformed setting: fall back to the request's own address
      }
    }
    StringBuilder url = new StringBuilder(request.getScheme()).append("://");
    url.append(request.getServerName());
    int port = request.getServerPort();
    boolean defaultPort =
        "http".equals(request.getScheme()) && port == 80
            || "https".equals(request.getScheme()) && port == 443;
    if (!defaultPort) {
      url.append(':').append(port);
    }
    return url.append(request.getContextPath()).toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
