package org.civicportal.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civicportal.audit.boundary.AuditLog;
import org.civicportal.audit.control.AuditFilter;
import org.civicportal.audit.control.Verification;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * {@code /staff/audit}: the tenant's audit log for its auditors, newest first, filtered by action
 * and actor, with the result of verifying the hash chain. The banner carries the highest label the
 * entries name.
 */
@Named
@RequestScoped
public class AuditBacking {
  private static final int PAGE_SIZE = 100;

  @Inject AuditLog log;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;

  private String action;
  private String actor;
  private List<AuditEntry> entries = List.of();
  private Verification verification;
  private boolean permitted;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    String tenant = CurrentTenant.code();
    AuditAction chosen = null;
    if (action != null && !action.isBlank()) {
      try {
        chosen = AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        chosen = null;
      }
    }
    try {
      verification = log.verify(tenant);
      entries = log.browse(tenant, new AuditFilter(chosen, actor, null, null), 0, PAGE_SIZE);
      permitted = true;
    } catch (NotPermittedException | InvalidInputException e) {
      permitted = false;
    }
    String highest = documents.highest(markingsNamed(entries));
    banner.show(highest, documents.label(highest).level());
  }

  /**
   * The labels the entries name: what a document read was marked, and both sides of a label change.
   */
  private List<String> markingsNamed(List<AuditEntry> shown) {
    List<String> markings = new ArrayList<>();
    for (AuditEntry entry : shown) {
      String detail = entry.detail();
      if (AuditAction.DOCUMENT_READ.name().equals(entry.actionName())) {
        markings.add(detail);
      } else if (AuditAction.LABEL_CHANGED.name().equals(entry.actionName())) {
        String change = detail.replaceFirst("^declassified ", "").split(": ", 2)[0];
        markings.addAll(Arrays.asList(change.split(" -> ")));
      }
    }
    return markings.stream().filter(this::isMarking).toList();
  }

  private boolean isMarking(String text) {
    try {
      documents.label(text);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  public List<AuditAction> getActions() {
    return List.of(AuditAction.values());
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public List<AuditEntry> getEntries() {
    return entries;
  }

  public Verification getVerification() {
    return verification;
  }

  public boolean isPermitted() {
    return permitted;
  }
}
