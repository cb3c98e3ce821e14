package org.civicportal.document.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.web.StaffAccess;

/** {@code /staff/document?id=}: one document, or "page not found" if the reader may not see it. */
@Named
@RequestScoped
public class ViewDocumentBacking {
  @Inject StaffDocuments documents;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject FacesContext faces;

  private String id;
  private StaffDocument document;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    try {
      document = documents.read(Long.parseLong(id == null ? "" : id)).orElse(null);
    } catch (NumberFormatException e) {
      document = null;
    }
    if (document == null) {
      faces.getExternalContext().responseSendError(404, "No such document");
      faces.responseComplete();
      return;
    }
    banner.show(document.marking(), documents.label(document.marking()).level());
  }

  public List<String> getParagraphs() {
    if (document == null) {
      return List.of();
    }
    return Arrays.stream(document.body().split("\\n\\s*\\n")).map(String::strip).toList();
  }

  public List<org.civicportal.document.entity.DocumentAttachment> getAttachments() {
    return document == null ? List.of() : documents.attachments(document.id());
  }

  public StaffDocument getDocument() {
    return document;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
