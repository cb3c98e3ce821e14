package org.civicportal.indexing.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.language.api.ContentLanguages;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Full-text search over published content. Totals are exact; snippets are HTML-escaped text with
 * {@code <mark>} around matched words. A blank or over-long {@code q}, an unknown {@code lang} or a
 * bad {@code size} is a 400 problem.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  @Inject Searches searches;

  @GET
  @Operation(summary = "Search published services in one language")
  public Response search(
      @Parameter(description = "Words, \"a phrase\", -excluded, prefix*, a OR b") @QueryParam("q")
          String q,
      @Parameter(description = "en or fr; defaults to Accept-Language") @QueryParam("lang")
          String lang,
      @Parameter(description = "1 to 100, default 10") @QueryParam("size") String size,
      @Context HttpHeaders headers) {
    Searches.Results results =
        searches.search(q, ContentLanguages.requested(lang, headers), parseSize(size));
    return Response.ok(SearchResults.of(results))
        .header("Classification", results.classification())
        .build();
  }

  private static int parseSize(String size) {
    if (size == null || size.isBlank()) {
      return 10;
    }
    try {
      return Integer.parseInt(size.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "size", "size must be a whole number between 1 and " + Searches.MAX_SIZE);
    }
  }
}
