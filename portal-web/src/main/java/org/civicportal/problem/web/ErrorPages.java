package org.civicportal.problem.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.civicportal.problem.api.Problem;

/**
 * Where the container sends every error it answers itself (web.xml error pages): an address under
 * {@code /api} gets an RFC 9457 problem, so an API client never sees HTML; anything else gets the
 * portal's accessible error page for that kind of error.
 */
@WebServlet("/errors/*")
public class ErrorPages extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (response.isCommitted()) {
      // the page already started answering; the status is sent, nothing more can be said
      return;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String api = request.getContextPath() + "/api";
    response.setStatus(status);
    if (path.equals(api) || path.startsWith(api + "/")) {
      response.setContentType(Problem.MEDIA_TYPE.toString());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(JSONB.toJson(Problem.of(status, detail(status), path, null)));
      return;
    }
    request
        .getRequestDispatcher("/WEB-INF/errorpages/" + page(status) + ".xhtml")
        .forward(request, response);
  }

  static String page(int status) {
    return switch (status) {
      case 403, 404 -> String.valueOf(status);
      default -> status >= 500 ? "500" : "400";
    };
  }

  private static String detail(int status) {
    if (status == 404) {
      return "There is nothing at this address. The API describes itself at /openapi.";
    }
    if (status == 403) {
      return "This request was refused.";
    }
    return status >= 500
        ? "The server could not answer this request."
        : "The request could not be understood.";
  }
}
