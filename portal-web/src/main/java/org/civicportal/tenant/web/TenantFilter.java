package org.civicportal.tenant.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Chooses the tenant of every request from its host name (the default tenant for a host nobody
 * claims) and makes it the current tenant while the request, its forwards and its error pages run.
 * Without any tenant the portal answers 503: there is nothing it could show.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class TenantFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject Tenants tenants;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (CurrentTenant.isSet()) {
      // a forward or error dispatch inside a request that already has its tenant
      chain.doFilter(request, response);
      return;
    }
    Optional<String> tenant = tenants.codeForHost(request.getServerName());
    if (tenant.isEmpty()) {
      response.sendError(
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "No government is set up on this portal yet.");
      return;
    }
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant.get())) {
      chain.doFilter(request, response);
    }
  }
}
