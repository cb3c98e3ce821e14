package org.civicportal.request.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.form.control.AnswerError;
import org.civicportal.form.control.Answers;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.form.control.Question;
import org.civicportal.form.control.QuestionType;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.boundary.RequestDrafts;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.entity.RequestDraft;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.web.BaseUrl;

/**
 * The POSTs of the citizen's request pages, without JSF state: every answer is saved in the draft
 * before it is checked, so neither an error nor an expired session loses what was typed; the
 * draft's secret token in the form is what finds it again (and what a forged cross-site POST would
 * not know). Each POST answers with a redirect (post/redirect/get).
 *
 * <ul>
 *   <li>{@code /requests/start} (service): a new draft, then its first question;
 *   <li>{@code /requests/answer} (draft, step, answer / file, go=back|next|remove-N): one page;
 *   <li>{@code /requests/submit} (draft): the request, then its confirmation;
 *   <li>{@code /requests/act} (ref or token, csrf, action=message|withdraw, body): follow-up.
 * </ul>
 */
@WebServlet(
    urlPatterns = {"/requests/start", "/requests/answer", "/requests/submit", "/requests/act"})
@MultipartConfig(
    maxFileSize = 26L * 1024 * 1024,
    maxRequestSize = 27L * 1024 * 1024,
    fileSizeThreshold = 1024 * 1024)
