package org.civicportal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;

/** Staff pages start here: a visitor who is not signed in is sent to sign in and then back. */
@Named
@RequestScoped
public class StaffAccess {
  @Inject CurrentSubject subjects;
  @Inject FacesContext faces;

  private Subject subject;

  /** True when the page may go on; otherwise the response is a redirect to the sign-in page. */
  public boolean signedIn() throws IOException {
    if (subject().isSignedIn()) {
      return true;
    }
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String here = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      here += "?" + request.getQueryString();
    }
    external.redirect(
        external.getRequestContextPath()
            + "/login?next="
            + URLEncoder.encode(here, StandardCharsets.UTF_8));
    faces.responseComplete();
    return false;
  }

  public Subject subject() {
    if (subject == null) {
      subject = subjects.get();
    }
    return subject;
  }

  public String getName() {
    return subject().name();
  }

  public boolean isSignedIn() {
    return subject().isSignedIn();
  }

  /** True for agency editors and reviewers, who work on the catalogue. */
  public boolean isCatalogueStaff() {
    return subject().has(Role.AGENCY_EDITOR) || subject().has(Role.AGENCY_REVIEWER);
  }

  public boolean isCaseWorker() {
    return subject().has(Role.CASE_WORKER);
  }

  public boolean isEditor() {
    return subject().has(Role.AGENCY_EDITOR);
  }

  public boolean isReviewer() {
    return subject().has(Role.AGENCY_REVIEWER);
  }

  public boolean isTenantAdmin() {
    return subject().has(Role.TENANT_ADMIN);
  }

  public boolean isAuditor() {
    return subject().has(Role.AUDITOR);
  }
}
