package org.civicportal.document.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;

/** {@code /staff/new-document}: write a document, labelled at most at the writer's clearance. */
@Named
@ViewScoped
public class NewDocumentBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffDocuments documents;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject FacesContext faces;

  private String title;
  private String body;
  private String agency;
  private String classification;

  public void load() throws IOException {
    if (access.signedIn()) {
      lowestBanner();
    }
  }

  public void create() throws IOException {
    lowestBanner();
    try {
      StaffDocument created = documents.create(agency, "en", title, body, classification);
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/staff/document?id="
                  + created.id());
    } catch (InvalidInputException e) {
      String field =
          "classification".equals(e.parameter()) ? "documentForm:classification" : "documentForm";
      faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (NotPermittedException e) {
      faces.addMessage(
          "documentForm", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private void lowestBanner() {
    String lowest = documents.highest(List.of());
    banner.show(lowest, 0);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getClassification() {
    return classification;
  }

  public void setClassification(String classification) {
    this.classification = classification;
  }
}
