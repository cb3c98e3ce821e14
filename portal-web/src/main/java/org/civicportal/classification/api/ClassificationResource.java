package org.civicportal.classification.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicportal.classification.boundary.Classifications;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's classification scale, and the rule for unmarked records that tenant admins set. */
@Path("classification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassificationResource {
  @Inject Classifications classifications;

  /** Whether unmarked records above the lowest level go to every nation. */
  public record UnmarkedRelease(Boolean releasable) {}

  @GET
  @Operation(summary = "The tenant's levels (lowest first), compartments, nations and release rule")
  public Classifications.Scale scale() {
    return classifications.scale();
  }

  @PUT
  @Path("unmarked-release")
  @Operation(
      summary =
          "Tenant admins: {releasable: true} releases unmarked records above the lowest level to"
              + " every nation; false (the default) keeps them to the tenant's own nationals")
  public Classifications.Scale unmarkedRelease(UnmarkedRelease body) {
    if (body == null || body.releasable() == null) {
      throw new InvalidInputException("releasable", "Send {releasable: true} or false.");
    }
    return classifications.releaseUnmarked(body.releasable());
  }
}
