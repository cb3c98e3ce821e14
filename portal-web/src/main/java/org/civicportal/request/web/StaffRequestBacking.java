package org.civicportal.request.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.boundary.Casework;
import org.civicportal.request.boundary.RequestQueues;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.web.BaseUrl;

/**
 * {@code /staff/request?ref=}: one request for its case workers: answers and files, history, the
 * thread with the citizen, internal notes (each with its label, shown only to those cleared for
 * it), the next steps, and assignment. The banner shows the highest label on the page.
 */
@Named
@ViewScoped
public class StaffRequestBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ServiceRequests requests;
  @Inject Casework casework;
  @Inject RequestQueues queues;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments labels;
  @Inject FacesContext faces;
  @Inject HttpServletRequest http;

  private String ref;
  private String note;
  private String noteClassification;
  private String message;
  private String publicNote;
  private String assignee;
  private String team;
  private transient ServiceRequest request;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (requests.find(ref).isEmpty()) {
      faces.getExternalContext().responseSendError(404, "No such request");
      faces.responseComplete();
      return;
    }
    reload();
  }

  private void reload() {
    request = requests.find(ref).orElseThrow(() -> new NoSuchRecordException("gone"));
    List<String> markings = new ArrayList<>();
    markings.add(request.marking());
    requests.thread(request).forEach(m -> markings.add(m.marking()));
    String highest = labels.highest(markings);
    banner.show(highest, labels.label(highest).level());
  }

  public ServiceRequest getRequest() {
    if (request == null) {
      reload();
    }
    return request;
  }

  public String getServiceTitle() {
    return requests.serviceTitle(getRequest(), getRequest().language());
  }

  /** The answers under their questions, as the citizen and the receipt show them. */
  public List<org.civicportal.request.control.RequestReceipt.Receipt.Line> getAnswers() {
    return requests.answerLines(getRequest());
  }

  public List<RequestEvent> getHistory() {
    return requests.history(getRequest());
  }

  public List<RequestMessage> getThread() {
    return requests.thread(getRequest());
  }

  public List<RequestAttachment> getFiles() {
    return requests.files(getRequest());
  }

  public List<String> getNextStates() {
    return getRequest().state().next().stream().map(RequestState::external).toList();
  }

  public boolean isOverdue() {
    return getRequest().overdue(Instant.now());
  }

  public boolean isHandler() {
    return access
        .subject()
        .actsFor(org.civicportal.identity.entity.Role.CASE_WORKER, getRequest().agency());
  }

  public List<String> getCaseWorkers() {
    return queues.caseWorkers(getRequest().agency());
  }

  public void move(String to) {
    act(
        () ->
            casework.move(
                ref, RequestState.ofExternal(to).orElseThrow(), publicNote, BaseUrl.of(http)));
    publicNote = null;
  }

  public void assignToMe() {
    act(() -> casework.assign(ref, access.getName()));
  }

  public void assignToOther() {
    act(() -> casework.assign(ref, assignee));
  }

  public void route() {
    act(() -> casework.route(ref, team));
  }

  public void sendMessage() {
    act(() -> requests.write(ref, message, BaseUrl.of(http)));
    message = null;
  }

  public void addNote() {
    act(() -> casework.note(ref, note, noteClassification));
    note = null;
  }

  private void act(Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException
        | ConflictException
        | NotPermittedException
        | NoSuchRecordException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    reload();
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getNoteClassification() {
    return noteClassification;
  }

  public void setNoteClassification(String noteClassification) {
    this.noteClassification = noteClassification;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getPublicNote() {
    return publicNote;
  }

  public void setPublicNote(String publicNote) {
    this.publicNote = publicNote;
  }

  public String getTeam() {
    return team == null && request != null ? request.team().orElse(null) : team;
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
