package org.civicportal.problem.web;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the container sends every error it answers itself (web.xml error pages): an address under {@code
 * /api/} gets an RFC 9457 problem, so an API client never sees HTML; anything else gets the portal's
 * accessible error page.
 */
@WebServlet("/errors/*")
public class ErrorPages extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    if (path.startsWith(request.getContextPath() + "/api/")) {
      writeProblem(response, status, path);
      return;
    }
    response.setStatus(status);
    String page = status >= 500 ? "500" : "404";
    request.getRequestDispatcher("/WEB-INF/errorpages/" + page + ".xhtml").forward(request, response);
  }

  private static void writeProblem(HttpServletResponse response, int status, String path) throws IOException {
    String title = status == 404 ? "Not Found" : status >= 500 ? "Internal Server Error" : "Bad Request";
    String detail =
        status == 404
            ? "There is nothing at this address. The API describes itself at /openapi."
            : status >= 500 ? "The server could not answer this request." : "The request could not be understood.";
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", path)
                .build()
                .toString());
  }
}
