package org.civicportal.document.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;

/**
 * {@code /staff/edit-document?id=}: edit a document the employee may read. The label may stay or
 * rise; an attempt to lower it is refused with a message and loses nothing typed.
 */
@Named
@ViewScoped
public class EditDocumentBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject StaffDocuments documents;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject FacesContext faces;

  private String id;
  private String title;
  private String body;
  private String classification;
  private String shownMarking;
  private transient jakarta.servlet.http.Part file;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    StaffDocument document = find();
    if (document == null) {
      faces.getExternalContext().responseSendError(404, "No such document");
      faces.responseComplete();
      return;
    }
    title = document.title();
    body = document.body();
    classification = document.marking();
    shownMarking = document.marking();
    showBanner();
  }

  public void save() throws IOException {
    showBanner();
    try {
      if (documents.update(Long.parseLong(id), title, body, classification).isEmpty()) {
        faces.getExternalContext().responseSendError(404, "No such document");
        faces.responseComplete();
        return;
      }
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath() + "/staff/document?id=" + id);
    } catch (InvalidInputException e) {
      faces.addMessage(
          "editForm:classification",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (NotPermittedException e) {
      faces.addMessage(
          "editForm", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  /** Attaches the chosen file; its text becomes searchable under the document's label. */
  public void attach() throws IOException {
    showBanner();
    if (file == null || file.getSize() == 0) {
      faces.addMessage(
          "fileForm:file",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text("document.noFile"), null));
      return;
    }
    byte[] bytes;
    try (java.io.InputStream in = file.getInputStream()) {
      bytes = in.readAllBytes();
    }
    try {
      if (documents.attach(Long.parseLong(id), file.getSubmittedFileName(), bytes).isEmpty()) {
        faces.getExternalContext().responseSendError(404, "No such document");
        faces.responseComplete();
        return;
      }
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath() + "/staff/document?id=" + id);
    } catch (InvalidInputException | NotPermittedException e) {
      faces.addMessage(
          "fileForm:file", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private static String text(String key) {
    return org.civicportal.web.Messages.text(key);
  }

  public jakarta.servlet.http.Part getFile() {
    return file;
  }

  public void setFile(jakarta.servlet.http.Part file) {
    this.file = file;
  }

  private StaffDocument find() {
    try {
      return documents.read(Long.parseLong(id == null ? "" : id)).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void showBanner() {
    if (shownMarking != null) {
      banner.show(shownMarking, documents.label(shownMarking).level());
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
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

  public String getClassification() {
    return classification;
  }

  public void setClassification(String classification) {
    this.classification = classification;
  }
}
