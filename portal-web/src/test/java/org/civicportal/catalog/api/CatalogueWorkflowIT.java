package org.civicportal.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The editorial workflow over the REST contract, as a script would drive it: an editor drafts, a
 * reviewer sends back and publishes, citizens see only what is published, a published version never
 * changes under an edit, scheduled publishing and unpublishing happen on time, and every transition
 * is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogueWorkflowIT {
  private static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void anEditorDraftsAReviewerSendsBackThenPublishesAndCitizensSeeOnlyThePublishedVersion()
      throws Exception {
    String word = "quokkalicence" + System.nanoTime();
    HttpResponse<String> created =
        post(
            "api/v1/services",
            "{\"title\":\"Get a "
                + word
                + " permit\",\"summary\":\"Permits for quokkas.\","
                + "\"body\":\"<p>Apply today.</p><script>alert(1)</script>\","
                + "\"lang\":\"en\",\"category\":\"transport\",\"agency\":\"transport\"}",
            "editor1");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject draft = Http.json(created).asJsonObject();
    long id = draft.getJsonNumber("id").longValue();
    String slug = draft.getString("slug");
    String service = "api/v1/services/" + id;
    assertThat(draft.getString("state")).isEqualTo("draft");
    assertThat(slug).isEqualTo("get-a-" + word + "-permit");
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(service));

    // nobody outside the agency's editors and reviewers learns the draft exists
    assertThat(Http.get(base, "api/v1/services/" + slug).statusCode()).isEqualTo(404);
    assertThat(get(service + "/editorial", "citizen1").statusCode()).isEqualTo(404);
    assertThat(get(service + "/editorial", "analyst1").statusCode()).isEqualTo(404);
    assertThat(get(service + "/editorial", "reviewer1").statusCode()).isEqualTo(200);
    assertThat(
            Http.get(
                    base,
                    service + "/editorial",
                    "Host",
                    "samplestan.localhost",
                    "Authorization",
                    Http.basic("editor1", PASSWORD))
                .statusCode())
        .isEqualTo(404);

    // roles and states are enforced on the server
    assertThat(put(service, "{\"summary\":\"Reviewers do not edit.\"}", "reviewer1").statusCode())
        .isEqualTo(403);
    assertProblem(post(service + "/publish", "{}", "reviewer1"), 409);
    assertThat(state(post(service + "/submit", "", "editor1"))).isEqualTo("in-review");
    assertProblem(put(service, "{\"summary\":\"Too late.\"}", "editor1"), 409);
    assertProblem(post(service + "/publish", "{}", "editor1"), 403);
    HttpResponse<String> noComment = post(service + "/reject", "{}", "reviewer1");
    assertProblem(noComment, 400);
    assertThat(Http.json(noComment).asJsonObject().getString("parameter")).isEqualTo("comment");

    HttpResponse<String> sentBack =
        post(service + "/reject", "{\"comment\":\"Add the French text.\"}", "reviewer1");
    assertThat(state(sentBack)).isEqualTo("draft");
    assertThat(Http.json(sentBack).asJsonObject().getString("reviewComment"))
        .isEqualTo("Add the French text.");

    HttpResponse<String> french =
        put(
            service + "/translations/fr",
            "{\"title\":\"Obtenir un permis "
                + word
                + "\",\"summary\":\"Permis.\",\"body\":\"Texte.\"}",
            "editor1");
    assertThat(french.statusCode()).as(french.body()).isEqualTo(200);
    JsonObject translations = Http.json(french).asJsonObject().getJsonObject("translations");
    assertThat(translations.getString("en")).isEqualTo("up-to-date");
    assertThat(translations.getString("fr")).isEqualTo("up-to-date");
    assertThat(translations.getString("ar")).isEqualTo("missing");

    assertThat(state(post(service + "/submit", "", "editor1"))).isEqualTo("in-review");
    Http.get(base, "catalogue");
    HttpResponse<String> kept = Http.get(base, "catalogue");
    assertThat(kept.headers().firstValue("X-Page-Cache"))
        .as("anonymous pages are kept")
        .hasValue("hit");
    assertThat(kept.body()).doesNotContain(word);
    assertThat(
            Http.get(base, "catalogue", "Authorization", Http.basic("citizen1", PASSWORD))
                .headers()
                .firstValue("X-Page-Cache"))
        .as("never for a signed-in caller")
        .isEmpty();
    assertThat(state(post(service + "/publish", "", "reviewer1"))).isEqualTo("published");
    assertThat(Http.get(base, "catalogue").body())
        .as("a publication makes kept pages stale at once")
        .contains(word);

    HttpResponse<String> published = Http.get(base, "api/v1/services/" + slug);
    assertThat(published.statusCode()).isEqualTo(200);
    JsonObject page = Http.json(published).asJsonObject();
    assertThat(page.getString("body")).contains("<p>Apply today.</p>").doesNotContain("script");
    assertThat(page.getString("category")).isEqualTo("transport");
    HttpResponse<String> inFrench = Http.get(base, "api/v1/services/" + slug + "?lang=fr");
    assertThat(Http.json(inFrench).asJsonObject().getString("title")).startsWith("Obtenir");
    HttpResponse<String> inArabic = Http.get(base, "api/v1/services/" + slug + "?lang=ar");
    assertThat(Http.json(inArabic).asJsonObject().getBoolean("fallback")).isTrue();
    assertThat(eventually(() -> searchTotal(word) == 1)).isTrue();
    String sitemap = Http.get(base, "sitemap.xml").body();
    assertThat(Http.get(base, "sitemap.xml", "Host", "samplestan.localhost").body())
        .as("each tenant's sitemap on its own host")
        .contains("://samplestan.localhost")
        .doesNotContain(slug);
    assertThat(sitemap)
        .contains("/services/" + slug + "</loc>")
        .contains("hreflang=\"fr\" href=\"")
        .contains("/services/obtenir-un-permis-" + word);

    // a published version never changes: an edit starts revision 2, citizens still read 1
    HttpResponse<String> edited =
        put(service, "{\"summary\":\"Permits for quokkas and wallabies.\"}", "editor1");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    JsonObject revision2 = Http.json(edited).asJsonObject();
    assertThat(revision2.getInt("revision")).isEqualTo(2);
    assertThat(revision2.getString("state")).isEqualTo("draft");
    assertThat(revision2.getBoolean("published")).isTrue();
    assertThat(revision2.getJsonObject("translations").getString("fr")).isEqualTo("outdated");
    assertThat(
            Http.json(Http.get(base, "api/v1/services/" + slug))
                .asJsonObject()
                .getString("summary"))
        .isEqualTo("Permits for quokkas.");
    HttpResponse<String> diff = get(service + "/diff", "editor1");
    assertThat(diff.body()).contains("en: summary").contains("wallabies");
    HttpResponse<String> history = get(service + "/revisions", "reviewer1");
    assertThat(Http.json(history).asJsonArray()).hasSize(2);

    // every transition is in the audit log
    HttpResponse<String> audit = get("api/v1/audit?action=SERVICE_CHANGED&size=100", "auditor1");
    assertThat(audit.body())
        .contains("service:" + id)
        .contains("draft -> in-review")
        .contains("in-review -> draft: Add the French text.")
        .contains("in-review -> published");
  }

  @Test
  void nobodyPublishesWhatTheySubmittedThemselves() throws Exception {
    String username = "both" + System.nanoTime() % 100000;
    HttpResponse<String> employee =
        post(
            "api/v1/employees",
            "{\"username\":\""
                + username
                + "\",\"password\":\"Correct-Horse-9\",\"clearance\":\"OFFICIAL\","
                + "\"roles\":[\"agency-editor\",\"agency-reviewer\"],\"agencies\":[\"transport\"]}",
            "admin1");
    assertThat(employee.statusCode()).as(employee.body()).isEqualTo(201);
    long id = create("Four eyes " + System.nanoTime(), username, "Correct-Horse-9");
    Http.send(
        base,
        "api/v1/services/" + id + "/submit",
        "POST",
        "",
        "Authorization",
        Http.basic(username, "Correct-Horse-9"));

    HttpResponse<String> own =
        Http.send(
            base,
            "api/v1/services/" + id + "/publish",
            "POST",
            "",
            "Authorization",
            Http.basic(username, "Correct-Horse-9"));

    assertProblem(own, 403);
    assertThat(state(post("api/v1/services/" + id + "/publish", "", "reviewer1")))
        .isEqualTo("published");

    // another agency's draft cannot be named as a related service: to this editor it does not exist
    String civil = "civil" + System.nanoTime() % 100000;
    post(
        "api/v1/employees",
        "{\"username\":\""
            + civil
            + "\",\"password\":\"Correct-Horse-9\",\"clearance\":\"OFFICIAL\","
            + "\"roles\":[\"agency-editor\"],\"agencies\":[\"civil-records\"]}",
        "admin1");
    long transportDraft = create("Transport draft " + System.nanoTime(), "editor1", PASSWORD);
    HttpResponse<String> own2 =
        Http.send(
            base,
            "api/v1/services",
            "POST",
            "{\"title\":\"Civil " + System.nanoTime() + "\",\"summary\":\"S.\",\"body\":\"B.\"}",
            "Authorization",
            Http.basic(civil, "Correct-Horse-9"));
    assertThat(own2.statusCode()).as(own2.body()).isEqualTo(201);
    long civilId = Http.json(own2).asJsonObject().getJsonNumber("id").longValue();
    HttpResponse<String> probe =
        Http.send(
            base,
            "api/v1/services/" + civilId,
            "PUT",
            "{\"related\":[" + transportDraft + "]}",
            "Authorization",
            Http.basic(civil, "Correct-Horse-9"));
    assertProblem(probe, 400);
    HttpResponse<String> published =
        Http.send(
            base,
            "api/v1/services/" + civilId,
            "PUT",
            "{\"related\":[" + id + "]}",
            "Authorization",
            Http.basic(civil, "Correct-Horse-9"));
    assertThat(published.statusCode()).as("a published service may be named").isEqualTo(200);
  }

  @Test
  void scheduledPublishingAndUnpublishingHappenOnTime() throws Exception {
    long id = create("Timed ferry " + System.nanoTime(), "editor1", PASSWORD);
    String service = "api/v1/services/" + id;
    String slug =
        Http.json(get(service + "/editorial", "editor1")).asJsonObject().getString("slug");
    post(service + "/submit", "", "editor1");

    assertProblem(post(service + "/publish", "{\"at\":\"tomorrow\"}", "reviewer1"), 400);
    HttpResponse<String> scheduled =
        post(
            service + "/publish", "{\"at\":\"" + Instant.now().plusSeconds(4) + "\"}", "reviewer1");

    assertThat(state(scheduled)).isEqualTo("scheduled");
    assertThat(Http.get(base, "api/v1/services/" + slug).statusCode()).isEqualTo(404);
    assertThat(eventually(() -> Http.get(base, "api/v1/services/" + slug).statusCode() == 200))
        .as("published by the scheduler")
        .isTrue();
    assertThat(state(get(service + "/editorial", "editor1"))).isEqualTo("published");

    HttpResponse<String> takedown =
        post(
            service + "/archive", "{\"at\":\"" + Instant.now().plusSeconds(4) + "\"}", "reviewer1");
    assertThat(takedown.statusCode()).as(takedown.body()).isEqualTo(200);
    assertThat(Http.json(takedown).asJsonObject().getString("unpublishAt")).isNotBlank();
    assertThat(eventually(() -> Http.get(base, "api/v1/services/" + slug).statusCode() == 404))
        .as("taken down by the scheduler")
        .isTrue();
    assertThat(state(get(service + "/editorial", "editor1"))).isEqualTo("archived");
  }

  @Test
  void aTenantAdminRenamesAndRecoloursThePortalAndAFailingColourIsRefused() throws Exception {
    HttpResponse<String> grey =
        put("api/v1/tenant/branding", "{\"primaryColour\":\"#777777\"}", "admin1");
    assertProblem(grey, 400);
    assertThat(Http.json(grey).asJsonObject().getString("parameter")).isEqualTo("primaryColour");
    assertThat(grey.body()).contains("4.5:1");
    assertProblem(put("api/v1/tenant/branding", "{\"primaryColour\":\"#0b3d68\"}", "editor1"), 403);
    String before =
        Http.json(Http.get(base, "api/v1/tenant/branding")).asJsonObject().getString("name");
    try {
      HttpResponse<String> renamed =
          put(
              "api/v1/tenant/branding",
              "{\"name\":\"Demoland Online\",\"primaryColour\":\"#1d70b8\"}",
              "admin1");
      assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
      assertThat(Http.json(renamed).asJsonObject().getString("textColour")).isEqualTo("#ffffff");
      // a 1x1 PNG is taken, sniffed from its bytes; an SVG (which can carry script) is not
      String png =
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
      assertThat(
              put(
                      "api/v1/tenant/branding",
                      "{\"primaryColour\":\"#1d70b8\",\"logo\":\"" + png + "\"}",
                      "admin1")
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> logo = Http.get(base, "brand/logo");
      assertThat(logo.statusCode()).isEqualTo(200);
      assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
      String svg =
          java.util.Base64.getEncoder()
              .encodeToString(
                  "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> script =
          put("api/v1/tenant/branding", "{\"logo\":\"" + svg + "\"}", "admin1");
      assertProblem(script, 400);
      assertThat(Http.json(script).asJsonObject().getString("parameter")).isEqualTo("logo");
      String home = Http.get(base, "?lang=en").body();
      assertThat(home).contains("/brand/logo?v=");
      assertThat(home).contains("Demoland Online").contains("--civic-brand:#1d70b8");
      assertThat(Http.get(base, "?lang=en", "Host", "samplestan.localhost").body())
          .doesNotContain("Demoland Online")
          .doesNotContain("#1d70b8");
    } finally {
      put(
          "api/v1/tenant/branding",
          "{\"name\":\"" + before + "\",\"primaryColour\":null,\"logo\":\"\"}",
          "admin1");
    }
  }

  @Test
  void badInputIsAProblemNamingTheField() throws Exception {
    assertProblem(post("api/v1/services", "{\"title\":\"x\"}", "editor1"), 400);
    HttpResponse<String> language =
        post(
            "api/v1/services",
            "{\"title\":\"T\",\"summary\":\"S\",\"body\":\"B\",\"lang\":\"de\",\"agency\":\"transport\"}",
            "editor1");
    assertProblem(language, 400);
    assertThat(Http.json(language).asJsonObject().getString("parameter")).isEqualTo("lang");
    HttpResponse<String> category =
        post(
            "api/v1/services",
            "{\"title\":\"T\",\"summary\":\"S\",\"body\":\"B\",\"category\":\"nope\",\"agency\":\"transport\"}",
            "editor1");
    assertThat(Http.json(category).asJsonObject().getString("parameter")).isEqualTo("category");
    assertProblem(post("api/v1/services", "{\"title\":\"T\"}", "citizen1"), 403);
    assertProblem(Http.send(base, "api/v1/services", "POST", "{}"), 401);
    assertProblem(put("api/v1/services/999999999", "{\"title\":\"T\"}", "editor1"), 404);

    // an edit is saved whole or not at all
    long id = create("Atomic " + System.nanoTime(), "editor1", PASSWORD);
    String service = "api/v1/services/" + id;
    assertProblem(put(service, "{\"title\":\"Changed\",\"category\":\"nope\"}", "editor1"), 400);
    JsonObject unchanged = Http.json(get(service + "/editorial", "editor1")).asJsonObject();
    assertThat(unchanged.getJsonObject("texts").getJsonObject("en").getString("title"))
        .startsWith("Atomic");
    assertProblem(put(service, "{\"tags\":[null]}", "editor1"), 400);
    HttpResponse<String> fees = put(service, "{\"fees\":\"10 dollars\"}", "editor1");
    assertThat(
            Http.json(fees)
                .asJsonObject()
                .getJsonObject("texts")
                .getJsonObject("en")
                .getString("fees"))
        .isEqualTo("10 dollars");
  }

  @Test
  void aServiceWithAScheduledRevisionCannotBeTakenDownUntilItIsSentBack() throws Exception {
    long id = create("Scheduled then archived " + System.nanoTime(), "editor1", PASSWORD);
    String service = "api/v1/services/" + id;
    post(service + "/submit", "", "editor1");
    assertThat(state(post(service + "/publish", "", "reviewer1"))).isEqualTo("published");
    put(service, "{\"summary\":\"Next year's summary.\"}", "editor1");
    post(service + "/submit", "", "editor1");
    post(
        service + "/publish",
        "{\"at\":\"" + Instant.now().plusSeconds(86_400) + "\"}",
        "reviewer1");

    assertProblem(post(service + "/archive", "", "reviewer1"), 409);
    assertThat(state(post(service + "/reject", "{\"comment\":\"Not yet.\"}", "reviewer1")))
        .isEqualTo("draft");
    assertThat(post(service + "/archive", "", "reviewer1").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyPagesThatDependOnKnownParametersAreKept() {
    Http.get(base, "catalogue?utm=1");
    assertThat(Http.get(base, "catalogue?utm=1").headers().firstValue("X-Page-Cache")).isEmpty();
    Http.get(base, "catalogue?category=transport");
    assertThat(Http.get(base, "catalogue?category=transport").headers().firstValue("X-Page-Cache"))
        .hasValue("hit");
  }

  private long create(String title, String user, String password) throws Exception {
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/services",
            "POST",
            "{\"title\":\""
                + title
                + "\",\"summary\":\"Summary.\",\"body\":\"Body.\",\"lang\":\"en\",\"agency\":\"transport\"}",
            "Authorization",
            Http.basic(user, password));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getJsonNumber("id").longValue();
  }

  private long searchTotal(String word) {
    return Http.json(Http.get(base, "api/v1/search?q=" + word + "&lang=en"))
        .asJsonObject()
        .getJsonNumber("total")
        .longValue();
  }

  private static String state(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject().getString("state");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private HttpResponse<String> get(String path, String user) {
    return Http.get(base, path, "Authorization", Http.basic(user, PASSWORD));
  }

  private HttpResponse<String> post(String path, String json, String user) throws Exception {
    return Http.send(base, path, "POST", json, "Authorization", Http.basic(user, PASSWORD));
  }

  private HttpResponse<String> put(String path, String json, String user) throws Exception {
    return Http.send(base, path, "PUT", json, "Authorization", Http.basic(user, PASSWORD));
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(250);
    }
    return condition.getAsBoolean();
  }
}
