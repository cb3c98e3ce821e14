package org.civicportal.indexing.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.civicportal.indexing.boundary.IndexRebuilds;
import org.civicportal.indexing.control.RebuildProgress;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The search index's full rebuild, for tenant admins: start it, and watch it go. */
@Path("index/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {
  @Inject IndexRebuilds rebuilds;

  @POST
  @Operation(summary = "Rebuild the search index in the background (202); searches keep answering")
  public Response start() {
    return Response.accepted(rebuilds.start()).build();
  }

  @GET
  @Operation(summary = "Where the rebuild stands: state, done, total, percent")
  public RebuildProgress.Snapshot status() {
    return rebuilds.status();
  }
}
