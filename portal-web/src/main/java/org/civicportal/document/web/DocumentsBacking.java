package org.civicportal.document.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.web.StaffAccess;

/** {@code /staff/documents}: the documents the signed-in employee may read, with portion marks. */
@Named
@RequestScoped
public class DocumentsBacking {
  @Inject StaffDocuments documents;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;

  private List<StaffDocument> visible = List.of();

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    visible = documents.visible();
    String highest = documents.highest(visible.stream().map(StaffDocument::marking).toList());
    banner.show(highest, documents.label(highest).level());
  }

  public List<StaffDocument> getDocuments() {
    return visible;
  }
}
