package org.civicportal.request.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.civicportal.web.ItDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * Service requests through the REST API and Open311, on the real WAR: one request per idempotency
 * key, the state machine enforced on the server, other citizens and uncleared staff seeing nothing
 * (404, absent from lists), internal notes kept from citizens and Open311, and mail that waits for
 * the SMTP server and then arrives once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceRequestsIT {
  static final String PASSWORD = "Demo!2026";
  static final String KEY = "demo-open311-key";
  static final String HOSTILE = "<script>alert(1)</script> & </description><x>";
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  static GreenMail mail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void smtpDown() {
    // the SMTP server starts only in the mail test: until then every mail has to wait in the outbox
    mail =
        new GreenMail(
            new ServerSetup(ItDatabase.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @AfterAll
  static void smtpStop() {
    mail.stop();
  }

  static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  static String roadDamage(String description) {
    return "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
        + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],"
        + "\"description\":["
        + jsonString(description)
        + "],\"address\":[\"1 High Street\"],\"location\":[\"51.5, -0.12\"]},"
        + "\"files\":[{\"question\":\"photo\",\"name\":\"hole.png\",\"content\":\""
        + Base64.getEncoder().encodeToString(PNG)
        + "\"}]}";
  }

  static String jsonString(String s) {
    return jakarta.json.Json.createArrayBuilder()
        .add(s)
        .build()
        .toString()
        .replaceAll("^\\[|\\]$", "");
  }

  String submit(String user, String key, String description) throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            roadDamage(description),
            "Authorization",
            Http.basic(user, PASSWORD),
            "Idempotency-Key",
            key);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return ((JsonObject) Http.json(r)).getString("reference");
  }

  @Test
  void aRetriedSubmissionIsOneRequestAndOtherCitizensSeeNothingOfIt() throws Exception {
    String key = UUID.randomUUID().toString();
    String ref = submit("citizen1", key, "A deep hole " + HOSTILE);
    assertThat(ref).matches("DEM-\\d{4}-\\d{6}");
    assertThat(submit("citizen1", key, "A deep hole " + HOSTILE)).isEqualTo(ref);
    JsonArray mine = (JsonArray) Http.json(Http.get(base, "api/v1/requests", as("citizen1")));
    assertThat(mine.stream().filter(v -> v.asJsonObject().getString("reference").equals(ref)))
        .hasSize(1);

    HttpResponse<String> own = Http.get(base, "api/v1/requests/" + ref, as("citizen1"));
    assertThat(own.statusCode()).isEqualTo(200);
    JsonObject detail = (JsonObject) Http.json(own);
    assertThat(detail.getString("state")).isEqualTo("submitted");
    assertThat(detail.getString("description")).isEqualTo("A deep hole " + HOSTILE);
    JsonObject file = detail.getJsonArray("files").getJsonObject(0);
    assertThat(file.getString("mediaType")).isEqualTo("image/png");
    assertThat(file.getString("sha256"))
        .isEqualTo(org.civicportal.form.control.UploadedFiles.sha256(PNG));
    String fileUrl = "api/v1/requests/" + ref + "/files/" + file.getJsonNumber("id").longValue();
    assertThat(Http.get(base, fileUrl, as("citizen1")).statusCode()).isEqualTo(200);

    // another citizen, a case worker of another agency's clearance, anonymous, Open311: nothing
    assertThat(Http.get(base, "api/v1/requests/" + ref, as("citizen2")).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(base, fileUrl, as("citizen2")).statusCode()).isEqualTo(404);
    assertThat(Http.get(base, "api/v1/requests", as("citizen2")).body()).doesNotContain(ref);
    assertThat(Http.get(base, "api/v1/requests/" + ref).statusCode()).isEqualTo(401);
    assertThat(Http.get(base, "api/v1/requests/" + ref, as("editor1")).statusCode()).isEqualTo(404);
    assertThat(Http.get(base, "open311/v2/requests/" + ref + ".json").statusCode()).isEqualTo(404);
    assertThat(Http.get(base, "open311/v2/requests/" + ref + ".json?api_key=" + KEY).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(base, "open311/v2/requests/" + ref + ".xml", as("citizen2")).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(base, "open311/v2/requests.json?api_key=" + KEY).body())
        .doesNotContain(ref);
    assertThat(Http.get(base, "open311/v2/requests/" + ref + ".json", as("citizen1")).statusCode())
        .isEqualTo(200);
    // the receipt: a tagged PDF with the reference and the marking, for its owner only
    HttpResponse<byte[]> receipt =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve("requests/receipt?ref=" + ref))
                    .header("Authorization", Http.basic("citizen1", PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(receipt.statusCode()).isEqualTo(200);
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertThat(text).contains(ref, "OFFICIAL", "A deep hole <script>alert(1)</script>");
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
    }
    assertThat(Http.get(base, "requests/receipt?ref=" + ref, as("citizen2")).statusCode())
        .isEqualTo(404);
    // the same key from another citizen is not theirs to replay
    HttpResponse<String> stolen =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            roadDamage("x"),
            "Authorization",
            Http.basic("citizen2", PASSWORD),
            "Idempotency-Key",
            key);
    assertThat(stolen.statusCode()).isEqualTo(201);
    assertThat(((JsonObject) Http.json(stolen)).getString("reference")).isNotEqualTo(ref);
  }

  @Test
  void badAnswersAndBadFilesAreRefusedWithTheQuestionNamed() throws Exception {
    HttpResponse<String> missing =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"road-damage\",\"answers\":{\"kind\":[\"pothole\"]}}",
            as("citizen1"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(missing.body()).contains("dangerous").contains("Answer this question");
    String script =
        Base64.getEncoder().encodeToString("<script>x</script>".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> badFile =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            roadDamage("x").replace(Base64.getEncoder().encodeToString(PNG), script),
            as("citizen1"));
    assertThat(badFile.statusCode()).isEqualTo(400);
    assertThat(badFile.body()).contains("photo").contains("only these kinds of file");
    HttpResponse<String> unknown =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"nope\",\"answers\":{}}",
            as("citizen1"));
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  /**
   * Issue 14: a label sent with a request was once silently replaced by the lowest level. It is now
   * checked against the service's ceiling and against what the submitter may set, and refused with
   * the field named; nothing is stored.
   */
  @Test
  void aLabelAboveTheCeilingOrNotTheSubmittersToSetIsRefusedNeverReplaced_issue14()
      throws Exception {
    String secret = "Kookaburra" + System.nanoTime();
    String asked = roadDamage(secret + " hole").replaceFirst("\\}$", ",\"classification\":\"%s\"}");
    int before = ((JsonArray) Http.json(Http.get(base, "api/v1/requests", as("citizen1")))).size();

    HttpResponse<String> aboveCeiling =
        Http.send(base, "api/v1/requests", "POST", asked.formatted("SECRET"), as("citizen1"));
    HttpResponse<String> malformed =
        Http.send(base, "api/v1/requests", "POST", asked.formatted("SECRET//NOPE"), as("citizen1"));
    HttpResponse<String> lowest =
        Http.send(base, "api/v1/requests", "POST", asked.formatted("OFFICIAL"), as("citizen1"));
    int after = ((JsonArray) Http.json(Http.get(base, "api/v1/requests", as("citizen1")))).size();

    assertThat(aboveCeiling.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) Http.json(aboveCeiling)).getString("parameter"))
        .isEqualTo("classification");
    assertThat(aboveCeiling.body()).contains("at most OFFICIAL");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) Http.json(malformed)).getString("parameter"))
        .isEqualTo("classification");
    assertThat(lowest.statusCode()).as(lowest.body()).isEqualTo(201);
    assertThat(after).as("only the accepted one is stored").isEqualTo(before + 1);
  }

  @Test
  void caseWorkersMoveItOnlyAlongTheStateMachineAndNotesStayInternal() throws Exception {
    String ref = submit("citizen1", UUID.randomUUID().toString(), "Broken light");
    String path = "api/v1/requests/" + ref;
    HttpResponse<String> jump =
        Http.send(
            base, path + "/transitions", "POST", "{\"state\":\"resolved\"}", as("caseworker1"));
    assertThat(jump.statusCode()).as(jump.body()).isEqualTo(409);
    assertThat(
            Http.send(
                    base,
                    path + "/assignment",
                    "POST",
                    "{\"assignee\":\"caseworker1\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Http.send(
                    base,
                    path + "/transitions",
                    "POST",
                    "{\"state\":\"triaged\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Http.send(
                    base,
                    path + "/transitions",
                    "POST",
                    "{\"state\":\"in-progress\",\"note\":\"A crew is booked for Monday.\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Http.send(
                    base,
                    path + "/messages",
                    "POST",
                    "{\"body\":\"We are on it.\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> note =
        Http.send(
            base,
            path + "/notes",
            "POST",
            "{\"body\":\"Contractor Zed owes us.\",\"classification\":\"OFFICIAL-SENSITIVE\"}",
            as("caseworker1"));
    assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
    assertThat(note.headers().firstValue("Classification")).contains("OFFICIAL-SENSITIVE");
    HttpResponse<String> tooHigh =
        Http.send(
            base,
            path + "/notes",
            "POST",
            "{\"body\":\"x\",\"classification\":\"SECRET\"}",
            as("caseworker1"));
    assertThat(tooHigh.statusCode()).isEqualTo(400);

    HttpResponse<String> citizen = Http.get(base, path, as("citizen1"));
    assertThat(citizen.body())
        .contains("in-progress", "A crew is booked for Monday.", "We are on it.")
        .doesNotContain("Contractor Zed", "caseworker1");
    assertThat(citizen.headers().firstValue("Classification")).contains("OFFICIAL");
    // a case worker cleared only to OFFICIAL sees the request and the message, not the note
    HttpResponse<String> lower = Http.get(base, path, as("caseworker2"));
    assertThat(lower.statusCode()).isEqualTo(200);
    assertThat(lower.body()).contains("We are on it.").doesNotContain("Contractor Zed");
    assertThat(lower.headers().firstValue("Classification")).contains("OFFICIAL");
    assertThat(Http.get(base, path, as("caseworker1")).body()).contains("Contractor Zed");

    HttpResponse<String> withdraw =
        Http.send(base, path + "/withdrawal", "POST", "{}", as("citizen1"));
    assertThat(withdraw.statusCode()).isEqualTo(409);
    assertThat(
            Http.get(base, "api/v1/requests/export.csv?state=in-progress", as("caseworker1"))
                .body())
        .contains(ref);
    assertThat(Http.get(base, "api/v1/requests/export.csv", as("caseworker2")).body())
        // the banner row, above the header: the highest label among the rows (issue 14)
        .startsWith("OFFICIAL\r\nreference,service,")
        .contains(ref);
    JsonObject dashboard =
        (JsonObject) Http.json(Http.get(base, "api/v1/requests/dashboard", as("caseworker1")));
    assertThat(dashboard.getJsonObject("byState").getInt("in-progress")).isGreaterThanOrEqualTo(1);
    assertThat(Http.get(base, "api/v1/requests/dashboard", as("citizen2")).body())
        .doesNotContain("in-progress");
  }

  @Test
  void open311ListsServicesAndTakesARequestWithTheDemoKey() throws Exception {
    HttpResponse<String> services = Http.get(base, "open311/v2/services.json");
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.body()).contains("\"service_code\":\"road-damage\"");
    assertThat(Http.get(base, "open311/v2/services.xml").body())
        .contains("<service_code>road-damage</service_code>");
    String definition = Http.get(base, "open311/v2/services/road-damage.json").body();
    assertThat(definition).contains("\"code\":\"kind\"", "singlevaluelist", "\"key\":\"pothole\"");
    assertThat(Http.get(base, "open311/v2/discovery.json").statusCode()).isEqualTo(200);

    HttpResponse<String> noKey = post("service_code=road-damage&description=x");
    assertThat(noKey.statusCode()).isEqualTo(403);
    assertThat(noKey.body()).startsWith("[{\"code\":403,");
    assertThat(post("api_key=wrong&service_code=road-damage").statusCode()).isEqualTo(403);
    assertThat(post("api_key=" + KEY + "&service_code=nope").statusCode()).isEqualTo(404);
    HttpResponse<String> invalid =
        post("api_key=" + KEY + "&service_code=road-damage&address_string=x");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("kind");

    HttpResponse<String> created =
        post(
            "api_key="
                + KEY
                + "&service_code=road-damage&lat=51.5&long=-0.12"
                + "&address_string="
                + enc("2 Low Road")
                + "&description="
                + enc(HOSTILE)
                + "&attribute[kind]=pothole&attribute[dangerous]=yes&attribute[danger-detail]="
                + enc("Deep"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject first = ((JsonArray) Http.json(created)).getJsonObject(0);
    String id = first.getString("service_request_id");
    String token = first.getString("token");

    HttpResponse<String> mine =
        Http.get(base, "open311/v2/requests/" + id + ".json?api_key=" + KEY);
    assertThat(mine.statusCode()).isEqualTo(200);
    JsonObject request = ((JsonArray) Http.json(mine)).getJsonObject(0);
    assertThat(request.getString("description")).isEqualTo(HOSTILE);
    assertThat(request.getString("status")).isEqualTo("open");
    assertThat(request.getJsonNumber("lat").doubleValue()).isEqualTo(51.5);
    String xml = Http.get(base, "open311/v2/requests/" + id + ".xml?api_key=" + KEY).body();
    assertThat(xml).doesNotContain("<script>");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(HOSTILE);
    assertThat(Http.get(base, "open311/v2/tokens/" + token + ".json").body()).contains(id);
    assertThat(Http.get(base, "open311/v2/requests.json?api_key=" + KEY).body()).contains(id);
    assertThat(Http.get(base, "open311/v2/requests.json").body()).isEqualTo("[]");
    assertThat(Http.get(base, "open311/v2/requests.json?api_key=" + KEY + "&status=closed").body())
        .doesNotContain(id);
    assertThat(Http.get(base, "open311/v2/requests.json?jurisdiction_id=nowhere").statusCode())
        .isEqualTo(404);
    assertThat(
            Http.get(base, "open311/v2/requests.json?api_key=" + KEY + "&start_date=yesterday")
                .statusCode())
        .isEqualTo(400);

    // internal notes never reach Open311; public notes do
    String path = "api/v1/requests/" + id;
    Http.send(
        base,
        path + "/transitions",
        "POST",
        "{\"state\":\"triaged\",\"note\":\"Seen by the roads team.\"}",
        as("caseworker1"));
    Http.send(base, path + "/notes", "POST", "{\"body\":\"Internal only.\"}", as("caseworker1"));
    String after = Http.get(base, "open311/v2/requests/" + id + ".json?api_key=" + KEY).body();
    assertThat(after).contains("Seen by the roads team.").doesNotContain("Internal only.");
    // a citizen of the portal cannot read a request made through Open311
    assertThat(Http.get(base, path, as("citizen1")).statusCode()).isEqualTo(404);
  }

  @Test
  void ourOpen311AnswersMatchTheGeoReportSchemasAndARealClientReadsThem() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(org.civicportal.open311.client.Open311Corpus.spec()),
        "the shared Open311 corpus is not here");
    org.civicportal.open311.client.Open311Schemas schemas =
        org.civicportal.open311.client.Open311Schemas.fromCorpus();
    URI endpoint = URI.create(base.toString()).resolve("open311/v2");
    for (org.civicportal.open311.client.Format format :
        org.civicportal.open311.client.Format.values()) {
      String ext = format.name().toLowerCase(java.util.Locale.ROOT);
      org.civicportal.open311.client.GeoReportClient client =
          new org.civicportal.open311.client.GeoReportClient(endpoint, format).withApiKey(KEY);
      assertThat(client.services()).anySatisfy(s -> assertThat(s.code()).isEqualTo("road-damage"));
      assertThat(client.service("road-damage").attributes())
          .anySatisfy(a -> assertThat(a.code()).isEqualTo("kind"));
      assertThat(client.discovery().endpoints()).isNotEmpty();
      List<org.civicportal.open311.client.PostResult> posted =
          client.post(
              java.util.Map.of(
                  "service_code", "road-damage",
                  "description", "Seen by a real client " + HOSTILE,
                  "address_string", "3 Mill Lane",
                  "attribute[kind]", "street-light",
                  "attribute[dangerous]", "no"));
      String id = posted.get(0).serviceRequestId();
      assertThat(client.request(id).orElseThrow().description())
          .isEqualTo("Seen by a real client " + HOSTILE);

      String suffix = "." + ext + "?api_key=" + KEY;
      check(schemas, format, "services", Http.get(base, "open311/v2/services." + ext).body());
      check(
          schemas,
          format,
          "service-definition",
          Http.get(base, "open311/v2/services/road-damage." + ext).body());
      check(schemas, format, "requests", Http.get(base, "open311/v2/requests" + suffix).body());
      check(
          schemas, format, "requests", Http.get(base, "open311/v2/requests/" + id + suffix).body());
      assertThat(schemas.validateErrors(Http.get(base, "open311/v2/requests/nope" + suffix).body()))
          .isEmpty();
      assertThat(schemas.validateErrors(post("service_code=road-damage").body())).isEmpty();
    }
  }

  private static void check(
      org.civicportal.open311.client.Open311Schemas schemas,
      org.civicportal.open311.client.Format format,
      String kind,
      String body) {
    List<String> problems =
        format == org.civicportal.open311.client.Format.XML
            ? schemas.validateXml(kind, body)
            : schemas.validateJson(kind, body);
    assertThat(problems).as(kind + " " + format + ": " + body).isEmpty();
  }

  @Test
  void aDoubleClickOnSendMakesOneRequestAndAGuestFollowsItByTheirLink() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String draftUrl = location(form(http, "requests/start", "service=road-damage"));
    String token = draftUrl.replaceAll(".*draft=([^&]+).*", "$1");
    String[][] pages = {
      {"0", "answer=pothole"}, {"1", "answer=no"}, {"2", "answer=" + enc("Guest hole")},
      {"3", "answer=" + enc("4 Quay Street")}, {"4", "answer="}, {"5", ""}
    };
    for (String[] page : pages) {
      String next =
          location(
              form(http, "requests/answer", "draft=" + token + "&step=" + page[0] + "&" + page[1]));
      assertThat(next).doesNotContain("error=");
    }
    assertThat(location(form(http, "requests/answer", "draft=" + token + "&step=email&email=nope")))
        .contains("error=email");
    assertThat(
            location(
                form(
                    http,
                    "requests/answer",
                    "draft=" + token + "&step=email&email=" + enc("g@example.org"))))
        .contains("/requests/check?draft=");
    // two clicks on "Accept and send" at once
    java.util.concurrent.CompletableFuture<HttpResponse<String>> one =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> form(http, "requests/submit", "draft=" + token));
    java.util.concurrent.CompletableFuture<HttpResponse<String>> two =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> form(http, "requests/submit", "draft=" + token));
    String first = location(one.get());
    String second = location(two.get());
    assertThat(first).contains("/requests/done?token=");
    assertThat(second).isEqualTo(first);
    String track = first.replace("/requests/done?", "/requests/track?");
    String page = Http.get(base, track.substring(track.indexOf("requests/"))).body();
    assertThat(page).contains("Guest hole").contains("DEM-");
  }

  private HttpResponse<String> form(HttpClient http, String path, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void citizensWithdrawBeforeAssignmentAndCaseWorkersRouteToTeams() throws Exception {
    String ref = submit("citizen2", UUID.randomUUID().toString(), "Changed my mind");
    String path = "api/v1/requests/" + ref;
    HttpResponse<String> other =
        Http.send(base, path + "/withdrawal", "POST", "{}", as("citizen1"));
    assertThat(other.statusCode()).isEqualTo(404);
    HttpResponse<String> withdrawn =
        Http.send(base, path + "/withdrawal", "POST", "{}", as("citizen2"));
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"state\":\"withdrawn\"");
    assertThat(
            Http.send(
                    base,
                    path + "/transitions",
                    "POST",
                    "{\"state\":\"triaged\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(409);

    String routed = submit("citizen2", UUID.randomUUID().toString(), "For the north crew");
    HttpResponse<String> team =
        Http.send(
            base,
            "api/v1/requests/" + routed + "/team",
            "POST",
            "{\"team\":\"north-crew\"}",
            as("caseworker1"));
    assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
    assertThat(Http.get(base, "api/v1/requests?team=north-crew", as("caseworker1")).body())
        .contains(routed)
        .doesNotContain(ref);
    assertThat(
            Http.send(
                    base,
                    "api/v1/requests/" + routed + "/team",
                    "POST",
                    "{\"team\":\"<script>\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void tenantAdminsIssueAndRevokeOpen311Keys() throws Exception {
    assertThat(
            Http.send(base, "api/v1/open311-keys", "POST", "{\"name\":\"x\"}", as("citizen1"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> issued =
        Http.send(base, "api/v1/open311-keys", "POST", "{\"name\":\"Street app\"}", as("admin1"));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject key = (JsonObject) Http.json(issued);
    String secret = key.getString("key");
    String form =
        "service_code=road-damage&address_string=x&description=y"
            + "&attribute[kind]=pothole&attribute[dangerous]=no&api_key=";
    assertThat(post(form + secret).statusCode()).isEqualTo(201);
    assertThat(Http.get(base, "api/v1/open311-keys", as("admin1")).body())
        .contains("Street app")
        .doesNotContain(secret);
    assertThat(
            Http.send(
                    base,
                    "api/v1/open311-keys/" + key.getJsonNumber("id").longValue(),
                    "DELETE",
                    "",
                    as("admin1"))
                .statusCode())
        .isEqualTo(204);
    assertThat(post(form + secret).statusCode()).isEqualTo(403);
  }

  @Test
  void mailWaitsWhileTheSmtpServerIsDownAndThenArrivesOnce() throws Exception {
    String guest = "guest" + System.nanoTime() + "@example.org";
    HttpResponse<String> wording =
        Http.send(
            base,
            "api/v1/tenant/mail-templates/submitted/en",
            "PUT",
            "{\"subject\":\"Custom {tenant}: {reference}\",\"body\":\"We have it: {reference}. {link}\"}",
            as("admin1"));
    assertThat(wording.statusCode()).as(wording.body()).isEqualTo(200);
    assertThat(
            Http.send(
                    base,
                    "api/v1/tenant/mail-templates/submitted/en",
                    "PUT",
                    "{\"subject\":\"x\"}",
                    as("citizen1"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            roadDamage("Guest report")
                .replace("\"files\"", "\"email\":\"" + guest + "\",\"files\""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String ref = ((JsonObject) Http.json(r)).getString("reference");
    Thread.sleep(3_000);
    mail.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (to(guest).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    List<MimeMessage> arrived = to(guest);
    assertThat(arrived).hasSize(1);
    // the marking of what a mail speaks of leads its subject and its body (issue 14)
    assertThat(arrived.get(0).getSubject())
        .startsWith("[OFFICIAL] Custom Government of Demoland: " + ref);
    assertThat(GreenMailUtil.getBody(arrived.get(0)))
        .startsWith("OFFICIAL")
        .contains("/requests/track?token=");
    // the relay keeps running: the same mail is not sent again
    Thread.sleep(12_000);
    assertThat(to(guest)).hasSize(1);
  }

  private static List<MimeMessage> to(String address) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  private HttpResponse<String> post(String form) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base.toString()).resolve("open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
