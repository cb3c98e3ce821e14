package org.civicportal.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
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
 * Scripts use API tokens instead of a password per call (issue 14): a token acts as its owner with
 * no session, within its scope, in its tenant only, until revoked; it is shown once and cannot make
 * tokens; a script sending its password with every call is audited once, not at every call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {
  private static final String PASSWORD = "Demo!2026";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void aReadTokenReadsAsItsOwnerWithoutASessionAndMayNotWrite_issue14() throws Exception {
    JsonObject issued = issue("analyst1", "{\"name\":\"nightly export\",\"scope\":\"read\"}");
    String token = issued.getString("token");

    HttpResponse<String> documents = call("GET", "api/v1/documents", bearer(token), null);
    HttpResponse<String> write =
        call(
            "POST",
            "api/v1/documents",
            bearer(token),
            "{\"title\":\"By a read token\",\"body\":\"x\",\"classification\":\"OFFICIAL\","
                + "\"agency\":\"transport\",\"lang\":\"en\"}");
    HttpResponse<String> listed = call("GET", "api/v1/tokens", basic("analyst1"), null);

    assertThat(token).startsWith("cpt_").hasSizeGreaterThan(40);
    assertThat(documents.statusCode()).isEqualTo(200);
    assertThat(documents.body()).contains("SECRET//ALPHA");
    assertThat(documents.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(listed.body())
        .contains("nightly export")
        .contains(issued.getJsonObject("summary").getString("prefix"))
        .doesNotContain(token);
  }

  @Test
  void aWriteTokenWritesButCannotMakeTokens_issue14() throws Exception {
    String token =
        issue("officer1", "{\"name\":\"sync job\",\"scope\":\"write\"}").getString("token");

    HttpResponse<String> created =
        call(
            "POST",
            "api/v1/documents",
            bearer(token),
            "{\"title\":\"Written by a token\",\"body\":\"Minutes.\",\"classification\":\"OFFICIAL\","
                + "\"agency\":\"transport\",\"lang\":\"en\"}");
    HttpResponse<String> another =
        call("POST", "api/v1/tokens", bearer(token), "{\"name\":\"more\",\"scope\":\"write\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(another.statusCode()).isEqualTo(403);
  }

  @Test
  void aRevokedTokenOpensNothingAndATokenWorksInItsOwnTenantOnly_issue14() throws Exception {
    JsonObject issued = issue("analyst1", "{\"name\":\"to revoke\",\"scope\":\"read\"}");
    String token = issued.getString("token");
    long id = issued.getJsonObject("summary").getJsonNumber("id").longValue();

    HttpResponse<String> elsewhere =
        call("GET", "api/v1/documents", bearer(token), null, Optional.of("samplestan.localhost"));
    HttpResponse<String> byAnother = call("DELETE", "api/v1/tokens/" + id, basic("officer1"), null);
    HttpResponse<String> revoked = call("DELETE", "api/v1/tokens/" + id, basic("analyst1"), null);
    HttpResponse<String> after = call("GET", "api/v1/documents", bearer(token), null);
    HttpResponse<String> garbage = call("GET", "api/v1/documents", bearer("cpt_nonsense"), null);

    assertThat(elsewhere.statusCode()).isEqualTo(401);
    assertThat(byAnother.statusCode())
        .as("another person's token does not exist for them")
        .isEqualTo(404);
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(garbage.statusCode()).isEqualTo(401);
  }

  @Test
  void tenantAdminsSeeAndRevokeEveryonesTokens_issue14() throws Exception {
    long id =
        issue("editor1", "{\"name\":\"editor's script\",\"scope\":\"read\",\"expiresInDays\":7}")
            .getJsonObject("summary")
            .getJsonNumber("id")
            .longValue();

    HttpResponse<String> all = call("GET", "api/v1/tokens?all=true", basic("admin1"), null);
    HttpResponse<String> notAdmin = call("GET", "api/v1/tokens?all=true", basic("editor1"), null);
    HttpResponse<String> revoked = call("DELETE", "api/v1/tokens/" + id, basic("admin1"), null);

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("editor's script");
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    assertThat(revoked.statusCode()).isEqualTo(204);
  }

  @Test
  void badTokenRequestsNameTheField_issue14() throws Exception {
    HttpResponse<String> noName =
        call("POST", "api/v1/tokens", basic("officer1"), "{\"scope\":\"read\"}");
    HttpResponse<String> badScope =
        call("POST", "api/v1/tokens", basic("officer1"), "{\"name\":\"x\",\"scope\":\"admin\"}");
    HttpResponse<String> tooLong =
        call(
            "POST",
            "api/v1/tokens",
            basic("officer1"),
            "{\"name\":\"x\",\"scope\":\"read\",\"expiresInDays\":5000}");

    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("\"name\"");
    assertThat(badScope.statusCode()).isEqualTo(400);
    assertThat(badScope.body()).contains("scope");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("expiresInDays");
  }

  @Test
  void aScriptSendingItsPasswordIsAuditedOnceNotAtEveryCall_issue14() throws Exception {
    int before = logins("reviewer1");

    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "api/v1/documents", basic("reviewer1"), null).statusCode())
          .isEqualTo(200);
    }

    assertThat(logins("reviewer1") - before).isLessThanOrEqualTo(1);
  }

  private int logins(String actor) throws Exception {
    HttpResponse<String> entries =
        call(
            "GET",
            "api/v1/audit?action=LOGIN&actor=" + actor + "&size=100",
            basic("auditor1"),
            null);
    assertThat(entries.statusCode()).as(entries.body()).isEqualTo(200);
    JsonArray list = Json.createReader(new StringReader(entries.body())).readArray();
    return list.size();
  }

  private JsonObject issue(String user, String json) throws Exception {
    HttpResponse<String> issued = call("POST", "api/v1/tokens", basic(user), json);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    return Json.createReader(new StringReader(issued.body())).readObject();
  }

  private HttpResponse<String> call(String method, String path, String auth, String json)
      throws Exception {
    return call(method, path, auth, json, Optional.empty());
  }

  private HttpResponse<String> call(
      String method, String path, String auth, String json, Optional<String> host)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    host.ifPresent(h -> request.header("Host", h));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return Http.basic(user, PASSWORD);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }
}
