package org.civicportal.request.open311;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicportal.form.control.Answers;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.form.control.Question;
import org.civicportal.form.control.QuestionType;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.boundary.Open311Keys;
import org.civicportal.request.boundary.RequestQueues;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.control.Submission;
import org.civicportal.request.entity.RequestChannel;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;
import org.civicportal.web.BaseUrl;

/**
 * Open311 GeoReport v2 at {@code /open311/v2} (discovery also at {@code /open311/discovery}):
 * discovery, services, service definitions, requests (list, one, POST) and tokens, each as {@code
 * .json} or {@code .xml}. {@code jurisdiction_id} names the tenant (its code or one of its host
 * names; the host's tenant when absent). A POST needs an {@code api_key} a tenant admin issued.
 *
 * <p>Who sees which request: the spec lets anyone list requests, but ours hold what citizens told a
 * government, so a request is shown only to those the clearance policy lets see it — the client
 * whose key submitted it, the signed-in citizen who made it (HTTP Basic, on the tenant's own host),
 * and the agency's case workers. For anyone else a list is empty and a request is not found (404).
 * {@code status_notes} carry only the public notes of state changes, never internal notes.
 */
@WebServlet({"/open311/v2/*", "/open311/discovery.json", "/open311/discovery.xml"})
public class Open311Servlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(Open311Servlet.class.getName());
  private static final Pattern PATH =
      Pattern.compile("/(discovery|services|requests|tokens)(?:/([^/]+?))?\\.(json|xml)");
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
  static final int MAX_REQUESTS = 1000;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  @Inject ServiceRequests requests;
  @Inject RequestQueues queues;
  @Inject Open311Keys keys;
  @Inject Tenants tenants;
  @Inject CurrentSubject subjects;

  /** A GeoReport error: its HTTP status and description. */
  static final class GeoReportError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    GeoReportError(int status, String description) {
      super(description);
      this.status = status;
    }
  }

  private record Call(String kind, String id, boolean xml, boolean personal) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    handle(request, response, false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    handle(request, response, true);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response, boolean post)
      throws IOException {
    // discovery also answers beside the versioned endpoint, where the spec's clients look for it
    String path =
        request.getPathInfo() != null
            ? request.getPathInfo()
            : request.getServletPath().substring("/open311".length());
    Matcher m = PATH.matcher(path);
    boolean xml = path.endsWith(".xml");
    if (!m.matches()) {
      error(
          response,
          xml,
          404,
          "No such GeoReport v2 resource: "
              + path
              + ". Use discovery, services, services/{code}, requests, requests/{id} or"
              + " tokens/{token}, ending in .json or .xml.");
      return;
    }
    xml = m.group(3).equals("xml");
    String jurisdiction = request.getParameter("jurisdiction_id");
    String hostTenant = CurrentTenant.code();
    String tenant;
    try {
      tenant =
          jurisdiction == null || jurisdiction.isBlank() ? hostTenant : jurisdiction(jurisdiction);
    } catch (GeoReportError e) {
      error(response, xml, e.status, e.getMessage());
      return;
    }
    Call call = new Call(m.group(1), m.group(2), xml, tenant.equals(hostTenant));
    try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
      String body = post ? post(call, request) : get(call, request);
      response.setStatus(post ? 201 : 200);
      write(response, xml, body);
    } catch (GeoReportError e) {
      error(response, xml, e.status, e.getMessage());
    } catch (InvalidInputException e) {
      error(response, xml, 400, e.parameter() + ": " + e.getMessage());
    } catch (NotPermittedException e) {
      error(response, xml, 403, e.getMessage());
    } catch (NoSuchRecordException e) {
      error(response, xml, 404, e.getMessage());
    } catch (ConflictException e) {
      error(response, xml, 409, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Open311 call failed", e);
      error(response, xml, 500, "The server could not answer this request.");
    }
  }

  private String jurisdiction(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    return tenants.all().stream()
        .filter(t -> t.code().equals(key) || t.hosts().contains(key))
        .map(Tenant::code)
        .findFirst()
        .orElseThrow(() -> new GeoReportError(404, "No jurisdiction " + id + " here."));
  }

  private String get(Call call, HttpServletRequest request) {
    String language = language(request);
    return switch (call.kind()) {
      case "discovery" -> discovery(call, request);
      case "services" -> call.id() == null ? services(call, language) : definition(call, language);
      case "requests" ->
          call.id() == null ? list(call, request, language) : one(call, request, language);
      case "tokens" -> token(call);
      default -> throw new GeoReportError(404, "No such resource.");
    };
  }

  private static String language(HttpServletRequest request) {
    String locale = request.getParameter("locale");
    if (locale != null && locale.matches("[a-zA-Z]{2}([-_].*)?")) {
      return locale.substring(0, 2).toLowerCase(Locale.ROOT);
    }
    return request.getLocale() == null ? "en" : request.getLocale().getLanguage();
  }

  private String discovery(Call call, HttpServletRequest request) {
    Tenant tenant = tenants.byCode(CurrentTenant.code()).orElseThrow();
    Map<String, Object> endpoint = GeoReportWriter.fields();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", BaseUrl.of(request) + "/open311/v2");
    endpoint.put("changeset", "2026-11-26T00:00:00Z");
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    Map<String, Object> discovery = GeoReportWriter.fields();
    discovery.put("changeset", "2026-11-26T00:00:00Z");
    discovery.put("contact", tenant.name());
    discovery.put("key_service", "API keys are issued by the tenant's administrators.");
    discovery.put("endpoints", new GeoReportWriter.Nested("endpoint", List.of(endpoint)));
    return call.xml()
        ? GeoReportWriter.xml("discovery", discovery)
        : GeoReportWriter.json(discovery);
  }

  private String services(Call call, String language) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ServiceRequests.Requestable r : requests.allRequestable(language)) {
      Map<String, Object> s = GeoReportWriter.fields();
      s.put("service_code", r.service().code());
      s.put("service_name", r.title());
      s.put("description", r.service().translation(language).map(t -> t.summary()).orElse(null));
      s.put("metadata", !attributes(r.form()).isEmpty());
      s.put("type", "realtime");
      s.put(
          "keywords", r.revision().tags().isEmpty() ? null : String.join(",", r.revision().tags()));
      s.put("group", r.service().agency().nameIn(language));
      items.add(s);
    }
    return call.xml()
        ? GeoReportWriter.xml("services", "service", items)
        : GeoReportWriter.json(items);
  }

  /** The questions Open311 asks as attributes: all but those its standard fields answer. */
  static List<Question> attributes(FormDefinition form) {
    List<Question> attributes = new ArrayList<>();
    Question description = descriptionQuestion(form).orElse(null);
    Question address = first(form, QuestionType.ADDRESS).orElse(null);
    Question location = first(form, QuestionType.LOCATION).orElse(null);
    for (Question q : form.questions()) {
      if (q != description && q != address && q != location && q.type() != QuestionType.FILE) {
        attributes.add(q);
      }
    }
    return attributes;
  }

  static Optional<Question> descriptionQuestion(FormDefinition form) {
    return form.question("description").or(() -> first(form, QuestionType.LONG_TEXT));
  }

  private static Optional<Question> first(FormDefinition form, QuestionType type) {
    return form.questions().stream().filter(q -> q.type() == type).findFirst();
  }

  private String definition(Call call, String language) {
    ServiceRequests.Requestable r =
        requests
            .requestable(call.id(), language)
            .orElseThrow(() -> new GeoReportError(404, "No service " + call.id() + "."));
    List<Map<String, Object>> attributes = new ArrayList<>();
    int order = 1;
    for (Question q : attributes(r.form())) {
      Map<String, Object> a = GeoReportWriter.fields();
      a.put("variable", true);
      a.put("code", q.code());
      a.put("datatype", q.type().open311Datatype());
      // a question asked only for some earlier answer cannot be required of every client
      a.put("required", q.required() && q.showIf().isEmpty());
      a.put("datatype_description", datatypeDescription(q, r.form(), language));
      a.put("order", order++);
      a.put("description", q.labelIn(language));
      List<Map<String, Object>> values = new ArrayList<>();
      if (q.type() == QuestionType.YES_NO) {
        values.add(value("yes", "Yes"));
        values.add(value("no", "No"));
      }
      for (Question.Option o : q.options()) {
        values.add(value(o.value(), o.labelIn(language)));
      }
      if (!values.isEmpty()) {
        a.put("values", new GeoReportWriter.Nested("value", values));
      }
      attributes.add(a);
    }
    Map<String, Object> definition = GeoReportWriter.fields();
    definition.put("service_code", r.service().code());
    definition.put("attributes", new GeoReportWriter.Nested("attribute", attributes));
    return call.xml()
        ? GeoReportWriter.xml("service_definition", definition)
        : GeoReportWriter.json(definition);
  }

  private static String datatypeDescription(Question q, FormDefinition form, String language) {
    List<String> parts = new ArrayList<>();
    String hint = q.hintIn(language);
    if (!hint.isEmpty()) {
      parts.add(hint);
    }
    if (q.type() == QuestionType.DATE) {
      parts.add("A date as YYYY-MM-DD.");
    }
    q.showIf()
        .ifPresent(c -> parts.add("Required when " + c.question() + " is " + c.equals() + "."));
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static Map<String, Object> value(String key, String name) {
    Map<String, Object> v = GeoReportWriter.fields();
    v.put("key", key);
    v.put("name", name);
    return v;
  }

  private String list(Call call, HttpServletRequest request, String language) {
    Optional<Long> client = key(request);
    List<ServiceRequest> visible;
    if (client.isPresent()) {
      visible = requests.ofClient(client.get());
    } else if (call.personal() && subjects.get().isSignedIn()) {
      visible = queues.visible(RequestQueues.Filter.none());
    } else {
      visible = List.of();
    }
    Set<String> ids =
        request.getParameter("service_request_id") == null
            ? Set.of()
            : Set.copyOf(Arrays.asList(request.getParameter("service_request_id").split(",")));
    String code = request.getParameter("service_code");
    // a list may name a service twice ("a,a"): a set of the names, not Set.of, which refuses that
    Set<String> codes =
        code == null || code.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(code.split(",")));
    String status = request.getParameter("status");
    if (status != null && !status.equals("open") && !status.equals("closed")) {
      throw new GeoReportError(400, "status must be open or closed.");
    }
    Instant end = date(request, "end_date").orElse(null);
    Instant start = date(request, "start_date").orElse(null);
    if (ids.isEmpty()) {
      // the spec's default window: the last 90 days, or 90 days before the end date
      if (start == null) {
        start = (end == null ? Instant.now() : end).minus(DEFAULT_WINDOW);
      }
    }
    final Instant from = start;
    final Instant to = end;
    List<ServiceRequest> chosen =
        visible.stream()
            .filter(r -> ids.isEmpty() || ids.contains(r.reference()))
            .filter(r -> codes.isEmpty() || codes.contains(r.serviceCode()))
            .filter(r -> status == null || r.state().open311().equals(status))
            .filter(r -> from == null || !r.submittedAt().isBefore(from))
            .filter(r -> to == null || !r.submittedAt().isAfter(to))
            .limit(MAX_REQUESTS)
            .toList();
    return requestsBody(call, chosen, language);
  }

  private static Optional<Instant> date(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant());
    } catch (DateTimeParseException e) {
      throw new GeoReportError(
          400, name + " must be a W3C date-time such as 2026-11-26T12:00:00Z: " + value);
    }
  }

  private String one(Call call, HttpServletRequest request, String language) {
    Optional<Long> client = key(request);
    Optional<ServiceRequest> found =
        client.isPresent()
            ? requests.findForClient(client.get(), call.id())
            : call.personal() ? requests.find(call.id()) : Optional.empty();
    ServiceRequest r =
        found.orElseThrow(() -> new GeoReportError(404, "No request " + call.id() + "."));
    return requestsBody(call, List.of(r), language);
  }

  private String requestsBody(Call call, List<ServiceRequest> chosen, String language) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ServiceRequest r : chosen) {
      Map<String, Object> f = GeoReportWriter.fields();
      f.put("service_request_id", r.reference());
      f.put("status", r.state().open311());
      f.put("status_notes", requests.latestPublicNote(r).orElse(null));
      f.put("service_name", requests.serviceTitle(r, language));
      f.put("service_code", r.serviceCode());
      f.put("description", r.description().orElse(null));
      f.put("agency_responsible", r.agency());
      f.put("service_notice", null);
      f.put("requested_datetime", GeoReportWriter.dateTime(r.submittedAt()));
      f.put("updated_datetime", GeoReportWriter.dateTime(r.updatedAt()));
      f.put("expected_datetime", r.dueAt().map(GeoReportWriter::dateTime).orElse(null));
      f.put("address", r.address().orElse(null));
      f.put("address_id", null);
      f.put("zipcode", null);
      f.put("lat", r.latitude().orElse(null));
      f.put("long", r.longitude().orElse(null));
      f.put("media_url", null);
      items.add(f);
    }
    return call.xml()
        ? GeoReportWriter.xml("service_requests", "request", items)
        : GeoReportWriter.json(items);
  }

  private String token(Call call) {
    String reference =
        requests
            .referenceOfOpen311Token(call.id())
            .orElseThrow(
                () -> new GeoReportError(404, "No request has the token " + call.id() + "."));
    Map<String, Object> f = GeoReportWriter.fields();
    f.put("service_request_id", reference);
    f.put("token", call.id());
    return call.xml()
        ? GeoReportWriter.xml("service_requests", "request", List.of(f))
        : GeoReportWriter.json(List.of(f));
  }

  private Optional<Long> key(HttpServletRequest request) {
    String key = request.getParameter("api_key");
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        keys.verify(key)
            .orElseThrow(() -> new GeoReportError(403, "The api_key is not valid here.")));
  }

  private String post(Call call, HttpServletRequest request) {
    if (!call.kind().equals("requests") || call.id() != null) {
      throw new GeoReportError(405, "Only requests.json and requests.xml take a POST.");
    }
    if (request.getParameter("api_key") == null || request.getParameter("api_key").isBlank()) {
      throw new GeoReportError(403, "A POST needs an api_key; ask the tenant's administrators.");
    }
    long client = key(request).orElseThrow();
    String code = request.getParameter("service_code");
    if (code == null || code.isBlank()) {
      throw new GeoReportError(400, "service_code is required.");
    }
    String language = language(request);
    ServiceRequests.Requestable service =
        requests
            .requestable(code, language)
            .orElseThrow(() -> new GeoReportError(404, "No service " + code + "."));
    FormDefinition form = service.form();
    Answers answers = Answers.none();
    String description = request.getParameter("description");
    descriptionQuestion(form).ifPresent(q -> answers.put(q.code(), description));
    first(form, QuestionType.ADDRESS)
        .ifPresent(q -> answers.put(q.code(), request.getParameter("address_string")));
    String lat = request.getParameter("lat");
    String lon = request.getParameter("long");
    if (lat != null && !lat.isBlank() || lon != null && !lon.isBlank()) {
      Question q =
          first(form, QuestionType.LOCATION)
              .orElseThrow(() -> new GeoReportError(400, "This service takes no location."));
      answers.put(
          q.code(), (lat == null ? "" : lat.strip()) + ", " + (lon == null ? "" : lon.strip()));
    }
    boolean locationRequired =
        form.questions().stream()
            .anyMatch(
                q ->
                    q.required()
                        && (q.type() == QuestionType.ADDRESS || q.type() == QuestionType.LOCATION));
    if (locationRequired
        && isBlank(request.getParameter("address_string"))
        && isBlank(lat)
        && isBlank(request.getParameter("address_id"))) {
      throw new GeoReportError(400, "Give a location: lat and long, address_string or address_id.");
    }
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      Matcher a = ATTRIBUTE.matcher(p.getKey());
      if (a.matches()) {
        String attribute = a.group(1);
        if (form.question(attribute).isEmpty()) {
          throw new GeoReportError(400, "This service has no attribute " + attribute + ".");
        }
        List<String> values = new ArrayList<>(answers.get(attribute));
        values.addAll(Arrays.asList(p.getValue()));
        answers.put(attribute, values);
      }
    }
    String token = org.civicportal.request.control.RequestWriter.token();
    ServiceRequest created =
        requests.submit(
            new Submission(
                code,
                language,
                answers,
                Optional.empty(),
                Optional.ofNullable(request.getParameter("email")).filter(e -> !e.isBlank()),
                RequestChannel.OPEN311,
                Optional.of(ServiceRequests.OPEN311_TOKEN + token),
                Optional.of(client),
                Optional.empty(),
                List.of()),
            BaseUrl.of(request));
    Map<String, Object> f = GeoReportWriter.fields();
    f.put("service_request_id", created.reference());
    f.put("token", token);
    f.put(
        "service_notice",
        created.dueAt().map(d -> "Expected by " + GeoReportWriter.dateTime(d)).orElse(null));
    f.put("account_id", null);
    return call.xml()
        ? GeoReportWriter.xml("service_requests", "request", List.of(f))
        : GeoReportWriter.json(List.of(f));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void write(HttpServletResponse response, boolean xml, String body)
      throws IOException {
    response.setContentType(xml ? "text/xml" : "application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getWriter().write(body);
  }

  /** The spec's error format, in the format asked for. */
  private static void error(
      HttpServletResponse response, boolean xml, int status, String description)
      throws IOException {
    Map<String, Object> e = GeoReportWriter.fields();
    e.put("code", status);
    e.put("description", description);
    response.setStatus(status);
    write(
        response,
        xml,
        xml
            ? GeoReportWriter.xml("errors", "error", List.of(e))
            : GeoReportWriter.json(List.of(e)));
  }

  /** Whether a state is one Open311 calls open; for tests. */
  static boolean isOpen(RequestState state) {
    return state.open311().equals("open");
  }
}
