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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.language.api.ContentLanguages;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Full-text search over what the caller may see: published services for everyone, staff documents
 * and service requests for employees, through the classification policy. Totals and facet counts
 * are exact and count nothing the caller may not see; snippets are HTML-escaped text with {@code
 * <mark>} around matched words; {@code nextCursor} fetches the next page with no duplicate and no
 * gap. The body holds no timing, so the same request gives the same body. Bad input is a 400
 * problem.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  @Inject Searches searches;

  @GET
  @Operation(summary = "Search what the caller may see, with facets and cursor paging")
  public Response search(
      @Parameter(description = "Words, \"a phrase\", -excluded, prefix*, a OR b") @QueryParam("q")
          String q,
      @Parameter(description = "en, fr, ar, de or es; defaults to Accept-Language")
          @QueryParam("lang")
          String lang,
      @Parameter(description = "service, document or request; repeat or comma-separate for several")
          @QueryParam("type")
          List<String> type,
      @QueryParam("agency") String agency,
      @QueryParam("category") String category,
      @Parameter(description = "only content in this language") @QueryParam("language")
          String language,
      @Parameter(description = "a level name, e.g. SECRET") @QueryParam("level") String level,
      @Parameter(description = "7d, 30d, 365d or older") @QueryParam("updated") String updated,
      @Parameter(description = "1 to 100, default 10") @QueryParam("size") String size,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "false to leave out the facet counts") @QueryParam("facets")
          String facets,
      @Context HttpHeaders headers) {
    Searches.Results results =
        searches.search(
            new Searches.Request(
                q,
                ContentLanguages.requested(lang, headers),
                types(type),
                agency,
                category,
                language,
                level,
                updated,
                parseSize(size),
                cursor,
                !"false".equalsIgnoreCase(facets)));
    return Response.ok(SearchResults.of(results))
        .header("Classification", results.classification())
        .build();
  }

  @GET
  @Path("suggestions")
  @Operation(summary = "Words completing the last one typed, from what the caller may see")
  public Response suggestions(
      @QueryParam("q") String q, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
    return Response.ok(searches.suggestions(q, ContentLanguages.requested(lang, headers))).build();
  }

  static Set<String> types(List<String> types) {
    Set<String> all = new LinkedHashSet<>();
    if (types != null) {
      for (String t : types) {
        for (String one : t.split(",")) {
          if (!one.isBlank()) {
            String name = one.strip();
            if (!List.of("service", "document", "request").contains(name)) {
              throw new InvalidInputException(
                  "type", "Unknown type " + name + "; use service, document or request.");
            }
            all.add(name);
          }
        }
      }
    }
    return all;
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
