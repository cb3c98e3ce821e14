package org.civicportal.tenant.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.tenant.boundary.Branding;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tenant's branding: its name, primary colour and logo. Anyone may read it; tenant admins
 * change it. A colour failing WCAG AA contrast is a 400 problem naming {@code primaryColour}.
 */
@Path("tenant/branding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrandingResource {
  @Inject Branding branding;
  @Inject CurrentSubject subjects;

  @GET
  @Operation(
      summary = "The tenant's primary colour, the text colour on it, and whether it has a logo")
  public View get() {
    return View.of(branding.name(), branding.look());
  }

  @PUT
  @Operation(
      summary =
          "Set the name (when sent), the primary colour (#rrggbb; null for the default) and, when"
              + " logo is sent, the logo"
              + " (base64 PNG, JPEG or WebP; empty string removes it) (tenant admins)")
  public View put(Change change) {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException("Sign in as a tenant admin.", "Basic realm=\"civic\"");
    }
    if (change == null) {
      throw new InvalidInputException("body", "Send {primaryColour, logo?}.");
    }
    byte[] logo = null;
    if (change.logo() != null && !change.logo().isEmpty()) {
      try {
        logo = Base64.getDecoder().decode(change.logo().strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("logo", "The logo must be base64-encoded.");
      }
    }
    branding.brand(change.name(), change.primaryColour(), logo, change.logo() == null);
    return get();
  }

  /** A branding change. */
  public record Change(String name, String primaryColour, String logo) {}

  /** The branding as the API shows it. */
  public record View(String name, String primaryColour, String textColour, boolean logo) {
    static View of(String name, Branding.Look look) {
      return new View(name, look.colour(), look.textColour(), look.hasLogo());
    }
  }
}
