package org.civicportal.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/** The government whose portal this page belongs to, for the page template. */
@Named("portalTenant")
@RequestScoped
public class TenantBacking {
  @Inject Tenants tenants;

  private Tenant tenant;

  public String getName() {
    if (tenant == null) {
      tenant = tenants.byCode(CurrentTenant.code()).orElseThrow();
    }
    return tenant.name();
  }
}
