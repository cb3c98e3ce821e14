package org.civicportal.request.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.control.RequestReceipt;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.web.BaseUrl;

/**
 * {@code /requests/receipt?ref=} (the signed-in citizen or the agency's staff) or {@code ?token=}
 * (a guest's secret link): the request's receipt as a tagged PDF with its classification marking.
 * Anyone else gets 404.
 */
@WebServlet("/requests/receipt")
public class ReceiptServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject ServiceRequests requests;
  @Inject RequestReceipt receipts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String token = request.getParameter("token");
    Optional<ServiceRequest> found =
        token != null && !token.isBlank()
            ? requests.findByToken(token)
            : requests.find(request.getParameter("ref"));
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ServiceRequest r = found.get();
    byte[] pdf = receipts.render(requests.receipt(r, BaseUrl.of(request)));
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition", "inline; filename=\"receipt-" + r.reference() + ".pdf\"");
    response.setHeader("Classification", r.marking());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }
}
