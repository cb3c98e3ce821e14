package org.civicportal.classification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.SortedSet;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * The current tenant's classification scale, and its one rule tenant admins set: whether records
 * above the lowest level without a releasability caveat go to every nation or only to the tenant's
 * own nationals (the default: release to another nation must be explicit). A change holds for every
 * read path from the moment it commits; it is audited.
 */
@ApplicationScoped
@Transactional
public class Classifications {
  @Inject Tenants tenants;
  @Inject CurrentSubject subjects;
  @Inject AuditTrail audit;

  /** The scale: levels from lowest, compartments, nations, and the rule for unmarked records. */
  public record Scale(
      String nation,
      List<String> levels,
      SortedSet<String> compartments,
      SortedSet<String> nations,
      boolean releasesUnmarked) {}

  /** The scale, for staff only: compartment names are not for the public. */
  public Scale scale() {
    if (subjects.get().clearance().isEmpty()) {
      throw new NotPermittedException("Only staff see the classification scale.");
    }
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    return new Scale(
        scheme.nation(),
        scheme.levels(),
        scheme.compartments(),
        scheme.nations(),
        scheme.releasesUnmarked());
  }

  /** Sets the rule for unmarked records above the lowest level (tenant admins). */
  public Scale releaseUnmarked(boolean releases) {
    Subject admin = subjects.get();
    if (!admin.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins set how unmarked records are released.");
    }
    Tenant tenant = tenants.byCode(CurrentTenant.code()).orElseThrow();
    boolean before = tenant.scheme(tenants.nations()).releasesUnmarked();
    if (before != releases) {
      tenant.releaseUnmarked(releases);
      audit.record(
          CurrentTenant.code(),
          admin.name(),
          AuditAction.ADMIN_ACTION,
          "tenant:" + CurrentTenant.code(),
          releases
              ? "unmarked records above the lowest level released to every nation"
              : "unmarked records above the lowest level kept to own nationals");
    }
    return scale();
  }
}
