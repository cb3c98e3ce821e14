package org.civicportal.problem.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every JSON body the API reads, whatever the resource, is at most {@link #MAX_BYTES} long (413
 * beyond) and nested at most {@link #MAX_DEPTH} arrays or objects deep (400 beyond), checked before
 * any JSON reader sees it. No resource takes anything near either limit: records are flat, a sync
 * push is three levels deep, a service form five.
 */
@Provider
public class JsonBodyLimits implements ReaderInterceptor {
  static final int MAX_BYTES = 8 * 1024 * 1024;
  static final int MAX_DEPTH = 64;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null && isJson(type.getType(), type.getSubtype())) {
      try {
        context.setInputStream(new ByteArrayInputStream(checked(context.getInputStream())));
      } catch (Refused e) {
        throw new WebApplicationException(e.getMessage(), e.status);
      }
    }
    return context.proceed();
  }

  static boolean isJson(String type, String subtype) {
    return "application".equalsIgnoreCase(type)
        && subtype != null
        && ("json".equalsIgnoreCase(subtype)
            || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /** A body over a limit, with the status that says which. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Response.Status status;

    Refused(Response.Status status, String detail) {
      super(detail, null, false, false);
      this.status = status;
    }
  }

  /** The whole body, read while counting its length and the nesting outside strings. */
  static byte[] checked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (body.size() + n > MAX_BYTES) {
        throw refused(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "The request body is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
      }
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
          }
        } else if (b == '"') {
          inString = true;
        } else if (b == '[' || b == '{') {
          if (++depth > MAX_DEPTH) {
            throw refused(
                Response.Status.BAD_REQUEST,
                "The request body nests arrays or objects more than " + MAX_DEPTH + " deep.");
          }
        } else if (b == ']' || b == '}') {
          depth--;
        }
      }
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }

  private static Refused refused(Response.Status status, String detail) {
    return new Refused(status, detail);
  }
}
