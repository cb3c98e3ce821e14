package org.civicportal.problem.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code parameter} is an extension member naming the request parameter
 * at fault, when there is one.
 */
@JsonbNillable(false)
public record Problem(
    String type, String title, int status, String detail, String instance, String parameter) {
  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  /** A problem of the standard kind for this status, titled by its reason phrase. */
  public static Problem of(int status, String detail, String instance, String parameter) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
    return new Problem("about:blank", title, status, detail, instance, parameter);
  }

  Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
