package org.civicportal.indexing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.indexing.boundary.IndexRebuilds;
import org.civicportal.indexing.control.RebuildProgress;

/** {@code /staff/index}: tenant admins rebuild the search index and watch its progress. */
@Named
@RequestScoped
public class IndexAdminBacking {
  @Inject IndexRebuilds rebuilds;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;

  public void load() throws IOException {
    if (access.signedIn()) {
      banner.show(documents.highest(List.of()), 0);
    }
  }

  public void rebuild() {
    banner.show(documents.highest(List.of()), 0);
    rebuilds.start();
  }

  public RebuildProgress.Snapshot getStatus() {
    return rebuilds.status();
  }
}
