package org.civicportal.document.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * No read up, over HTTP as a script would do it: a document above the caller's clearance cannot be
 * found, opened, counted or searched; labels are never set above the writer or lowered by an edit;
 * accounts lock after five failures; the audit chain verifies for auditors only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClassifiedDocumentsIT {
  private static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void analystCannotFindOpenCountOrSearchATopSecretDocumentDirectorJustCreated() throws Exception {
    String word = "zephyr" + System.nanoTime();
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"Operation plan\",\"body\":\"The "
                + word
                + " convoy leaves at dawn.\","
                + "\"agency\":\"transport\",\"classification\":\"top secret//alpha\"}",
            auth("director1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Classification")).hasValue("TOP SECRET//ALPHA");
    long id = Http.json(created).asJsonObject().getJsonNumber("id").longValue();
    String path = "api/v1/documents/" + id;

    HttpResponse<String> directorReads = Http.get(base, path, auth("director1"));
    HttpResponse<String> analystReads = Http.get(base, path, auth("analyst1"));
    HttpResponse<String> citizenReads = Http.get(base, path, auth("citizen1"));
    HttpResponse<String> analystList = Http.get(base, "api/v1/documents", auth("analyst1"));
    boolean indexed = eventually(() -> total(word, "director1") == 1);

    assertThat(directorReads.statusCode()).isEqualTo(200);
    assertThat(directorReads.headers().firstValue("Classification")).hasValue("TOP SECRET//ALPHA");
    assertThat(analystReads.statusCode()).isEqualTo(404);
    assertThat(analystReads.body()).doesNotContain(word).doesNotContain("TOP SECRET");
    assertThat(citizenReads.statusCode()).isEqualTo(404);
    assertThat(ids(Http.json(analystList).asJsonArray())).isNotEmpty().doesNotContain(id);
    assertThat(analystList.headers().firstValue("Classification").orElseThrow())
        .doesNotContain("TOP SECRET");
    assertThat(indexed).isTrue();
    assertThat(total(word, "analyst1")).isZero();
    assertThat(total(word, "officer1")).isZero();
    assertThat(total(word, null)).isZero();
    assertThat(
            Http.get(
                    base, path, "Host", "samplestan.localhost", "Authorization", basic("director1"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void analystSeesSecretAlphaButNotBravoAndTheListMarksItsHighestLabel() {
    HttpResponse<String> list = Http.get(base, "api/v1/documents", auth("analyst1"));

    JsonArray documents = Http.json(list).asJsonArray();
    assertThat(documents)
        .extracting(d -> d.asJsonObject().getString("classification"))
        .contains("OFFICIAL", "SECRET", "SECRET//ALPHA")
        .doesNotContain("SECRET//BRAVO", "TOP SECRET", "TOP SECRET//ALPHA/BRAVO");
    assertThat(list.headers().firstValue("Classification").orElseThrow())
        .startsWith("SECRET//ALPHA");
  }

  @Test
  void nobodyLabelsAboveTheirClearanceMalformedMarkingsAreNamedAndEditsNeverLower()
      throws Exception {
    HttpResponse<String> tooHigh =
        Http.send(base, "api/v1/documents", "POST", draft("TOP SECRET"), auth("analyst1"));
    HttpResponse<String> unknown =
        Http.send(base, "api/v1/documents", "POST", draft("SECRET//GAMMA"), auth("director1"));
    HttpResponse<String> secret =
        Http.send(base, "api/v1/documents", "POST", draft("SECRET"), auth("director1"));
    long id = Http.json(secret).asJsonObject().getJsonNumber("id").longValue();
    HttpResponse<String> lowered =
        Http.send(base, "api/v1/documents/" + id, "PUT", draft("OFFICIAL"), auth("director1"));
    HttpResponse<String> raised =
        Http.send(base, "api/v1/documents/" + id, "PUT", draft("TOP SECRET"), auth("director1"));

    assertThat(tooHigh.statusCode()).isEqualTo(400);
    assertThat(Http.json(tooHigh).asJsonObject().getString("parameter"))
        .isEqualTo("classification");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknown).asJsonObject().getString("detail")).contains("GAMMA");
    assertThat(lowered.statusCode()).isEqualTo(400);
    assertThat(raised.statusCode()).isEqualTo(200);
    assertThat(raised.headers().firstValue("Classification")).hasValue("TOP SECRET");
  }

  @Test
  void onlyDeclassifiersLowerALabelAndOnlyWithAReason() throws Exception {
    HttpResponse<String> secret =
        Http.send(base, "api/v1/documents", "POST", draft("SECRET//ALPHA"), auth("director1"));
    long id = Http.json(secret).asJsonObject().getJsonNumber("id").longValue();
    String path = "api/v1/documents/" + id + "/declassification";

    HttpResponse<String> byDirector =
        Http.send(
            base,
            path,
            "POST",
            "{\"classification\":\"OFFICIAL\",\"reason\":\"old\"}",
            auth("director1"));
    HttpResponse<String> noReason =
        Http.send(base, path, "POST", "{\"classification\":\"OFFICIAL\"}", auth("declassifier1"));
    HttpResponse<String> upwards =
        Http.send(
            base,
            path,
            "POST",
            "{\"classification\":\"TOP SECRET\",\"reason\":\"x\"}",
            auth("declassifier1"));
    HttpResponse<String> lowered =
        Http.send(
            base,
            path,
            "POST",
            "{\"classification\":\"OFFICIAL\",\"reason\":\"Published in the annual report\"}",
            auth("declassifier1"));
    HttpResponse<String> officerReads = Http.get(base, "api/v1/documents/" + id, auth("officer1"));
    HttpResponse<String> audit =
        Http.get(base, "api/v1/audit?action=LABEL_CHANGED&size=10", auth("auditor1"));

    assertThat(byDirector.statusCode()).isEqualTo(403);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(Http.json(noReason).asJsonObject().getString("parameter")).isEqualTo("reason");
    assertThat(upwards.statusCode()).isEqualTo(400);
    assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
    assertThat(lowered.headers().firstValue("Classification")).hasValue("OFFICIAL");
    assertThat(officerReads.statusCode()).isEqualTo(200);
    assertThat(audit.body())
        .contains("declassified SECRET//ALPHA -> OFFICIAL: Published in the annual report");
  }

  @Test
  void tenantAdminsCreateAndReclearEmployeesWithinTheirOwnClearanceAndItIsAudited()
      throws Exception {
    String username = "analyst" + (System.nanoTime() % 100000);
    String body =
        "{\"username\":\""
            + username
            + "\",\"password\":\"correct horse battery\","
            + "\"clearance\":\"SECRET\",\"roles\":[\"case-worker\"]}";

    HttpResponse<String> byAnalyst =
        Http.send(base, "api/v1/employees", "POST", body, auth("analyst1"));
    HttpResponse<String> created =
        Http.send(base, "api/v1/employees", "POST", body, auth("admin1"));
    // admin1 is cleared to SECRET without compartments
    HttpResponse<String> tooHigh =
        Http.send(
            base,
            "api/v1/employees/" + username,
            "PUT",
            "{\"clearance\":\"SECRET//BRAVO\",\"roles\":[]}",
            auth("admin1"));
    JsonArray seen =
        Http.json(
                Http.get(
                    base,
                    "api/v1/documents",
                    "Authorization",
                    basic(username, "correct horse battery")))
            .asJsonArray();
    HttpResponse<String> lowered =
        Http.send(
            base,
            "api/v1/employees/" + username,
            "PUT",
            "{\"clearance\":\"OFFICIAL\",\"roles\":[]}",
            auth("admin1"));
    HttpResponse<String> audit = Http.get(base, "api/v1/audit?size=50", auth("auditor1"));

    assertThat(byAnalyst.statusCode()).isEqualTo(403);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("PBKDF2");
    assertThat(tooHigh.statusCode()).isEqualTo(400);
    assertThat(seen)
        .extracting(d -> d.asJsonObject().getString("classification"))
        .contains("SECRET")
        .doesNotContain("SECRET//ALPHA", "SECRET//BRAVO", "TOP SECRET");
    assertThat(lowered.statusCode()).isEqualTo(200);
    assertThat(audit.body())
        .contains("CLEARANCE_CHANGED")
        .contains("SECRET -> OFFICIAL")
        .contains("ROLE_CHANGED");
  }

  @Test
  void aForeignNationalSeesOnlyWhatIsExplicitlyReleasedToTheirNation_issue14() throws Exception {
    String username = "liaison" + (System.nanoTime() % 100000);
    String body =
        "{\"username\":\""
            + username
            + "\",\"password\":\"correct horse battery\","
            + "\"clearance\":\"SECRET\",\"nationality\":\"samplestan\",\"roles\":[]}";
    HttpResponse<String> unknownNation =
        Http.send(
            base,
            "api/v1/employees",
            "POST",
            body.replace("samplestan", "atlantis"),
            auth("admin1"));
    HttpResponse<String> created =
        Http.send(base, "api/v1/employees", "POST", body, auth("admin1"));
    HttpResponse<String> unmarked =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"Unmarked secret\",\"body\":\"Kestrelunmarked plan.\","
                + "\"agency\":\"transport\",\"classification\":\"SECRET\"}",
            auth("director1"));
    String path = "api/v1/documents/" + Http.json(unmarked).asJsonObject().getInt("id");
    String[] liaison = {"Authorization", basic(username, "correct horse battery")};

    HttpResponse<String> byDefault = Http.get(base, "api/v1/documents", liaison);
    HttpResponse<String> readByDefault = Http.get(base, path, liaison);
    HttpResponse<String> released;
    HttpResponse<String> readReleased;
    HttpResponse<String> notAdmin =
        Http.send(
            base,
            "api/v1/classification/unmarked-release",
            "PUT",
            "{\"releasable\":true}",
            auth("analyst1"));
    try {
      assertThat(
              Http.send(
                      base,
                      "api/v1/classification/unmarked-release",
                      "PUT",
                      "{\"releasable\":true}",
                      auth("admin1"))
                  .statusCode())
          .isEqualTo(200);
      released = Http.get(base, "api/v1/documents", liaison);
      readReleased = Http.get(base, path, liaison);
    } finally {
      Http.send(
          base,
          "api/v1/classification/unmarked-release",
          "PUT",
          "{\"releasable\":false}",
          auth("admin1"));
    }
    HttpResponse<String> readAfter = Http.get(base, path, liaison);

    assertThat(unknownNation.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknownNation).asJsonObject().getString("parameter"))
        .isEqualTo("nationality");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(unmarked.statusCode()).as(unmarked.body()).isEqualTo(201);
    // above the lowest level, release to another nation is explicit (REL TO) by default
    assertThat(Http.json(byDefault).asJsonArray())
        .extracting(d -> d.asJsonObject().getString("classification"))
        .contains("SECRET//REL TO DEMOLAND, SAMPLESTAN", "OFFICIAL")
        .doesNotContain("SECRET", "OFFICIAL//NOFORN");
    assertThat(readByDefault.statusCode()).isEqualTo(404);
    assertThat(notAdmin.statusCode()).isEqualTo(403);
    // a tenant that releases unmarked records: from the moment the setting commits
    assertThat(Http.json(released).asJsonArray())
        .extracting(d -> d.asJsonObject().getString("classification"))
        .contains("SECRET")
        .doesNotContain("OFFICIAL//NOFORN");
    assertThat(readReleased.statusCode()).isEqualTo(200);
    assertThat(readAfter.statusCode()).isEqualTo(404);
  }

  @Test
  void withoutCredentialsTheApiAsksForThemAndWrongOnesAreRefused() {
    HttpResponse<String> anonymous = Http.get(base, "api/v1/documents");
    HttpResponse<String> wrong =
        Http.get(base, "api/v1/documents", "Authorization", basic("officer1", "not-the-password"));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void fiveFailedSignInsRefuseTheAddressEvenTheRightPassword() {
    String host = "samplestan.localhost";
    for (int i = 0; i < 5; i++) {
      assertThat(
              Http.get(
                      base,
                      "api/v1/documents",
                      "Host",
                      host,
                      "Authorization",
                      basic("caseworker1", "wrong" + i))
                  .statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> right =
        Http.get(
            base,
            "api/v1/documents",
            "Host",
            host,
            "Authorization",
            basic("caseworker1", PASSWORD));

    assertThat(right.statusCode()).isEqualTo(401);
  }

  /**
   * Issue 14: a stranger guessing from one address does not lock the owner out: after 100 failures
   * from 127.0.0.2 (a second loopback address, over a real connection), that address is refused
   * even with the right password, while the owner signs in from 127.0.0.1.
   */
  @Test
  void aStrangersFailuresFromOneAddressNeverLockTheOwnerOut_issue14() throws Exception {
    String username = "owner" + (System.nanoTime() % 100000);
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/employees",
            "POST",
            "{\"username\":\""
                + username
                + "\",\"password\":\"correct horse battery\","
                + "\"clearance\":\"OFFICIAL\",\"roles\":[]}",
            auth("admin1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    int refused = 0;
    for (int i = 0; i < 100; i++) {
      // 127.0.0.2 is no trusted proxy: the address it claims to forward for changes nothing
      if (statusFrom("127.0.0.2", basic(username, "guess" + i), "10.9.8." + i) == 401) {
        refused++;
      }
    }

    int attackerWithThePassword =
        statusFrom("127.0.0.2", basic(username, "correct horse battery"), "10.9.9.9");
    HttpResponse<String> owner =
        Http.get(
            base, "api/v1/documents", "Authorization", basic(username, "correct horse battery"));

    assertThat(refused).isEqualTo(100);
    assertThat(attackerWithThePassword).as("the guessing address stays refused").isEqualTo(401);
    assertThat(owner.statusCode()).as("the owner, from another address").isEqualTo(200);
  }

  /**
   * Issue 14: behind a trusted proxy (the tests' 127.0.0.1, see ItDatabase), the client address is
   * the one the proxy appends to X-Forwarded-For: an attacker's 100 failures throttle their address
   * only, and the owner behind the same proxy still signs in.
   */
  @Test
  void behindATrustedProxyTheForwardedClientIsThrottledNotTheProxy_issue14() throws Exception {
    String username = "proxied" + (System.nanoTime() % 100000);
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/employees",
            "POST",
            "{\"username\":\""
                + username
                + "\",\"password\":\"correct horse battery\","
                + "\"clearance\":\"OFFICIAL\",\"roles\":[]}",
            auth("admin1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
    int refused = 0;
    for (int i = 0; i < 100; i++) {
      if (statusFrom("127.0.0.1", basic(username, "guess" + i), attacker) == 401) {
        refused++;
      }
    }

    int attackerWithThePassword =
        statusFrom("127.0.0.1", basic(username, "correct horse battery"), attacker);
    int owner = statusFrom("127.0.0.1", basic(username, "correct horse battery"), "198.51.100.7");

    assertThat(refused).isEqualTo(100);
    assertThat(attackerWithThePassword).as("the guessing client stays refused").isEqualTo(401);
    assertThat(owner).as("the owner, another client behind the same proxy").isEqualTo(200);
  }

  /**
   * The status of GET /api/v1/documents sent over a connection from this local address, saying it
   * forwards for {@code forwardedFor}.
   */
  private int statusFrom(String localAddress, String authorization, String forwardedFor)
      throws Exception {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.bind(new java.net.InetSocketAddress(localAddress, 0));
      socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
      socket.setSoTimeout(30_000);
      String request =
          "GET "
              + base.getPath()
              + "api/v1/documents HTTP/1.1\r\n"
              + "Host: "
              + base.getHost()
              + ":"
              + base.getPort()
              + "\r\n"
              + "Authorization: "
              + authorization
              + "\r\n"
              + "X-Forwarded-For: "
              + forwardedFor
              + "\r\n"
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      java.io.BufferedReader reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
      String status = reader.readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void auditorsVerifyTheChainOthersMayNot() {
    Http.get(base, "api/v1/documents", auth("officer1"));

    HttpResponse<String> auditor = Http.get(base, "api/v1/audit/verification", auth("auditor1"));
    HttpResponse<String> entries =
        Http.get(base, "api/v1/audit?action=LOGIN&size=5", auth("auditor1"));
    HttpResponse<String> analyst = Http.get(base, "api/v1/audit/verification", auth("analyst1"));

    assertThat(auditor.statusCode()).isEqualTo(200);
    JsonObject verification = Http.json(auditor).asJsonObject();
    assertThat(verification.getBoolean("valid")).as(auditor.body()).isTrue();
    assertThat(verification.getJsonNumber("checkedEntries").longValue()).isPositive();
    assertThat(Http.json(entries).asJsonArray()).isNotEmpty();
    assertThat(analyst.statusCode()).isEqualTo(403);
  }

  private long total(String word, String user) {
    HttpResponse<String> response =
        user == null
            ? Http.get(base, "api/v1/search?lang=en&q=" + word)
            : Http.get(base, "api/v1/search?lang=en&q=" + word, auth(user));
    return Http.json(response).asJsonObject().getJsonNumber("total").longValue();
  }

  private static String draft(String classification) {
    return "{\"title\":\"Note\",\"body\":\"A note.\",\"agency\":\"transport\",\"classification\":\""
        + classification
        + "\"}";
  }

  private static String[] auth(String user) {
    return new String[] {"Authorization", basic(user)};
  }

  private static String basic(String user) {
    return basic(user, PASSWORD);
  }

  private static String basic(String user, String password) {
    return Http.basic(user, password);
  }

  private static java.util.List<Long> ids(JsonArray documents) {
    return documents.stream().map(d -> d.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }
}
