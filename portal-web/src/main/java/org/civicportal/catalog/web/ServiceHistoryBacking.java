package org.civicportal.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.control.RevisionDiff;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.identity.web.StaffAccess;

/**
 * {@code /staff/service-history?id=&from=&to=}: a service's revisions and what changed between two
 * of them (by default the newest and the one before).
 */
@Named
@RequestScoped
public class ServiceHistoryBacking {
  @Inject ServiceEditor editor;
  @Inject StaffAccess access;
  @Inject FacesContext faces;

  private String id;
  private Integer from;
  private Integer to;
  private PublicService service;
  private List<RevisionDiff.Field> diff = List.of();

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    try {
      service = editor.find(Long.parseLong(id == null ? "" : id)).orElse(null);
    } catch (NumberFormatException e) {
      service = null;
    }
    if (service == null) {
      faces.getExternalContext().responseSendError(404, "No such service");
      faces.responseComplete();
      return;
    }
    int latest = service.latest().number();
    if (to == null || service.revision(to).isEmpty()) {
      to = latest;
    }
    if (from == null || service.revision(from).isEmpty()) {
      from = Math.max(1, to - 1);
    }
    ServiceRevision a = service.revision(from).orElseThrow();
    ServiceRevision b = service.revision(to).orElseThrow();
    diff = from.equals(to) ? List.of() : RevisionDiff.between(a, b);
  }

  public PublicService getService() {
    return service;
  }

  public List<RevisionDiff.Field> getDiff() {
    return diff;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer from) {
    this.from = from;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer to) {
    this.to = to;
  }
}
