package org.civicportal.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST contract of /api/v1 and the health endpoints, called over HTTP as any client would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void listsAtLeastSixPublishedServicesInEachLanguage() {
    JsonArray en = Http.json(Http.get(base, "api/v1/services?lang=en")).asJsonArray();
    JsonArray fr = Http.json(Http.get(base, "api/v1/services?lang=fr")).asJsonArray();

    assertThat(en).hasSizeGreaterThanOrEqualTo(6);
    assertThat(fr).hasSameSizeAs(en);
    JsonObject first = en.getJsonObject(0);
    assertThat(first.keySet()).contains("id", "slug", "title", "summary", "agency", "language");
    // each service once: in the language asked for, or flagged as shown in another
    assertThat(en)
        .allSatisfy(
            s ->
                assertThat(
                        s.asJsonObject().getString("language").equals("en")
                            || s.asJsonObject().getBoolean("fallback"))
                    .isTrue());
    assertThat(fr)
        .extracting(s -> s.asJsonObject().getString("title"))
        .contains("Demander un passeport");
    assertThat(fr)
        .extracting(s -> s.asJsonObject().getString("agency"))
        .contains("Bureau de l'état civil");
  }

  @Test
  void everyApiResponseCarriesTheClassificationOfItsContent() {
    assertThat(Http.get(base, "api/v1/services").headers().firstValue("Classification"))
        .hasValue("OFFICIAL");
    assertThat(
            Http.get(base, "api/v1/services", "Host", "samplestan.localhost")
                .headers()
                .firstValue("Classification"))
        .hasValue("UNCLASSIFIED");
    assertThat(Http.get(base, "api/v1/services/nope").headers().firstValue("Classification"))
        .hasValue("OFFICIAL");
  }

  @Test
  void acceptLanguageChoosesTheLanguageWhenLangIsAbsent() {
    JsonArray services =
        Http.json(Http.get(base, "api/v1/services", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"))
            .asJsonArray();

    assertThat(services)
        .allSatisfy(
            s ->
                assertThat(s.asJsonObject().getBoolean("fallback"))
                    .isEqualTo(!s.asJsonObject().getString("language").equals("fr")));
    assertThat(services)
        .extracting(s -> s.asJsonObject().getString("title"))
        .contains("Demander un passeport");
  }

  @Test
  void aServiceIsReadBySlugWithItsOtherTranslations() {
    HttpResponse<String> response = Http.get(base, "api/v1/services/apply-for-a-passport");

    JsonObject service = Http.json(response).asJsonObject();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(service.getString("title")).isEqualTo("Apply for a passport");
    assertThat(service.getString("body")).contains("digital photo");
    assertThat(service.getJsonObject("translations").getString("fr"))
        .isEqualTo("demander-un-passeport");
  }

  @Test
  void unknownSlugIsA404Problem() {
    for (String slug :
        List.of("no-such-service", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "A".repeat(500))) {
      HttpResponse<String> response = Http.get(base, "api/v1/services/" + slug);

      assertProblem(response, 404);
    }
  }

  @Test
  void badParametersAre400ProblemsNamingTheParameter() {
    HttpResponse<String> lang = Http.get(base, "api/v1/services?lang=xx");
    HttpResponse<String> size = Http.get(base, "api/v1/search?q=passport&size=lots");
    HttpResponse<String> tooBig = Http.get(base, "api/v1/search?q=passport&size=1000");

    assertProblem(lang, 400);
    assertThat(Http.json(lang).asJsonObject().getString("parameter")).isEqualTo("lang");
    assertProblem(size, 400);
    assertThat(Http.json(size).asJsonObject().getString("parameter")).isEqualTo("size");
    assertProblem(tooBig, 400);
  }

  @Test
  void searchFindsServicesWithExactTotalsAndHighlightedSnippets() {
    JsonObject result =
        Http.json(Http.get(base, "api/v1/search?q=passeport&lang=fr")).asJsonObject();

    assertThat(result.getJsonNumber("total").longValue())
        .isEqualTo(result.getJsonArray("hits").size())
        .isPositive();
    JsonObject hit = result.getJsonArray("hits").getJsonObject(0);
    assertThat(hit.keySet()).contains("type", "id", "title", "snippet");
    assertThat(hit.getString("type")).isEqualTo("service");
    assertThat(hit.getString("title")).isEqualTo("Demander un passeport");
    assertThat(hit.getString("snippet")).contains("<mark>passeport</mark>");
  }

  @Test
  void searchNeverAnswersWithHtmlOrA500WhateverTheQuery() {
    for (String q :
        List.of(
            "\"(*",
            "",
            " ",
            "*",
            "\\",
            "-",
            "a OR",
            "OR OR OR",
            "\"unbalanced",
            "x".repeat(10_000),
            "<script>alert(1)</script>",
            "' OR 1=1 --")) {
      HttpResponse<String> response =
          Http.get(base, "api/v1/search?lang=en&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));

      assertThat(response.statusCode()).as(q).isIn(200, 400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(q)
          .hasValueSatisfying(t -> assertThat(t).doesNotContain("html"));
      if (response.statusCode() == 200) {
        assertThat(Http.json(response).asJsonObject().getJsonNumber("total").longValue())
            .as(q)
            .isGreaterThanOrEqualTo(0);
      } else {
        assertProblem(response, 400);
      }
    }
  }

  @Test
  void unknownApiPathsAndMethodsAreProblemsToo() throws Exception {
    assertProblem(Http.get(base, "api/v1/nothing-here"), 404);
    assertProblem(Http.get(base, "api/v2/services"), 404);
    assertProblem(Http.get(base, "api"), 404);
    assertProblem(Http.send(base, "api/v1/services", "DELETE"), 405);
  }

  @Test
  void samplestanSeesOnlyItsOwnServicesAndNoneOfDemolands() {
    JsonArray samplestan =
        Http.json(Http.get(base, "api/v1/services?lang=en", "Host", "samplestan.localhost"))
            .asJsonArray();
    JsonArray demoland = Http.json(Http.get(base, "api/v1/services?lang=en")).asJsonArray();

    assertThat(samplestan)
        .extracting(s -> s.asJsonObject().getString("slug"))
        .contains("request-a-tax-transcript")
        .doesNotContain("apply-for-a-passport");
    assertThat(demoland)
        .extracting(s -> s.asJsonObject().getString("slug"))
        .contains("apply-for-a-passport")
        .doesNotContain("request-a-tax-transcript");
    assertProblem(
        Http.get(base, "api/v1/services/apply-for-a-passport", "Host", "samplestan.localhost"),
        404);
    assertThat(
            Http.json(
                    Http.get(
                        base, "api/v1/search?lang=en&q=passport", "Host", "samplestan.localhost"))
                .asJsonObject()
                .getJsonNumber("total")
                .longValue())
        .isZero();
    assertThat(
            Http.json(Http.get(base, "api/v1/search?lang=en&q=tax", "Host", "samplestan.localhost"))
                .asJsonObject()
                .getJsonNumber("total")
                .longValue())
        .isPositive();
  }

  @Test
  void aGarbledAcceptLanguageFallsBackToEnglish() {
    HttpResponse<String> response =
        Http.get(base, "api/v1/services", "Accept-Language", "en;q=abc,,;;=");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).asJsonArray().getJsonObject(0).getString("language"))
        .isEqualTo("en");
  }

  @Test
  void unknownPagesAreAnHtml404AndTheServicesFolderLeadsHome() {
    HttpResponse<String> page = Http.get(base, "no/such/page", "Accept-Language", "fr");
    HttpResponse<String> folder = Http.get(base, "services");
    HttpResponse<String> emptySlug = Http.get(base, "services/");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("<html")
        .contains("lang=\"fr\"")
        .contains("Page introuvable")
        .contains("no/such/page?lang=en");
    assertThat(folder.statusCode()).isIn(301, 302);
    assertThat(emptySlug.statusCode()).isIn(302, 404);
  }

  @Test
  void readinessIsUpWithDatabaseAndIndex() {
    HttpResponse<String> ready = Http.get(base, "/health/ready");
    HttpResponse<String> live = Http.get(base, "/health/live");

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject check =
        Http.json(ready).asJsonObject().getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("portal"))
            .findFirst()
            .orElseThrow();
    assertThat(check.getJsonObject("data").getString("database")).isEqualTo("UP");
    // the build runs this class once per database: prove the portal really is on the one intended
    assertThat(check.getJsonObject("data").getString("databaseProduct"))
        .isEqualToIgnoringCase(System.getProperty("civic.it.database", "h2"));
    assertThat(check.getJsonObject("data").getString("index")).isEqualTo("UP");
    assertThat(
            Long.parseLong(
                check.getJsonObject("data").get("indexedDocuments").toString().replace("\"", "")))
        .isGreaterThanOrEqualTo(12);
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void openApiDescribesTheServicesAndSearchEndpoints() {
    HttpResponse<String> openapi = Http.get(base, "/openapi");

    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/services/{slug}").contains("/search");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonObject problem = Http.json(response).asJsonObject();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail"))
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }
}
