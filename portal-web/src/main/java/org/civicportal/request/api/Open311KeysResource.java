package org.civicportal.request.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicportal.request.boundary.Open311Keys;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Open311 API keys, for tenant admins: issue (the key is shown once), list, revoke. */
@Path("open311-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class Open311KeysResource {
  @Inject Open311Keys keys;

  /** A key as listed: never the key itself. */
  public record KeySummary(
      long id, String name, String createdBy, Instant createdAt, Instant revokedAt) {}

  @GET
  @Operation(summary = "The tenant's keys (without the keys themselves)")
  public List<KeySummary> list() {
    return keys.all().stream()
        .map(
            k ->
                new KeySummary(
                    k.id(), k.name(), k.createdBy(), k.createdAt(), k.revokedAt().orElse(null)))
        .toList();
  }

  @POST
  @Operation(summary = "Issue a key to a client: {name} → {id, key}; the key is shown only now")
  public Response issue(Map<String, String> body) {
    Open311Keys.Issued issued = keys.issue(body == null ? null : body.get("name"));
    return Response.status(201)
        .entity(Map.of("id", issued.id(), "key", issued.key()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(summary = "Revoke a key: Open311 refuses it from now on")
  public Response revoke(@PathParam("id") long id) {
    keys.revoke(id);
    return Response.noContent().build();
  }
}