public class RequestFormServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The step after the last question for guests: their e-mail address. */
  static final String EMAIL_STEP = "email";

  @Inject RequestDrafts drafts;
  @Inject ServiceRequests requests;
  @Inject CurrentSubject subjects;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = request.getServletPath();
    try {
      switch (path) {
        case "/requests/start" -> start(request, response);
        case "/requests/answer" -> answer(request, response);
        case "/requests/submit" -> submit(request, response);
        default -> act(request, response);
      }
    } catch (NoSuchRecordException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (ConflictException e) {
      // the draft was sent already: its answers no longer change
      response.sendError(HttpServletResponse.SC_CONFLICT, e.getMessage());
    } catch (IllegalStateException e) {
      // a file above the container's limit: back to the same question with the reason; the draft
      // holds every earlier answer, and the draft and step come from the address, not the body
      if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("SizeLimit")) {
        Map<String, String> query = query(request);
        String token = query.get("draft");
        if (token == null || drafts.find(token).isEmpty()) {
          response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
          return;
        }
        request
            .getSession(true)
            .setAttribute(
                "civic.fileError." + token,
                "The file is larger than the 25 MB the portal takes; choose a smaller one.");
        redirect(
            request, response, formUrl(token, query.getOrDefault("step", "0")) + "&error=file");
      } else {
        throw e;
      }
    }
  }

  /** The parameters of the address alone, readable even when the body was refused. */
  static Map<String, String> query(HttpServletRequest request) {
    Map<String, String> query = new java.util.HashMap<>();
    String raw = request.getQueryString();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          query.put(
              java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          // a broken escape such as "%zz": the pair is not there, as the container itself skips it
        }
      }
    }
    return query;
  }

  private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String service = request.getParameter("service");
    RequestDraft draft = drafts.start(service, LanguageBacking.of(request));
    redirect(request, response, "/requests/form?draft=" + draft.token() + "&step=0");
  }

  private void answer(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, String> query = query(request);
    String token = query.getOrDefault("draft", request.getParameter("draft"));
    RequestDraft draft = drafts.find(token).orElseThrow(() -> new NoSuchRecordException("draft"));
    FormDefinition form = drafts.service(draft).form();
    String step = query.getOrDefault("step", request.getParameter("step"));
    String go = request.getParameter("go") == null ? "next" : request.getParameter("go");
    if (EMAIL_STEP.equals(step)) {
      String email = request.getParameter("email");
      drafts.save(token, Answers.none(), Optional.of(email == null ? "" : email));
      if ("back".equals(go)) {
        redirect(request, response, formUrl(token, lastIndex(form, draft)));
      } else if (email == null || !ServiceRequests.isEmail(email.strip())) {
        redirect(request, response, formUrl(token, EMAIL_STEP) + "&error=email");
      } else {
        redirect(request, response, "/requests/check?draft=" + token);
      }
      return;
    }
    int index = parseStep(step);
    List<Question> asked = form.asked(draft.answers());
    if (index < 0 || index >= asked.size()) {
      redirect(request, response, formUrl(token, "0"));
      return;
    }
    Question q = asked.get(index);
    String error = null;
    if (q.type() == QuestionType.FILE) {
      if (go.startsWith("remove-")) {
        try {
          drafts.removeFile(token, Long.parseLong(go.substring("remove-".length())));
        } catch (NumberFormatException e) {
          // not a file of this draft: nothing to remove
        }
        redirect(request, response, formUrl(token, Integer.toString(index)));
        return;
      }
      String contentType = request.getContentType() == null ? "" : request.getContentType();
      Part part = contentType.startsWith("multipart/") ? request.getPart("file") : null;
      if (part != null && part.getSize() > 0) {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
          bytes = in.readAllBytes();
        }
        try {
          drafts.attach(token, q.code(), part.getSubmittedFileName(), bytes);
        } catch (InvalidInputException e) {
          error = "file:" + e.getMessage();
        }
      }
    } else {
      String[] values = request.getParameterValues("answer");
      Answers page = Answers.none();
      page.put(q.code(), values == null ? List.of() : List.of(values));
      if (page.get(q.code()).isEmpty()) {
        drafts.clear(token, q.code());
      } else {
        drafts.save(token, page, Optional.empty());
      }
    }
    RequestDraft saved = drafts.find(token).orElseThrow();
    if ("back".equals(go)) {
      redirect(
          request,
          response,
          index == 0
              ? "/requests/form?draft=" + token + "&step=0"
              : formUrl(token, Integer.toString(index - 1)));
      return;
    }
    if (error == null) {
      Optional<AnswerError> invalid = form.check(q, saved.answers());
      if (invalid.isPresent()) {
        error = "answer";
      }
    }
    if (error != null) {
      String url =
          formUrl(token, Integer.toString(index))
              + "&error="
              + (error.equals("answer") ? "answer" : "file");
      if (error.startsWith("file:")) {
        request.getSession(true).setAttribute("civic.fileError." + token, error.substring(5));
      }
      redirect(request, response, url);
      return;
    }
    List<Question> now = form.asked(saved.answers());
    int next = now.indexOf(q) + 1;
    if (next < now.size()) {
      redirect(request, response, formUrl(token, Integer.toString(next)));
    } else if (!subjects.get().isSignedIn()) {
      redirect(request, response, formUrl(token, EMAIL_STEP));
    } else {
      redirect(request, response, "/requests/check?draft=" + token);
    }
  }

  static int lastIndex(FormDefinition form, RequestDraft draft) {
    return Math.max(0, form.asked(draft.answers()).size() - 1);
  }

  private static String formUrl(String token, Object step) {
    return "/requests/form?draft=" + token + "&step=" + step;
  }

  private static int parseStep(String step) {
    try {
      return Integer.parseInt(step);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void submit(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String token = request.getParameter("draft");
    RequestDraft draft = drafts.find(token).orElseThrow(() -> new NoSuchRecordException("draft"));
    FormDefinition form = drafts.service(draft).form();
    List<AnswerError> errors = form.check(form.keepAsked(draft.answers()));
    if (!errors.isEmpty()) {
      List<Question> asked = form.asked(draft.answers());
      int index =
          Math.max(0, asked.indexOf(form.question(errors.get(0).question()).orElse(asked.get(0))));
      redirect(request, response, formUrl(token, Integer.toString(index)) + "&error=answer");
      return;
    }
    ServiceRequest created;
    try {
      created = drafts.submit(token, BaseUrl.of(request));
    } catch (InvalidInputException e) {
      if ("email".equals(e.parameter())) {
        redirect(request, response, formUrl(token, EMAIL_STEP) + "&error=email");
        return;
      }
      redirect(
          request, response, "/requests/check?draft=" + token + "&error=" + enc(e.getMessage()));
      return;
    } catch (NotPermittedException e) {
      redirect(request, response, "/login?next=" + enc("/requests/check?draft=" + token));
      return;
    }
    redirect(
        request,
        response,
        created.citizen().isPresent()
            ? "/requests/done?ref=" + created.reference()
            : "/requests/done?token=" + created.token());
  }

  private void act(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String ref = request.getParameter("ref");
    String token = request.getParameter("token");
    Optional<ServiceRequest> found;
    String back;
    if (token != null && !token.isBlank()) {
      found = requests.findByToken(token);
      back = "/requests/track?token=" + token;
    } else {
      // a signed-in citizen's form carries the session's own secret
      Object csrf = request.getSession(true).getAttribute(RequestPages.CSRF);
      if (csrf == null || !csrf.equals(request.getParameter("csrf"))) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      found = requests.find(ref);
      back = "/requests/view?ref=" + enc(ref == null ? "" : ref);
    }
    ServiceRequest r = found.orElseThrow(() -> new NoSuchRecordException("request"));
    String action = request.getParameter("action");
    try {
      if ("withdraw".equals(action)) {
        if (token != null && !token.isBlank()) {
          response.sendError(HttpServletResponse.SC_FORBIDDEN);
          return;
        }
        requests.withdraw(r.reference());
      } else if (token != null && !token.isBlank()) {
        requests.writeAsGuest(token, request.getParameter("body"), BaseUrl.of(request));
      } else {
        requests.write(r.reference(), request.getParameter("body"), BaseUrl.of(request));
      }
    } catch (InvalidInputException | ConflictException e) {
      request.getSession(true).setAttribute(RequestPages.FLASH, e.getMessage());
      request.getSession().setAttribute(RequestPages.FLASH_BODY, request.getParameter("body"));
    }
    redirect(request, response, back);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    response.sendRedirect(request.getContextPath() + path);
  }

  /** For the pages: the answers of questions of this type as shown in the check page. */
  static List<String> shown(Answers answers, Question q) {
    return new ArrayList<>(answers.get(q.code()));
  }
}
