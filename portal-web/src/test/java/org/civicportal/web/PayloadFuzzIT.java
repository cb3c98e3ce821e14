package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicportal.web.PayloadCorpus.Payload;
import org.civicportal.web.PortalSession.Form;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standing fuzz run of issue 14: every payload of {@code
 * ../shared/corpus/security-test-payloads} against the deployed portal, as the right demo users,
 * checking that no answer is a server error (status 500 or more) and that no payload containing
 * markup comes back verbatim in an HTML or XML answer, in a mail the portal sends, or as anything
 * but text in a PDF receipt.
 *
 * <p>The fields: every parameter of every JAX-RS resource method ({@code org.civicportal.*.api.*
 * Resource}, found by reflection: query and path parameters, the {@code Idempotency-Key} header,
 * and each field of a JSON body, or the whole body where a resource reads raw text); Open311's GET
 * and POST parameters and path segments; the GET parameters of the pages; and every field of every
 * form that posts on the pages, fetched first so that the session and view state are those of a
 * browser, posted with a same-origin {@code Origin} header, as a user allowed to use the form.
 *
 * <p>The design, so that it fits CI: the cheap read-only fields in {@link #EVERY_PAYLOAD} get every
 * payload of every class; every other field (writes, pages, forms, mail, receipts) gets a fixed
 * seeded rotation ({@link PayloadCorpus#rotation}) of {@link #PER_CLASS} payloads per class. So
 * every field gets every class, every payload reaches at least the fields of {@link
 * #EVERY_PAYLOAD}, and the rotated fields walk through each class without repeating a payload
 * before the class is used up. Afterwards the pages that list what was stored are read again for
 * stored markup, the mails caught by a GreenMail server are checked, and receipts of requests with
 * payload descriptions are read as text. The counts go to {@code target/fuzz-summary.txt} and the
 * output.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayloadFuzzIT {
  static final long SEED = 14;
  static final Map<String, Integer> PER_CLASS = Map.of("xss", 8, "sqli", 4, "blns", 4);
  static final int THREADS = 4;
  static final String PASSWORD = "Demo!2026";
  static final String KEY = "demo-open311-key";
  static final String BENIGN = "civicfuzzbaseline";
  static final String ANONYMOUS = "";
  static final List<String> USERS =
      List.of(
          "citizen1",
          "analyst1",
          "editor1",
          "reviewer1",
          "caseworker1",
          "admin1",
          "auditor1",
          "director1");

  /**
   * Payloads that are one bare tag ({@code <li>}) are left out of the check of the pages listing
   * stored records, which may show such a tag for the first time because they list more records.
   * The answer to the request that sent them is still checked.
   */
  static final Pattern BARE_TAG = Pattern.compile("</?[a-zA-Z0-9]*\\s*/?>");

  /** Cheap read-only fields that get every payload. */
  static final Set<String> EVERY_PAYLOAD =
      Set.of(
          "API GET api/v1/search ?q",
          "API GET api/v1/search/suggestions ?q",
          "API GET api/v1/services/{slug} path slug",
          "Open311 GET requests.json ?service_code");

  /** Pages posting a form whose fields are fuzzed, as the user who may use them. */
  static final List<String[]> FORM_PAGES =
      List.of(
          new String[] {"login", ANONYMOUS},
          new String[] {"register", ANONYMOUS},
          new String[] {"reset", ANONYMOUS},
          new String[] {"staff/new-document", "analyst1"},
          new String[] {"staff/edit-document?id={document}", "analyst1"},
          new String[] {"staff/search?q=passport", "analyst1"},
          new String[] {"staff/conflicts", "director1"},
          new String[] {"staff/service?id={service}", "editor1"},
          new String[] {"staff/service-form?id={service}", "editor1"},
          new String[] {"staff/branding", "admin1"},
          new String[] {"staff/devices", "admin1"},
          new String[] {"staff/tokens", "analyst1"},
          new String[] {"staff/employee?username={employee}", "admin1"},
          new String[] {"staff/requests", "caseworker1"},
          new String[] {"staff/request?ref={request}", "caseworker1"},
          new String[] {"requests/view?ref={request}", "citizen1"},
          new String[] {"requests/form?draft={draft}&step=0", ANONYMOUS});

  /** Pages and their GET parameters (f:viewParam and those read by the backing beans). */
  static final List<String[]> PAGE_PARAMETERS =
      List.of(
          new String[] {"search", ANONYMOUS, "q", "lang", "contrast"},
          new String[] {"catalogue", ANONYMOUS, "category", "agency", "lang"},
          new String[] {"services/apply-for-a-passport", ANONYMOUS, "lang"},
          new String[] {"login", ANONYMOUS, "next"},
          new String[] {"verify", ANONYMOUS, "token"},
          new String[] {"reset-password", ANONYMOUS, "token"},
          new String[] {"requests/track", ANONYMOUS, "token"},
          new String[] {"requests/form", ANONYMOUS, "draft", "step", "error"},
          new String[] {"requests/check", ANONYMOUS, "draft", "error"},
          new String[] {"requests/done", "citizen1", "ref", "token"},
          new String[] {"requests/view", "citizen1", "ref"},
          new String[] {"requests/receipt", "citizen1", "ref", "token"},
          new String[] {"staff/search", "analyst1", "q", "type", "agency", "category", "level"},
          new String[] {"staff/search", "analyst1", "updated", "language", "cursor"},
          new String[] {"staff/document", "analyst1", "id"},
          new String[] {"staff/edit-document", "analyst1", "id"},
          new String[] {"staff/service", "editor1", "id", "text"},
          new String[] {"staff/service-history", "editor1", "id", "from", "to"},
          new String[] {"staff/service-form", "editor1", "id"},
          new String[] {"staff/employee", "admin1", "username"},
          new String[] {"staff/import", "admin1", "job"},
          new String[] {"staff/audit", "auditor1", "action", "actor"},
          new String[] {"staff/request", "caseworker1", "ref"});

  /** Pages showing what the fuzz run stored, read again at the end for stored markup. */
  static final List<String[]> STORED_PAGES =
      List.of(
          new String[] {"", ANONYMOUS},
          new String[] {"catalogue", ANONYMOUS},
          new String[] {"staff/documents", "analyst1"},
          new String[] {"staff/document?id={document}", "analyst1"},
          new String[] {"staff/services", "editor1"},
          new String[] {"staff/service?id={service}", "editor1"},
          new String[] {"staff/service-history?id={service}", "editor1"},
          new String[] {"staff/requests", "caseworker1"},
          new String[] {"staff/request?ref={request}", "caseworker1"},
          new String[] {"requests/mine", "citizen1"},
          new String[] {"requests/view?ref={request}", "citizen1"},
          new String[] {"staff/employees", "admin1"},
          new String[] {"staff/devices", "admin1"},
          new String[] {"staff/audit", "auditor1"},
          new String[] {"staff/tokens", "analyst1"},
          new String[] {"staff/search?q=fuzz", "analyst1"},
          new String[] {"open311/v2/requests.xml?api_key=" + KEY, ANONYMOUS});

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final Map<String, String> fixture = new ConcurrentHashMap<>();

  /**
   * Each worker thread's own sessions, one per user, signed in before the run: signing in again
   * later could meet the sign-in throttle, which the run's failed sign-ins feed.
   */
  private final List<Map<String, PortalSession>> sessions = new ArrayList<>();

  private final AtomicInteger workers = new AtomicInteger();
  private final ThreadLocal<Integer> worker = ThreadLocal.withInitial(() -> 0);
  private final Map<String, String> baselines = new ConcurrentHashMap<>();
  private final Set<String> storedMarkup = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong unescaped = new AtomicLong();
  private final AtomicLong containerRefusals = new AtomicLong();
  private final AtomicLong unsendable = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  /** One field: how to send a payload into it, as whom. */
  record Field(String name, String user, Sender sender) {}

  @FunctionalInterface
  interface Sender {
    List<HttpResponse<String>> send(PortalSession session, String payload) throws Exception;
  }

  @Test
  void noPayloadCausesAServerErrorOrComesBackUnescaped_issue14() throws Exception {
    Assumptions.assumeTrue(PayloadCorpus.present(), "the shared corpus is not here");
    PayloadCorpus corpus = PayloadCorpus.load();
    GreenMail mail =
        new GreenMail(
            new ServerSetup(ItDatabase.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Instant started = Instant.now();
    try {
      signIn();
      prepare();
      branding = session("admin1").get("api/v1/tenant/branding").body();
      List<Field> fields = new ArrayList<>();
      fields.addAll(apiFields());
      fields.addAll(open311Fields());
      fields.addAll(pageFields());
      fields.addAll(formFields());
      fields.addAll(mailAndReceiptFields());
      fields.sort(Comparator.comparing(Field::name));
      for (Field f : fields) {
        baseline(f);
      }
      storedPagesBefore();

      List<Runnable> jobs = new ArrayList<>();
      int rotated = 0;
      for (Field f : fields) {
        List<Payload> payloads =
            EVERY_PAYLOAD.contains(f.name())
                ? corpus.all()
                : corpus.rotation(SEED, rotated++, PER_CLASS);
        for (Payload p : payloads) {
          jobs.add(() -> fuzz(f, p));
        }
      }
      java.util.Collections.shuffle(jobs, new java.util.Random(SEED));
      run(jobs);

      storedPagesAfter();
      checkMail(mail);

      long seconds = Duration.between(started, Instant.now()).toSeconds();
      String summary =
          String.format(
              Locale.ROOT,
              "Fuzz run: %d payloads (%s), %d fields (%d with every payload, %d rotated with %s"
                  + " per class, seed %d), %d threads%n"
                  + "requests sent: %d in %d s%n"
                  + "server errors (>= 500): %d%n"
                  + "payloads with markup returned verbatim in HTML/XML/mail/PDF: %d%n"
                  + "container refusals (400 without a body, before the portal): %d%n"
                  + "payloads that cannot be sent in that place (header or path): %d%n",
              corpus.size(),
              sizes(corpus),
              fields.size(),
              fields.stream().filter(f -> EVERY_PAYLOAD.contains(f.name())).count(),
              rotated,
              PER_CLASS,
              SEED,
              THREADS,
              requests.get(),
              seconds,
              serverErrors.get(),
              unescaped.get(),
              containerRefusals.get(),
              unsendable.get());
      System.out.println(summary);
      failures.stream().limit(50).forEach(System.out::println);
      Files.writeString(
          Path.of("target", "fuzz-summary.txt"),
          summary + String.join(System.lineSeparator(), failures),
          StandardCharsets.UTF_8);
    } finally {
      mail.stop();
      restore();
    }

    assertThat(failures).as("failures of the fuzz run (see target/fuzz-summary.txt)").isEmpty();
  }

  // ---------------------------------------------------------------- the run

  private void run(List<Runnable> jobs) throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            task ->
                new Thread(
                    () -> {
                      worker.set(workers.getAndIncrement() % THREADS);
                      task.run();
                    }));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Runnable job : jobs) {
        done.add(pool.submit(job));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void fuzz(Field field, Payload payload) {
    if (payload.text().indexOf('<') >= 0 && !BARE_TAG.matcher(payload.text()).matches()) {
      storedMarkup.add(payload.text());
    }
    List<HttpResponse<String>> answers;
    try {
      answers = field.sender().send(session(field.user()), payload.text());
    } catch (IllegalArgumentException notSendable) {
      // a header value or an address the HTTP client refuses to send (control characters)
      unsendable.incrementAndGet();
      return;
    } catch (Exception e) {
      failure("no answer", field, payload, e.toString());
      return;
    }
    for (HttpResponse<String> answer : answers) {
      check(field, payload, answer);
    }
  }

  private void check(Field field, Payload payload, HttpResponse<String> answer) {
    requests.incrementAndGet();
    if (answer.statusCode() >= 500) {
      serverErrors.incrementAndGet();
      failure("status " + answer.statusCode(), field, payload, answer.uri().toString());
    }
    if (answer.statusCode() == 400 && answer.body().isEmpty()) {
      containerRefusals.incrementAndGet();
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    String text = payload.text();
    if (text.indexOf('<') >= 0
        && (type.contains("html") || type.contains("xml"))
        && answer.body().contains(text)
        && !baselines.getOrDefault(field.name(), "").contains(text)) {
      unescaped.incrementAndGet();
      failure("unescaped in " + type, field, payload, answer.uri().toString());
    }
  }

  private void failure(String what, Field field, Payload payload, String where) {
    failures.add(
        what
            + " | "
            + field.name()
            + " | "
            + payload.kind()
            + " | "
            + payload.text().replace("\n", "\\n").replace("\r", "\\r")
            + " | "
            + where);
  }

  private void baseline(Field field) {
    try {
      StringBuilder all = new StringBuilder();
      for (HttpResponse<String> r : field.sender().send(session(field.user()), BENIGN)) {
        all.append(r.body());
        requests.incrementAndGet();
      }
      baselines.put(field.name(), all.toString());
    } catch (Exception e) {
      baselines.put(field.name(), "");
    }
  }

  private PortalSession session(String user) {
    PortalSession session = sessions.get(worker.get()).get(user);
    if (session == null) {
      throw new IllegalStateException("no session for " + user);
    }
    return session;
  }

  private void signIn() {
    for (int i = 0; i < THREADS; i++) {
      Map<String, PortalSession> mine = new HashMap<>();
      mine.put(ANONYMOUS, PortalSession.anonymous(base));
      for (String user : USERS) {
        mine.put(user, PortalSession.signedIn(base, user, PASSWORD));
      }
      sessions.add(mine);
    }
  }

  // ---------------------------------------------------------------- the records fuzzed on

  /** A draft service, a document, a request, an employee, a device and a request draft. */
  private void prepare() {
    PortalSession editor = session("editor1");
    JsonObject service =
        json(
            editor.json(
                "POST",
                "api/v1/services",
                "{\"title\":\"Fuzz service\",\"summary\":\"Fuzzed.\",\"body\":\"<p>Fuzz.</p>\","
                    + "\"lang\":\"en\",\"agency\":\"transport\"}"));
    fixture.put("service", service.get("id").toString());
    JsonObject document =
        json(
            session("analyst1")
                .json(
                    "POST",
                    "api/v1/documents",
                    "{\"title\":\"Fuzz document\",\"body\":\"Fuzz.\",\"agency\":\"transport\","
                        + "\"classification\":\"OFFICIAL\"}"));
    fixture.put("document", document.get("id").toString());
    HttpResponse<String> request =
        session("citizen1").json("POST", "api/v1/requests", roadDamage("Fuzz hole"));
    fixture.put("request", json(request).getString("reference"));
    String employee = "fuzz" + Long.toString(System.nanoTime(), 36);
    session("admin1")
        .json(
            "POST",
            "api/v1/employees",
            "{\"username\":\""
                + employee
                + "\",\"password\":\"Fuzz!2026-long-enough\",\"clearance\":\"OFFICIAL\","
                + "\"roles\":[],\"agencies\":[\"transport\"]}");
    fixture.put("employee", employee);
    JsonObject device =
        json(
            session("director1")
                .json("POST", "api/v1/devices", "{\"name\":\"Fuzz\",\"platform\":\"android\"}"));
    fixture.put("device", device.get("id").toString());
    fixture.put("deviceToken", device.getString("token"));
    HttpResponse<String> draft =
        PortalSession.anonymous(base)
            .send(
                "POST",
                "requests/start",
                "application/x-www-form-urlencoded",
                "service=road-damage");
    Matcher token =
        Pattern.compile("draft=([^&]+)").matcher(draft.headers().firstValue("Location").orElse(""));
    assertThat(token.find()).as("a draft was started: " + draft.statusCode()).isTrue();
    fixture.put("draft", token.group(1));
  }

  private String fill(String path) {
    String filled = path;
    for (Map.Entry<String, String> e : fixture.entrySet()) {
      filled = filled.replace("{" + e.getKey() + "}", e.getValue());
    }
    return filled;
  }

  static String roadDamage(String description) {
    return "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
        + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],\"description\":["
        + Json.createArrayBuilder().add(description).build().get(0)
        + "],\"address\":[\"1 High Street\"],\"location\":[\"51.5, -0.12\"]}}";
  }

  // ---------------------------------------------------------------- JAX-RS resources

  /** Every parameter and body field of every resource method, by reflection. */
  private List<Field> apiFields() throws Exception {
    List<Field> fields = new ArrayList<>();
    for (Class<?> resource : resources()) {
      String root = path(resource.getAnnotation(jakarta.ws.rs.Path.class));
      for (Method m : resource.getDeclaredMethods()) {
        String verb = verb(m);
        if (verb == null) {
          continue;
        }
        String template = "api/v1/" + join(root, path(m.getAnnotation(jakarta.ws.rs.Path.class)));
        String user = userFor(verb, template);
        String name = "API " + verb + " " + template;
        Type body = null;
        for (Parameter p : m.getParameters()) {
          if (p.isAnnotationPresent(QueryParam.class)) {
            String q = p.getAnnotation(QueryParam.class).value();
            fields.add(
                new Field(
                    name + " ?" + q,
                    user,
                    (s, v) -> List.of(call(s, verb, template, null, Map.of(q, v), null, user))));
          } else if (p.isAnnotationPresent(PathParam.class)) {
            String segment = p.getAnnotation(PathParam.class).value();
            fields.add(
                new Field(
                    name + " path " + segment,
                    user,
                    (s, v) -> {
                      if (v.isEmpty()) {
                        throw new IllegalArgumentException("an empty segment changes the route");
                      }
                      return List.of(
                          call(s, verb, template, Map.of(segment, v), Map.of(), null, user));
                    }));
          } else if (p.isAnnotationPresent(HeaderParam.class)) {
            String header = p.getAnnotation(HeaderParam.class).value();
            if (!header.equalsIgnoreCase("Authorization")) {
              fields.add(
                  new Field(
                      name + " header " + header,
                      user,
                      (s, v) ->
                          List.of(call(s, verb, template, null, Map.of(), null, user, header, v))));
            }
          } else if (!p.isAnnotationPresent(Context.class)) {
            body = p.getParameterizedType();
          }
        }
        if (body != null) {
          for (Map.Entry<String, BodyMaker> b : bodies(body).entrySet()) {
            BodyMaker maker = b.getValue();
            fields.add(
                new Field(
                    name + " body" + b.getKey(),
                    user,
                    (s, v) ->
                        List.of(call(s, verb, template, null, Map.of(), maker.make(v), user))));
          }
        }
      }
    }
    return fields;
  }

  private HttpResponse<String> call(
      PortalSession s,
      String verb,
      String template,
      Map<String, String> segments,
      Map<String, String> query,
      String body,
      String user,
      String... headers) {
    String path = template;
    Matcher m = Pattern.compile("\\{([^}]+)\\}").matcher(template);
    while (m.find()) {
      String name = m.group(1);
      String value =
          segments != null && segments.containsKey(name)
              ? encodeSegment(segments.get(name))
              : segmentDefault(template, name);
      path = path.replace("{" + name + "}", value);
    }
    StringBuilder address = new StringBuilder(path);
    query.forEach(
        (k, v) ->
            address
                .append(address.indexOf("?") < 0 ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    List<String> all = new ArrayList<>(List.of(headers));
    if (template.startsWith("api/v1/sync/") && !template.contains("conflicts")) {
      all.addAll(List.of("Authorization", "Bearer " + fixture.get("deviceToken")));
    }
    String[] h = all.toArray(String[]::new);
    if (body == null) {
      return verb.equals("GET")
          ? s.get(address.toString(), h)
          : s.json(verb, address.toString(), "", h);
    }
    String contentType =
        template.startsWith("api/v1/imports")
            ? "application/x-ndjson"
            : template.contains("/attachments") ? "text/plain" : "application/json";
    return s.send(verb, address.toString(), contentType, body, h);
  }

  private String segmentDefault(String template, String name) {
    return switch (name) {
      case "id" ->
          template.startsWith("api/v1/services")
              ? fixture.get("service")
              : template.startsWith("api/v1/documents")
                  ? fixture.get("document")
                  : template.startsWith("api/v1/devices") ? fixture.get("device") : "999999";
      case "slug" -> "apply-for-a-passport";
      case "reference" -> fixture.get("request");
      case "lang" -> "fr";
      case "kind" -> "message";
      case "locale" -> "en";
      case "username" -> fixture.get("employee");
      case "service" -> "road-damage";
      case "number", "attachment" -> "1";
      default -> "1";
    };
  }

  /** Percent-encodes every byte but the unreserved ones, as a browser does in a path. */
  static String encodeSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  static String userFor(String verb, String template) {
    if (template.equals("api/v1/requests") && verb.equals("POST")
        || template.endsWith("/withdrawal")) {
      return "citizen1";
    }
    if (template.startsWith("api/v1/requests")) {
      return "caseworker1";
    }
    if (template.matches("api/v1/services/.*/(publish|reject|archive)")) {
      return "reviewer1";
    }
    if (template.startsWith("api/v1/services")) {
      return "editor1";
    }
    if (template.equals("api/v1/devices") && verb.equals("POST")
        || template.startsWith("api/v1/sync/conflicts")) {
      return "director1";
    }
    if (Stream.of("employees", "tenant", "open311-keys", "imports", "index", "devices")
        .anyMatch(p -> template.startsWith("api/v1/" + p))) {
      return "admin1";
    }
    if (template.startsWith("api/v1/audit")) {
      return "auditor1";
    }
    if (template.startsWith("api/v1/sync") || template.startsWith("api/v1/forms")) {
      return ANONYMOUS;
    }
    return "analyst1";
  }

  @FunctionalInterface
  interface BodyMaker {
    String make(String payload);
  }

  /** What to fuzz in a body of this type: each field of a record, known keys, or all of it. */
  private static Map<String, BodyMaker> bodies(Type type) {
    Map<String, BodyMaker> makers = new LinkedHashMap<>();
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        makers.put("." + c.getName(), v -> record(raw, c.getName(), v));
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      for (String key : List.of("name", "platform", "accreditation", "gracePeriod", "keep")) {
        makers.put("." + key, v -> Json.createObjectBuilder().add(key, v).build().toString());
      }
    } else {
      makers.put(" (raw)", v -> v);
    }
    return makers;
  }

  /** Benign values for the other fields, so that the fuzzed one is what the resource judges. */
  static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("title", "Fuzz"),
          Map.entry("summary", "Fuzz."),
          Map.entry("body", "Fuzz."),
          Map.entry("lang", "en"),
          Map.entry("language", "en"),
          Map.entry("agency", "transport"),
          Map.entry("classification", "OFFICIAL"),
          Map.entry("service", "road-damage"),
          Map.entry("name", "Fuzz"),
          Map.entry("query", "fuzz"),
          Map.entry("subject", "Fuzz {reference}"),
          Map.entry("state", "in-progress"),
          Map.entry("username", "fuzz-nobody"),
          Map.entry("password", "Fuzz!2026-long-enough"),
          Map.entry("clearance", "OFFICIAL"),
          Map.entry("reason", "Fuzz."));

  private static String record(Class<?> type, String fuzzed, String payload) {
    // a request gets the answers of a whole road-damage form; other records their defaults
    boolean request = type.getSimpleName().equals("NewRequest");
    JsonObjectBuilder object =
        request ? Json.createObjectBuilder(json(roadDamage("Fuzz"))) : Json.createObjectBuilder();
    for (RecordComponent c : type.getRecordComponents()) {
      String name = c.getName();
      boolean mine = name.equals(fuzzed);
      String value = mine ? payload : request ? null : DEFAULTS.get(name);
      if (value == null) {
        continue;
      }
      Class<?> t = c.getType();
      if (Collection.class.isAssignableFrom(t)) {
        object.add(name, Json.createArrayBuilder().add(value));
      } else if (Map.class.isAssignableFrom(t)) {
        JsonArrayBuilder answer = Json.createArrayBuilder().add(value);
        object.add(name, Json.createObjectBuilder().add("description", answer));
      } else {
        object.add(name, value);
      }
    }
    return object.build().toString();
  }

  private static List<Class<?>> resources() throws Exception {
    Path classes =
        Path.of(
            RestConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("org/civicportal"))) {
      for (Path f : files.sorted().toList()) {
        String relative = classes.relativize(f).toString().replace('\\', '/');
        if (relative.matches("org/civicportal/[a-z0-9]+/api/[A-Za-z0-9]+Resource\\.class")) {
          // strip the suffix only: a package may begin with "class" (classification)
          String name = relative.substring(0, relative.length() - ".class".length());
          found.add(Class.forName(name.replace('/', '.')));
        }
      }
    }
    assertThat(found).as("resources found by reflection").hasSizeGreaterThan(10);
    return found;
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    return m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
  }

  private static String path(jakarta.ws.rs.Path path) {
    return path == null
        ? ""
        : path.value().replaceAll("\\{([A-Za-z]+)\\s*:[^}]*\\}", "{$1}").replaceAll("^/|/$", "");
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a + "/" + b;
  }

  // ---------------------------------------------------------------- Open311

  private List<Field> open311Fields() {
    List<Field> fields = new ArrayList<>();
    for (String format : List.of("json", "xml")) {
      for (String p :
          List.of(
              "service_code",
              "service_request_id",
              "status",
              "start_date",
              "end_date",
              "jurisdiction_id",
              "locale",
              "api_key")) {
        fields.add(
            new Field(
                "Open311 GET requests." + format + " ?" + p,
                ANONYMOUS,
                (s, v) ->
                    List.of(
                        s.get(
                            "open311/v2/requests."
                                + format
                                + "?"
                                + (p.equals("api_key") ? "" : "api_key=" + KEY + "&")
                                + p
                                + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
      }
      for (String p : List.of("jurisdiction_id", "locale")) {
        fields.add(
            new Field(
                "Open311 GET services." + format + " ?" + p,
                ANONYMOUS,
                (s, v) ->
                    List.of(
                        s.get(
                            "open311/v2/services."
                                + format
                                + "?"
                                + p
                                + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
      }
      for (String kind : List.of("services", "requests", "tokens")) {
        fields.add(
            new Field(
                "Open311 GET " + kind + "/{segment}." + format,
                ANONYMOUS,
                (s, v) ->
                    List.of(
                        s.get(
                            "open311/v2/"
                                + kind
                                + "/"
                                + encodeSegment(v)
                                + "."
                                + format
                                + "?api_key="
                                + KEY))));
      }
      Map<String, String> post = new LinkedHashMap<>();
      post.put("api_key", KEY);
      post.put("service_code", "road-damage");
      post.put("lat", "51.5");
      post.put("long", "-0.12");
      post.put("address_string", "1 High Street");
      post.put("description", "Fuzz");
      post.put("email", "fuzz@example.org");
      post.put("attribute[kind]", "pothole");
      post.put("attribute[dangerous]", "no");
      for (String p :
          List.of(new ArrayList<>(post.keySet()), List.of("address_id", "jurisdiction_id")).stream()
              .flatMap(List::stream)
              .toList()) {
        fields.add(
            new Field(
                "Open311 POST requests." + format + " " + p,
                ANONYMOUS,
                (s, v) -> {
                  Map<String, String> form = new LinkedHashMap<>(post);
                  form.put(p, v);
                  return List.of(
                      s.send(
                          "POST",
                          "open311/v2/requests." + format,
                          "application/x-www-form-urlencoded",
                          urlencoded(form)));
                }));
      }
      fields.add(
          new Field(
              "Open311 POST requests." + format + " attribute[name]",
              ANONYMOUS,
              (s, v) -> {
                Map<String, String> form = new LinkedHashMap<>(post);
                form.put("attribute[" + v + "]", "x");
                return List.of(
                    s.send(
                        "POST",
                        "open311/v2/requests." + format,
                        "application/x-www-form-urlencoded",
                        urlencoded(form)));
              }));
    }
    return fields;
  }

  static String urlencoded(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  // ---------------------------------------------------------------- pages

  private List<Field> pageFields() {
    List<Field> fields = new ArrayList<>();
    for (String[] page : PAGE_PARAMETERS) {
      for (int i = 2; i < page.length; i++) {
        String parameter = page[i];
        String path = page[0];
        fields.add(
            new Field(
                "Page GET " + path + " ?" + parameter,
                page[1],
                (s, v) ->
                    List.of(
                        s.get(
                            path
                                + "?"
                                + parameter
                                + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
      }
    }
    fields.add(
        new Field(
            "Page GET services/{slug}",
            ANONYMOUS,
            (s, v) -> {
              if (v.isEmpty()) {
                throw new IllegalArgumentException("an empty segment changes the route");
              }
              return List.of(s.get("services/" + encodeSegment(v)));
            }));
    return fields;
  }

  /** Every field of every posting form of the form pages, found by fetching each page once. */
  private List<Field> formFields() {
    List<Field> fields = new ArrayList<>();
    for (String[] page : FORM_PAGES) {
      String path = fill(page[0]);
      String user = page[1];
      HttpResponse<String> shown = session(user).get(path);
      if (shown.statusCode() != 200) {
        failures.add("form page not shown | " + path + " as " + user + " | " + shown.statusCode());
        continue;
      }
      for (Form form : session(user).forms(shown)) {
        if (form.action().endsWith("/logout")) {
          // signing out would end the session the other fields are fuzzed in
          continue;
        }
        List<String> names = new ArrayList<>(form.editable());
        form.hidden().stream()
            .filter(n -> !n.startsWith("jakarta.faces.") && !n.equals(form.id()))
            .filter(n -> !n.equals("csrf"))
            .forEach(names::add);
        for (String name : names) {
          String formId = form.id();
          fields.add(
              new Field(
                  "Form " + page[0] + " #" + formId + " " + name,
                  user,
                  (s, v) -> {
                    HttpResponse<String> fresh = s.get(path);
                    List<Form> now =
                        s.forms(fresh).stream().filter(f -> f.id().equals(formId)).toList();
                    if (now.isEmpty()) {
                      return List.of(fresh);
                    }
                    return List.of(fresh, s.post(now.get(0).with(name, v)));
                  }));
        }
      }
    }
    return fields;
  }

  /**
   * Payloads that end up in a mail (a case worker's message to the citizen) and in a PDF receipt (a
   * request description), each checked where it lands.
   */
  private List<Field> mailAndReceiptFields() {
    List<Field> fields = new ArrayList<>();
    fields.add(
        new Field(
            "Mail: a case worker's message to the citizen",
            "caseworker1",
            (s, v) ->
                List.of(
                    s.json(
                        "POST",
                        "api/v1/requests/" + fixture.get("request") + "/messages",
                        Json.createObjectBuilder().add("body", v).build().toString()))));
    fields.add(
        new Field(
            "Receipt: a request's description in its PDF receipt",
            "citizen1",
            (s, v) -> {
              HttpResponse<String> created = s.json("POST", "api/v1/requests", roadDamage(v));
              if (created.statusCode() != 201 || v.equals(BENIGN)) {
                return List.of(created);
              }
              String ref = json(created).getString("reference");
              HttpResponse<byte[]> pdf = s.getBytes("requests/receipt?ref=" + ref);
              requests.incrementAndGet();
              if (pdf.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                failures.add("status " + pdf.statusCode() + " | receipt | " + v);
              } else if (v.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && v.indexOf('<') >= 0) {
                String text = pdfText(pdf.body()).replaceAll("\\s+", "");
                if (!text.contains(v.replaceAll("\\s+", ""))) {
                  unescaped.incrementAndGet();
                  failures.add("receipt does not show the payload as text | " + v);
                }
              }
              return List.of(created);
            }));
    return fields;
  }

  static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      return "";
    }
  }

  // ---------------------------------------------------------------- stored markup, mail

  private final Map<String, String> storedBefore = new ConcurrentHashMap<>();

  private void storedPagesBefore() {
    for (String[] page : STORED_PAGES) {
      storedBefore.put(page[0], session(page[1]).get(fill(page[0])).body());
    }
  }

  /** Pages listing what was stored show no stored payload as markup. */
  private void storedPagesAfter() {
    for (String[] page : STORED_PAGES) {
      HttpResponse<String> shown = session(page[1]).get(fill(page[0]));
      requests.incrementAndGet();
      if (shown.statusCode() >= 500) {
        serverErrors.incrementAndGet();
        failures.add("status " + shown.statusCode() + " | stored page | " + page[0]);
      }
      String before = storedBefore.get(page[0]);
      for (String payload : storedMarkup) {
        if (shown.body().contains(payload) && !before.contains(payload)) {
          unescaped.incrementAndGet();
          failures.add("stored payload unescaped | " + page[0] + " | " + payload);
        }
      }
    }
  }

  /**
   * Mails are plain text with one recipient and a one-line subject, whatever was typed; the case
   * worker's messages all arrive.
   */
  private void checkMail(GreenMail mail) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)
        && !Stream.of(mail.getReceivedMessages())
            .anyMatch(m -> subject(m).contains(fixture.get("request")))) {
      Thread.sleep(500);
    }
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).as("mails sent during the fuzz run").isNotEmpty();
    for (MimeMessage m : received) {
      requests.incrementAndGet();
      Address[] to = m.getAllRecipients();
      String subject = subject(m);
      if (!m.getContentType().toLowerCase(Locale.ROOT).startsWith("text/plain")
          || to == null
          || to.length != 1
          || subject.contains("\n")
          || subject.contains("\r")) {
        unescaped.incrementAndGet();
        failures.add(
            "mail not one plain-text message to one recipient | "
                + m.getContentType()
                + " | "
                + subject);
      }
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  private String branding;

  /** The tenant's name and colour and the message wording as they were before the run. */
  private void restore() {
    if (branding == null) {
      return;
    }
    JsonObject b = json(branding);
    JsonObjectBuilder change = Json.createObjectBuilder().add("name", b.getString("name"));
    change.add("primaryColour", b.getOrDefault("primaryColour", JsonValue.NULL));
    assertThat(
            session("admin1")
                .json("PUT", "api/v1/tenant/branding", change.build().toString())
                .statusCode())
        .as("branding restored")
        .isEqualTo(200);
    // blank wording goes back to the portal's own
    session("admin1")
        .json("PUT", "api/v1/tenant/mail-templates/message/en", "{\"subject\":\"\",\"body\":\"\"}");
  }

  private static JsonObject json(HttpResponse<String> response) {
    return json(response.body());
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new IllegalStateException("not a JSON object: " + body, e);
    }
  }

  private static String sizes(PayloadCorpus corpus) {
    StringBuilder s = new StringBuilder();
    corpus
        .byClass()
        .forEach(
            (c, l) -> s.append(s.length() == 0 ? "" : ", ").append(c).append(' ').append(l.size()));
    return s.toString();
  }
}
