package org.civicportal.audit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.civicportal.audit.boundary.AuditLog;
import org.civicportal.audit.control.AuditFilter;
import org.civicportal.audit.control.Verification;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.tenant.control.CurrentTenant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tenant's hash-chained audit log, for its auditors: entries newest first, and verification.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditLog log;
  @Inject CurrentSubject subjects;

  @GET
  @Operation(summary = "Audit entries, newest first, filtered by action and actor")
  public List<AuditEntrySummary> browse(
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    requireSignedIn();
    AuditAction parsed = null;
    if (action != null && !action.isBlank()) {
      try {
        parsed = AuditAction.valueOf(action.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("action", "Unknown action '" + action + "'");
      }
    }
    AuditFilter filter = new AuditFilter(parsed, blankToNull(actor), null, (Instant) null);
    return log
        .browse(CurrentTenant.code(), filter, number("page", page, 0), number("size", size, 50))
        .stream()
        .map(AuditEntrySummary::of)
        .toList();
  }

  @GET
  @Path("verification")
  @Operation(summary = "Whether the hash chain holds, and the first broken entry if not")
  public Verification verification() {
    requireSignedIn();
    return log.verify(CurrentTenant.code());
  }

  private void requireSignedIn() {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException("Sign in as an auditor.", "Basic realm=\"civic\"");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, name + " must be a whole number");
    }
  }
}
