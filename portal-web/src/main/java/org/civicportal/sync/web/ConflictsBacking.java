package org.civicportal.sync.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.sync.boundary.Sync;
import org.civicportal.sync.entity.SyncConflict;
import org.civicportal.web.BaseUrl;
import org.civicportal.web.Messages;

/**
 * {@code /staff/conflicts}: the edits one's devices made on a stale version, beside the record as
 * it is now; keep either. The page is marked with the highest label it shows.
 */
@Named
@RequestScoped
public class ConflictsBacking {
  @Inject Sync sync;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;
  @Inject HttpServletRequest request;

  private List<Sync.Conflict> conflicts;

  public void load() throws IOException {
    if (access.signedIn()) {
      mark();
    }
  }

  public List<Sync.Conflict> getConflicts() {
    if (conflicts == null) {
      conflicts = sync.conflicts();
    }
    return conflicts;
  }

  /** A field of one side, as text. */
  public String field(Map<String, Object> data, String key) {
    Object value = data == null ? null : data.get(key);
    return value == null ? "" : value.toString();
  }

  public String keepServer(long id) {
    return resolve(id, SyncConflict.Resolution.KEEP_SERVER, "conflicts.keptServer");
  }

  public String keepDevice(long id) {
    return resolve(id, SyncConflict.Resolution.KEEP_DEVICE, "conflicts.keptDevice");
  }

  private String resolve(long id, SyncConflict.Resolution resolution, String done) {
    try {
      sync.resolve(id, resolution, BaseUrl.of(request));
      Messages.info(Messages.text(done));
    } catch (InvalidInputException | ConflictException | NoSuchRecordException e) {
      Messages.error(e.getMessage());
    }
    conflicts = null;
    mark();
    return null;
  }

  private void mark() {
    String highest =
        documents.highest(getConflicts().stream().map(c -> c.kept().marking()).toList());
    banner.show(highest, documents.label(highest).level());
  }
}
