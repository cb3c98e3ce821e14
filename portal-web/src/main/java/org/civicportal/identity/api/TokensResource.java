package org.civicportal.identity.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.civicportal.identity.boundary.ApiTokens;
import org.civicportal.identity.entity.ApiToken;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * API tokens for scripts: a signed-in person makes one ({@code Authorization: Bearer <token>}),
 * lists and revokes theirs; tenant admins list ({@code ?all=true}) and revoke everyone's. A token
 * is shown once, when made. A token cannot manage tokens.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {
  @Inject ApiTokens tokens;

  /** What a new token is for: its name, {@code read} or {@code write}, and its lifetime. */
  public record TokenRequest(String name, String scope, Integer expiresInDays) {}

  /** A token as listed: never the token itself, only its first characters. */
  public record TokenSummary(
      long id,
      String name,
      String owner,
      String scope,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static TokenSummary of(ApiToken t) {
      return new TokenSummary(
          t.id(),
          t.name(),
          t.owner(),
          t.scope().name().toLowerCase(Locale.ROOT),
          t.prefix(),
          t.createdAt(),
          t.expiresAt(),
          t.lastUsedAt().orElse(null),
          t.revokedAt().orElse(null));
    }
  }

  /** A token just made, with the token itself: the only time it is shown. */
  public record IssuedToken(TokenSummary summary, String token) {}

  @GET
  @Operation(summary = "Your API tokens; a tenant admin sees everyone's with all=true")
  public List<TokenSummary> list(@QueryParam("all") boolean all) {
    return (all ? tokens.all() : tokens.mine()).stream().map(TokenSummary::of).toList();
  }

  @POST
  @Operation(
      summary =
          "Make a token: {name, scope: read|write, expiresInDays (1-366, default 90)};"
              + " the token is shown only in this answer")
  public Response issue(TokenRequest request) {
    if (request == null) {
      throw new InvalidInputException("name", "Send {name, scope, expiresInDays}.");
    }
    ApiTokens.Issued issued =
        tokens.issue(request.name(), scope(request.scope()), request.expiresInDays());
    return Response.status(201)
        .entity(new IssuedToken(TokenSummary.of(issued.token()), issued.secret()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(summary = "Revoke a token: it opens nothing from now on")
  public Response revoke(@PathParam("id") long id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }

  private static ApiToken.Scope scope(String name) {
    if ("read".equals(name)) {
      return ApiToken.Scope.READ;
    }
    if ("write".equals(name)) {
      return ApiToken.Scope.WRITE;
    }
    throw new InvalidInputException("scope", "Use read (GET only) or write.");
  }
}
