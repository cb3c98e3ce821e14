package org.civicportal.catalog.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.language.api.ContentLanguages;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Published services. Only published services exist for this API; anything else is a 404 problem.
 */
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {
  @Inject PublicServices services;

  @GET
  @Operation(summary = "Published services in one language, by title")
  public List<ServiceSummary> list(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
    return services.published(ContentLanguages.requested(lang, headers)).stream()
        .map(ServiceSummary::of)
        .toList();
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "One published service, in the language of its slug")
  public ServiceDetail get(@PathParam("slug") String slug) {
    return services
        .publishedBySlug(slug)
        .map(ServiceDetail::of)
        .orElseThrow(
            () -> new NotFoundException("No published service has the slug '" + slug + "'."));
  }
}
