package org.civicportal.catalog.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.civicportal.catalog.boundary.Imports;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bulk imports of services for tenant admins: {@code POST} a JSON Lines ({@code
 * application/x-ndjson}) or CSV ({@code text/csv}) file and get a job id at once (202); {@code GET}
 * the job for its progress and, once done, its report. The format is in {@code docs/import.md}.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {
  static final String NDJSON = "application/x-ndjson";

  @Inject Imports imports;
  @Inject CurrentSubject subjects;

  @POST
  @Consumes({NDJSON, "application/jsonl", "application/json-lines", "text/csv"})
  @Operation(summary = "Start an import of services (tenant admins); answers 202 with {id}")
  public Response start(InputStream body, @Context HttpHeaders headers, @Context UriInfo uri)
      throws IOException {
    requireSignedIn();
    MediaType type = headers.getMediaType();
    ImportJob.Format format =
        type != null && type.isCompatible(MediaType.valueOf("text/csv"))
            ? ImportJob.Format.CSV
            : ImportJob.Format.JSON_LINES;
    byte[] bytes = body.readNBytes(Imports.MAX_CHARS * 2 + 1);
    if (bytes.length > Imports.MAX_CHARS * 2) {
      throw new InvalidInputException("file", "The file is too large; split it.");
    }
    ImportJob job = imports.start(format, utf8(bytes));
    return Response.accepted(new Started(job.id(), job.state().external(), job.total()))
        .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
        .build();
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "An import's progress and report")
  public Report get(@PathParam("id") long id) {
    requireSignedIn();
    return imports
        .find(id)
        .map(Report::of)
        .orElseThrow(() -> new NotFoundException("No import with id " + id + "."));
  }

  @GET
  @Operation(summary = "The latest imports, newest first")
  public List<Report> recent() {
    requireSignedIn();
    return imports.recent(20).stream().map(Report::of).toList();
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("file", "The file is not UTF-8 text; save it as UTF-8.");
    }
  }

  private void requireSignedIn() {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException("Sign in as a tenant admin.", "Basic realm=\"civic\"");
    }
  }

  /** A job that was just queued. */
  public record Started(long id, String state, int total) {}

  /** A job's progress and report. */
  public record Report(
      long id,
      String format,
      String state,
      int total,
      int processed,
      int percent,
      int created,
      int updated,
      int unchanged,
      List<Rejected> rejected,
      String failure,
      String createdBy,
      Instant createdAt,
      Instant finishedAt) {
    static Report of(ImportJob job) {
      return new Report(
          job.id(),
          job.format().external(),
          job.state().external(),
          job.total(),
          job.processed(),
          job.percent(),
          job.created(),
          job.updated(),
          job.unchanged(),
          job.rejected().stream().map(r -> new Rejected(r.line(), r.reason())).toList(),
          job.failure().orElse(null),
          job.createdBy(),
          job.createdAt(),
          job.finishedAt().orElse(null));
    }
  }

  /** A line that was not imported. */
  public record Rejected(int line, String reason) {}
}
