package org.civicportal.problem.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.problem.boundary.UnavailableException;

/**
 * The one place where failures become HTTP answers: every exception that leaves a resource is
 * turned into an RFC 9457 {@code application/problem+json} body. Unexpected failures are logged
 * with their stack trace and answered with a 500 that reveals nothing of the server's inside.
 */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  static Problem problem(UriInfo uri, Response.Status status, String detail, String parameter) {
    return Problem.of(status.getStatusCode(), detail, uri.getRequestUri().getRawPath(), parameter);
  }

  /** A boundary refused the input: 400, naming the parameter. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidInputException e) {
      return problem(uri, Response.Status.BAD_REQUEST, e.getMessage(), e.parameter()).toResponse();
    }
  }

  /**
   * JAX-RS's own answers (unknown path 404, wrong method 405, unacceptable type 406...) as
   * problems.
   */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType type = e.getResponse().getStatusInfo();
      Response.Status status = Response.Status.fromStatusCode(type.getStatusCode());
      if (status == null) {
        status = Response.Status.BAD_REQUEST;
      }
      if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
        LOG.log(Level.SEVERE, "Request failed", e);
        return problem(uri, status, "The server could not answer this request.", null).toResponse();
      }
      String detail =
          e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
              ? e.getMessage()
              : status.getReasonPhrase();
      Response.ResponseBuilder builder = Response.status(status);
      e.getResponse()
          .getHeaders()
          .forEach(
              (name, values) -> {
                if ("Allow".equalsIgnoreCase(name) || "WWW-Authenticate".equalsIgnoreCase(name)) {
                  values.forEach(v -> builder.header(name, v));
                }
              });
      return builder.type(Problem.MEDIA_TYPE).entity(problem(uri, status, detail, null)).build();
    }
  }

  /** A body that is not JSON, where the resource reads JSON itself ({@code JsonObject}): 400. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<jakarta.json.JsonException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(jakarta.json.JsonException e) {
      String where = "";
      if (e instanceof JsonParsingException parsing && parsing.getLocation() != null) {
        JsonLocation at = parsing.getLocation();
        where = " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
      }
      return problem(
              uri,
              Response.Status.BAD_REQUEST,
              "The request body is not valid JSON" + where + ".",
              null)
          .toResponse();
    }
  }

  /**
   * A body the resource could not read: not JSON, or JSON of another shape than the record the
   * resource takes ({@code []} or {@code "x"} for an object, a list for a text field). Jersey wraps
   * what the JSON-B reader throws in a {@code ProcessingException}; for every resource it is a 400
   * here, naming the field when the reader says which. Anything else wrapped so is a bug (500).
   */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
    private static final Pattern PROPERTY = Pattern.compile("property '([^']{1,100})'");

    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof WebApplicationException refused) {
          WebApplication answer = new WebApplication();
          answer.uri = uri;
          return answer.toResponse(refused);
        }
        if (cause instanceof JsonParsingException parsing) {
          JsonLocation at = parsing.getLocation();
          String where =
              at == null
                  ? ""
                  : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
          return problem(
                  uri,
                  Response.Status.BAD_REQUEST,
                  "The request body is not valid JSON" + where + ".",
                  null)
              .toResponse();
        }
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof JsonbException || cause instanceof JsonException) {
          Matcher property = PROPERTY.matcher(String.valueOf(cause.getMessage()));
          String field = property.find() ? property.group(1) : null;
          String detail =
              field == null
                  ? "The request body is not the JSON object this resource takes; /openapi"
                      + " describes its fields."
                  : "The field " + field + " does not have the type this resource takes.";
          return problem(uri, Response.Status.BAD_REQUEST, detail, field).toResponse();
        }
      }
      LOG.log(Level.SEVERE, "Unexpected failure answering " + uri.getRequestUri(), e);
      return problem(
              uri,
              Response.Status.INTERNAL_SERVER_ERROR,
              "The server could not answer this request.",
              null)
          .toResponse();
    }
  }

  /** The caller may not do this at all, whatever record it concerns: 403. */
  @Provider
  public static class NotPermitted implements ExceptionMapper<NotPermittedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(NotPermittedException e) {
      return problem(uri, Response.Status.FORBIDDEN, e.getMessage(), null).toResponse();
    }
  }

  /** The record's present state does not allow this action: 409. */
  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConflictException e) {
      return problem(uri, Response.Status.CONFLICT, e.getMessage(), null).toResponse();
    }
  }

  /** The record does not exist for this caller: 404. */
  @Provider
  public static class NoSuchRecord implements ExceptionMapper<NoSuchRecordException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(NoSuchRecordException e) {
      return problem(uri, Response.Status.NOT_FOUND, e.getMessage(), null).toResponse();
    }
  }

  /**
   * Two people changed the same record at once, or a change ran into a uniqueness rule: 409, and
   * nothing was saved. The details stay in the log.
   */
  @Provider
  public static class Persistence
      implements ExceptionMapper<jakarta.persistence.PersistenceException> {
    @Context UriInfo uri;

    Persistence withUri(UriInfo uri) {
      this.uri = uri;
      return this;
    }

    @Override
    public Response toResponse(jakarta.persistence.PersistenceException e) {
      LOG.log(Level.INFO, "A change was refused by the database", e);
      return problem(
              uri,
              Response.Status.CONFLICT,
              "Someone else changed this at the same time, or the change clashes with another"
                  + " record. Nothing was saved; load it again and retry.",
              null)
          .toResponse();
    }
  }

  /**
   * A transaction that could not commit: 409 when the database refused the change (a clash or a
   * concurrent change), else a logged 500.
   */
  @Provider
  public static class Transactional
      implements ExceptionMapper<jakarta.transaction.TransactionalException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(jakarta.transaction.TransactionalException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof jakarta.persistence.PersistenceException
            || cause instanceof jakarta.transaction.RollbackException) {
          return new Persistence()
              .withUri(uri)
              .toResponse(new jakarta.persistence.PersistenceException(e));
        }
      }
      LOG.log(Level.SEVERE, "Unexpected failure answering " + uri.getRequestUri(), e);
      return problem(
              uri,
              Response.Status.INTERNAL_SERVER_ERROR,
              "The server could not answer this request.",
              null)
          .toResponse();
    }
  }

  /** A part of the portal (search, at start-up) is catching up: 503 with a hint to retry. */
  @Provider
  public static class Unavailable implements ExceptionMapper<UnavailableException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(UnavailableException e) {
      return Response.fromResponse(
              problem(uri, Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), null).toResponse())
          .header("Retry-After", "5")
          .build();
    }
  }

  /** Anything else is a bug: logged, and answered without a stack trace. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      LOG.log(Level.SEVERE, "Unexpected failure answering " + uri.getRequestUri(), e);
      return problem(
              uri,
              Response.Status.INTERNAL_SERVER_ERROR,
              "The server could not answer this request.",
              null)
          .toResponse();
    }
  }
}
