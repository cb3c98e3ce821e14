package org.civicportal.request.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.civicportal.form.control.AnswerError;
import org.civicportal.form.control.AnswerText;
import org.civicportal.form.control.Answers;
import org.civicportal.form.control.FileTypes;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.form.control.Question;
import org.civicportal.form.control.QuestionType;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.request.boundary.RequestDrafts;
import org.civicportal.request.boundary.RequestQueues;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.control.RequestWriter;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestDraft;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.ServiceRequest;

/**
 * The citizen's request pages: one question per page ({@code /requests/form}), the answers to check
 * ({@code /requests/check}), the confirmation ({@code /requests/done}), "my requests" ({@code
 * /requests/mine}) and one request ({@code /requests/view} signed in, {@code /requests/track} by a
 * guest's secret link). Their forms post to {@link RequestFormServlet}.
 */
@Named
@RequestScoped
public class RequestPages {
  static final String CSRF = "civic.requests.csrf";
  static final String FLASH = "civic.requests.flash";
  static final String FLASH_BODY = "civic.requests.flashBody";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject RequestDrafts drafts;
  @Inject ServiceRequests requests;
  @Inject RequestQueues queues;
  @Inject CurrentSubject subjects;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;
  @Inject HttpServletRequest http;

  private String draftToken;
  private String step;
  private String error;
  private String ref;
  private String token;

  private RequestDraft draft;
  private ServiceRequests.Requestable service;
  private List<Question> asked = List.of();
  private Question question;
  private int index;
  private ServiceRequest request;
  private String flash;
  private String flashBody;

  // ---- loading ----

  /** {@code /requests/form}: the draft's question at this step. */
  public void loadForm() throws IOException {
    if (!loadDraft()) {
      return;
    }
    if (isEmailStep()) {
      return;
    }
    try {
      index = Integer.parseInt(step == null ? "0" : step);
    } catch (NumberFormatException e) {
      index = 0;
    }
    if (index < 0 || index >= asked.size()) {
      index = 0;
    }
    question = asked.get(index);
  }

  public void loadCheck() throws IOException {
    loadDraft();
  }

  private boolean loadDraft() throws IOException {
    Optional<RequestDraft> found = drafts.find(draftToken);
    if (found.isEmpty() || found.get().requestId().isPresent()) {
      if (found.isPresent()) {
        // submitted already (a back button, a second tab): show what it became
        redirect("/requests/mine");
      } else {
        notFound();
      }
      return false;
    }
    draft = found.get();
    service = drafts.service(draft);
    asked = service.form().asked(draft.answers());
    return true;
  }

  /** {@code /requests/done}, {@code /requests/view} and {@code /requests/track}. */
  public void loadRequest() throws IOException {
    Optional<ServiceRequest> found;
    if (token != null && !token.isBlank()) {
      found = requests.findByToken(token);
    } else {
      if (!subjects.get().isSignedIn()) {
        redirect(
            "/login?next="
                + URLEncoder.encode("/requests/view?ref=" + ref, StandardCharsets.UTF_8));
        return;
      }
      found = requests.find(ref);
    }
    if (found.isEmpty()) {
      notFound();
      return;
    }
    request = found.get();
    HttpSession session = http.getSession(true);
    if (session.getAttribute(CSRF) == null) {
      session.setAttribute(CSRF, RequestWriter.token());
    }
    flash = (String) session.getAttribute(FLASH);
    flashBody = (String) session.getAttribute(FLASH_BODY);
    session.removeAttribute(FLASH);
    session.removeAttribute(FLASH_BODY);
  }

  /** {@code /requests/mine}: sign in first. */
  public void loadMine() throws IOException {
    if (!subjects.get().isSignedIn()) {
      redirect("/login?next=%2Frequests%2Fmine");
    }
  }

  private void redirect(String path) throws IOException {
    ExternalContext external = faces.getExternalContext();
    external.redirect(external.getRequestContextPath() + path);
    faces.responseComplete();
  }

  private void notFound() throws IOException {
    faces.getExternalContext().responseSendError(404, "Not found");
    faces.responseComplete();
  }

  // ---- the form ----

  public boolean isEmailStep() {
    return RequestFormServlet.EMAIL_STEP.equals(step);
  }

  public String getServiceTitle() {
    return service == null ? "" : service.title();
  }

  public Question getQuestion() {
    return question;
  }

  public int getIndex() {
    return index;
  }

  public int getNumber() {
    return index + 1;
  }

  public int getCount() {
    return asked.size();
  }

  public String getLabel() {
    return question.labelIn(language.getCode());
  }

  public String getHint() {
    return question.hintIn(language.getCode());
  }

  public String getType() {
    return question.type().external();
  }

  public boolean isRequired() {
    return question.required();
  }

  /** The answer as typed (saved even when it did not pass its check). */
  public String getValue() {
    return draft.answers().first(question.code());
  }

  public List<Choice> getChoices() {
    List<String> chosen = draft.answers().get(question.code());
    List<Choice> choices = new ArrayList<>();
    if (question.type() == QuestionType.YES_NO) {
      choices.add(new Choice("yes", text("form.yes"), chosen.contains("yes") ? "checked" : null));
      choices.add(new Choice("no", text("form.no"), chosen.contains("no") ? "checked" : null));
    }
    for (Question.Option o : question.options()) {
      choices.add(
          new Choice(
              o.value(),
              o.labelIn(language.getCode()),
              chosen.contains(o.value()) ? "checked" : null));
    }
    return choices;
  }

