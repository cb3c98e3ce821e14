package org.civicportal.sync.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;

/**
 * {@code /staff/field}: the offline field app. The page itself holds no record (the script fills it
 * from the browser's own store, filled through the sync API), so it is marked at the lowest level;
 * each record the script shows carries its own portion mark.
 */
@Named
@RequestScoped
public class FieldBacking {
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;
  @Inject org.civicportal.tenant.boundary.Tenants tenants;

  /** The tenant's levels, lowest first, for the script to mark what it shows. */
  public String getLevels() {
    return String.join(
        "|", tenants.scheme(org.civicportal.tenant.control.CurrentTenant.code()).levels());
  }

  public void load() throws IOException {
    if (access.signedIn()) {
      banner.show(documents.highest(List.of()), 0);
    }
  }
}
