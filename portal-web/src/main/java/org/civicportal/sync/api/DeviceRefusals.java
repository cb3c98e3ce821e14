package org.civicportal.sync.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicportal.problem.api.Problem;
import org.civicportal.sync.boundary.DeviceRefusedException;

/**
 * A device token that does not open sync, as a problem: 401 (unknown token, with a Bearer
 * challenge), 403 (suspended, or silent beyond the grace period), or 410 Gone for a wiped device,
 * with the extension member {@code "instruction": "wipe"} telling it to erase what it holds.
 */
@Provider
public class DeviceRefusals implements ExceptionMapper<DeviceRefusedException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(DeviceRefusedException e) {
    int status =
        switch (e.reason()) {
          case UNKNOWN -> 401;
          case SUSPENDED, STALE -> 403;
          case WIPED -> 410;
        };
    Problem p = Problem.of(status, e.getMessage(), uri.getRequestUri().getRawPath(), null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", p.type());
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.detail());
    body.put("instance", p.instance());
    body.put("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
    if (e.reason() == DeviceRefusedException.Reason.WIPED) {
      body.put("instruction", "wipe");
    }
    Response.ResponseBuilder r =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(body)
            .header("Cache-Control", "no-store");
    if (status == 401) {
      r.header("WWW-Authenticate", "Bearer realm=\"sync\"");
    }
    return r.build();
  }
}