  /** An option of a choice question; {@code checked} is "checked" or null (no attribute). */
  public record Choice(String value, String label, String checked) {}

  public boolean isFailed() {
    return error != null && !error.isBlank();
  }

  /** The error of this page, in the page's language. */
  public String getErrorMessage() {
    if (!isFailed()) {
      return null;
    }
    if ("email".equals(error)) {
      return text("form.error.email");
    }
    if ("file".equals(error)) {
      Object message = http.getSession(true).getAttribute("civic.fileError." + draftToken);
      return message == null ? text("form.error.file") : message.toString();
    }
    if (question == null) {
      return null;
    }
    Optional<AnswerError> e = service.form().check(question, draft.answers());
    return e.map(this::message).orElse(null);
  }

  private String message(AnswerError e) {
    return new MessageFormat(text(e.key()), language.getLocale()).format(e.args().toArray());
  }

  public List<RequestAttachment> getFiles() {
    return drafts.files(draftToken).stream()
        .filter(f -> question == null || f.question().equals(question.code()))
        .toList();
  }

  /** What the form takes, e.g. "PDF, JPEG, PNG, up to 10 MB". */
  public String getFileRules() {
    FormDefinition form = service.form();
    List<String> kinds = form.fileTypes().stream().map(FileTypes::name).toList();
    return new MessageFormat(text("form.fileRules"), language.getLocale())
        .format(
            new Object[] {
              String.join(", ", kinds),
              String.format(Locale.ROOT, "%.0f", form.maxFileBytes() / (1024.0 * 1024.0))
            });
  }

  public String getEmail() {
    return draft.email().orElse("");
  }

  public String getBackUrl() {
    if (isEmailStep()) {
      return "form?draft="
          + draftToken
          + "&step="
          + RequestFormServlet.lastIndex(service.form(), draft);
    }
    return index == 0 ? null : "form?draft=" + draftToken + "&step=" + (index - 1);
  }

  public boolean isGuest() {
    return !subjects.get().isSignedIn();
  }

  // ---- check your answers ----

  /** One row of the check page. */
  public record Row(String question, List<String> answer, String changeUrl) {}

  public List<Row> getRows() {
    List<Row> rows = new ArrayList<>();
    Answers answers = draft.answers();
    List<RequestAttachment> files = drafts.files(draftToken);
    for (int i = 0; i < asked.size(); i++) {
      Question q = asked.get(i);
      rows.add(
          new Row(
              q.labelIn(language.getCode()),
              shown(q, answers, files),
              "form?draft=" + draftToken + "&step=" + i));
    }
    return rows;
  }

  private List<String> shown(Question q, Answers answers, List<RequestAttachment> files) {
    List<String> shown =
        new ArrayList<>(
            AnswerText.of(
                q,
                answers.get(q.code()),
                language.getCode(),
                v ->
                    files.stream()
                        .filter(f -> Long.toString(f.id()).equals(v))
                        .findFirst()
                        .map(RequestAttachment::fileName)
                        .orElse(v),
                v -> text("yes".equals(v) ? "form.yes" : "form.no")));
    if (shown.isEmpty()) {
      shown.add(text("form.notAnswered"));
    }
    return shown;
  }

  // ---- one request ----

  public ServiceRequest getRequest() {
    return request;
  }

  public String getRequestServiceTitle() {
    return requests.serviceTitle(request, language.getCode());
  }

  public String stateName(String external) {
    return text("request.state." + external);
  }

  public String getStateName() {
    return stateName(request.state().external());
  }

  /** The answers under their questions, as on the receipt. */
  public List<org.civicportal.request.control.RequestReceipt.Receipt.Line> getAnswerLines() {
    return requests.answerLines(request);
  }

  public List<RequestEvent> getHistory() {
    return requests.history(request).stream().filter(RequestEvent::isStateChange).toList();
  }

  public List<RequestMessage> getMessages() {
    return requests.thread(request).stream().filter(m -> !m.isNote()).toList();
  }

  public List<RequestAttachment> getRequestFiles() {
    return requests.files(request);
  }

  public boolean isWithdrawable() {
    return token == null && request.state().withdrawable() && request.assignee().isEmpty();
  }

  public String getCsrf() {
    return (String) http.getSession(true).getAttribute(CSRF);
  }

  public String getFlash() {
    return flash;
  }

  public String getFlashBody() {
    return flashBody;
  }

  public String getReceiptUrl() {
    return token != null && !token.isBlank()
        ? "receipt?token=" + token
        : "receipt?ref=" + request.reference();
  }

  public String getFollowUrl() {
    return token != null && !token.isBlank()
        ? "track?token=" + token
        : "view?ref=" + request.reference();
  }

  /** A request not sent yet: its service, when it was last saved, where to go on. */
  public record Unsent(String service, Instant savedAt, String url) {}

  public List<Unsent> getUnsent() {
    List<Unsent> unsent = new ArrayList<>();
    for (RequestDraft d : drafts.mine()) {
      try {
        unsent.add(
            new Unsent(
                drafts.service(d).title(), d.updatedAt(), "form?draft=" + d.token() + "&step=0"));
      } catch (org.civicportal.problem.boundary.NoSuchRecordException e) {
        // the service is no longer offered: nothing to resume
      }
    }
    return unsent;
  }

  public List<ServiceRequest> getMine() {
    return queues.visible(RequestQueues.Filter.none());
  }

  public String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  private String text(String key) {
    return ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key);
  }

  // ---- view parameters ----

  public String getDraft() {
    return draftToken;
  }

  public void setDraft(String draft) {
    this.draftToken = draft;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
