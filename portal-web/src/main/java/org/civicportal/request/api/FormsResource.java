package org.civicportal.request.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.request.boundary.ServiceRequests;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The online form of a published service, for apps that build their own request pages. */
@Path("forms")
@Produces(MediaType.APPLICATION_JSON)
public class FormsResource {
  @Inject ServiceRequests requests;

  @GET
  @Path("{service}")
  @Operation(summary = "The form a request of this published service answers (by service code)")
  public Response form(@PathParam("service") String service) {
    ServiceRequests.Requestable r =
        requests
            .requestable(service, "en")
            .orElseThrow(() -> new NoSuchRecordException("No published service " + service + "."));
    return Response.ok(r.form().toJson()).build();
  }
}
