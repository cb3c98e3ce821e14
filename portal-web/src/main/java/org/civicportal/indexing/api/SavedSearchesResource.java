package org.civicportal.indexing.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.civicportal.indexing.boundary.SavedSearches;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.indexing.entity.SavedSearch;
import org.civicportal.language.api.ContentLanguages;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An employee's saved searches: {name, query} where query is the search's URL parameters; run one
 * to get its results, marked like any search's.
 */
@Path("search/saved")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SavedSearchesResource {
  @Inject SavedSearches saved;

  /** A saved search as listed. */
  public record Saved(long id, String name, String query, Instant createdAt) {
    static Saved of(SavedSearch s) {
      return new Saved(s.id(), s.name(), s.query(), s.createdAt());
    }
  }

  /** What to save. */
  public record NewSaved(String name, String query) {}

  @GET
  @Operation(summary = "The caller's saved searches, by name")
  public List<Saved> mine() {
    return saved.mine().stream().map(Saved::of).toList();
  }

  @POST
  @Operation(summary = "Save a search: {name, query}, e.g. query \"q=bridge&type=document\"")
  public Response save(NewSaved body) {
    SavedSearch s =
        saved.save(body == null ? null : body.name(), body == null ? null : body.query());
    return Response.status(201).entity(Saved.of(s)).build();
  }

  @GET
  @Path("{id: [0-9]+}/results")
  @Operation(
      summary =
          "Run a saved search now: the first page of what it finds, marked with the highest label"
              + " among its hits (body and Classification header)")
  public Response results(
      @PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
    Searches.Results results = saved.results(id, ContentLanguages.requested(lang, headers));
    return Response.ok(SearchResults.of(results))
        .header("Classification", results.classification())
        .build();
  }

  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(summary = "Forget a saved search")
  public Response delete(@PathParam("id") long id) {
    saved.delete(id);
    return Response.noContent().build();
  }
}
