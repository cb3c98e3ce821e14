package org.civicportal.request.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.boundary.Casework;
import org.civicportal.request.boundary.RequestQueues;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;

/**
 * {@code /staff/requests}: the work queue of the case worker's agencies (filters, assign to self or
 * another, in bulk, CSV export) with the agency dashboard, all over what the policy lets them see.
 */
@Named
@ViewScoped
public class StaffRequestsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject RequestQueues queues;
  @Inject Casework casework;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments labels;
  @Inject FacesContext faces;

  private String state;
  private String agency;
  private boolean unassigned;
  private boolean overdue;
  private String assignee;
  private String team;
  private final Map<String, Boolean> selected = new LinkedHashMap<>();
  private transient List<ServiceRequest> queue;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    refresh();
  }

  private RequestQueues.Filter filter() {
    Optional<RequestState> s =
        state == null || state.isBlank() ? Optional.empty() : RequestState.ofExternal(state);
    return new RequestQueues.Filter(
        agency == null || agency.isBlank() ? Optional.empty() : Optional.of(agency),
        s,
        Optional.empty(),
        unassigned,
        overdue,
        Optional.empty(),
        team == null || team.isBlank() ? Optional.empty() : Optional.of(team.strip()));
  }

  private void refresh() {
    queue = queues.visible(filter());
    banner.show(
        labels.highest(queue.stream().map(ServiceRequest::marking).toList()),
        queue.stream().mapToInt(ServiceRequest::levelRank).max().orElse(0));
  }

  public void apply() {
    refresh();
  }

  public void assignToMe() {
    assign(access.getName());
  }

  public void assignToOther() {
    assign(assignee);
  }

  private void assign(String to) {
    List<String> refs = new ArrayList<>();
    selected.forEach(
        (ref, on) -> {
          if (Boolean.TRUE.equals(on)) {
            refs.add(ref);
          }
        });
    if (refs.isEmpty()) {
      error("requests.noneSelected");
      refresh();
      return;
    }
    try {
      int n = casework.assignAll(refs, to);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              new java.text.MessageFormat(
                      text("requests.assigned"), faces.getViewRoot().getLocale())
                  .format(new Object[] {Integer.toString(n), to}),
              null));
      selected.clear();
    } catch (InvalidInputException
        | ConflictException
        | NotPermittedException
        | NoSuchRecordException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    refresh();
  }

  private void error(String key) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
  }

  private static String text(String key) {
    return org.civicportal.web.Messages.text(key);
  }

  public List<ServiceRequest> getQueue() {
    if (queue == null) {
      refresh();
    }
    return queue;
  }

  public boolean overdue(ServiceRequest r) {
    return r.overdue(Instant.now());
  }

  public RequestQueues.Dashboard getDashboard() {
    return queues.dashboard(filter());
  }

  /** Bars of the per-week chart, with their share of the largest week (for their width). */
  public record Bar(String label, long count, long percent) {}

  public List<Bar> getWeeks() {
    return bars(getDashboard().perWeek());
  }

  public List<Bar> getStates() {
    return bars(getDashboard().byState());
  }

  private static List<Bar> bars(Map<String, Long> counts) {
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    List<Bar> bars = new ArrayList<>();
    counts.forEach((k, v) -> bars.add(new Bar(k, v, Math.max(1, v * 100 / max))));
    return bars;
  }

  public List<String> getAgencies() {
    return List.copyOf(access.subject().agencies());
  }

  public List<String> getStateNames() {
    return java.util.Arrays.stream(RequestState.values()).map(RequestState::external).toList();
  }

  public List<String> getCaseWorkers() {
    List<String> names = new ArrayList<>();
    for (String a : access.subject().agencies()) {
      for (String n : queues.caseWorkers(a)) {
        if (!names.contains(n)) {
          names.add(n);
        }
      }
    }
    return names;
  }

  /** The CSV export of the current filters, through the API (the session signs it in). */
  public String getExportUrl() {
    StringBuilder url = new StringBuilder("../api/v1/requests/export.csv?x=1");
    if (state != null && !state.isBlank()) {
      url.append("&state=").append(state);
    }
    if (agency != null && !agency.isBlank()) {
      url.append("&agency=").append(agency);
    }
    if (unassigned) {
      url.append("&unassigned=true");
    }
    if (overdue) {
      url.append("&overdue=true");
    }
    if (team != null && !team.isBlank()) {
      url.append("&team=")
          .append(
              java.net.URLEncoder.encode(team.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  public Map<String, Boolean> getSelected() {
    return selected;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public boolean isUnassigned() {
    return unassigned;
  }

  public void setUnassigned(boolean unassigned) {
    this.unassigned = unassigned;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public void setOverdue(boolean overdue) {
    this.overdue = overdue;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }
}
