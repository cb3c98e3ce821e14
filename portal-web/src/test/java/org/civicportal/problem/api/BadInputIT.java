package org.civicportal.problem.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.civicportal.web.PortalSession;
import org.civicportal.web.PortalSession.Form;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input of issue 14 that answered a server error: each now gets a 4xx, as an RFC 9457 problem
 * on the API, Open311's own error list on Open311, and a page saying what was wrong for people.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {
  private static final String PASSWORD = "Demo!2026";
  private static final String KEY = "demo-open311-key";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void aServiceCodeNamedTwiceInAnOpen311ListIsNotAServerError_issue14() throws Exception {
    HttpResponse<String> posted =
        PortalSession.anonymous(base)
            .send(
                "POST",
                "open311/v2/requests.json",
                "application/x-www-form-urlencoded",
                "api_key="
                    + KEY
                    + "&service_code=road-damage&lat=51.5&long=-0.12&description=Twice"
                    + "&address_string=1+High+Street"
                    + "&attribute%5Bkind%5D=pothole&attribute%5Bdangerous%5D=no");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String id = Http.json(posted).asJsonArray().getJsonObject(0).getString("service_request_id");

    HttpResponse<String> twice =
        Http.get(
            base,
            "open311/v2/requests.json?api_key=" + KEY + "&service_code=road-damage,road-damage");
    HttpResponse<String> unknownTwice =
        Http.get(base, "open311/v2/requests.json?api_key=" + KEY + "&service_code=a,a");

    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.body()).contains(id);
    assertThat(unknownTwice.statusCode()).isEqualTo(200);
    assertThat(unknownTwice.body()).isEqualTo("[]");
  }

  @Test
  void bodiesThatAreNotTheJsonObjectAResourceTakesAre400Problems_issue14() throws Exception {
    String deep = "[".repeat(200_000) + "]".repeat(200_000);
    List<String> bodies =
        List.of("[]", "\"x\"", "{\"title\":", "{\"title\":[\"a\"],\"agency\":{}}", deep);

    for (String[] target :
        List.of(
            new String[] {"api/v1/documents", "analyst1"},
            new String[] {"api/v1/services", "editor1"})) {
      for (String body : bodies) {
        HttpResponse<String> answer =
            Http.send(
                base, target[0], "POST", body, "Authorization", Http.basic(target[1], PASSWORD));

        String shown = body.length() > 40 ? body.substring(0, 40) + "..." : body;
        assertThat(answer.statusCode()).as(target[0] + " " + shown).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
            .as(target[0] + " " + shown)
            .hasValue("application/problem+json");
        JsonObject problem = Http.json(answer).asJsonObject();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).doesNotContain("org.civicportal");
      }
    }
  }

  @Test
  void aRequestInALanguageThatIsNoLanguageCodeIsA400NamingIt_issue14() throws Exception {
    HttpResponse<String> answer =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"road-damage\",\"language\":\"civicfuzzbaseline\",\"answers\":{}}",
            "Authorization",
            Http.basic("citizen1", PASSWORD));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(Http.json(answer).asJsonObject().getString("parameter")).isEqualTo("language");
  }

  @Test
  void aCitizenOnStaffPagesGetsTheForbiddenPage_issue14() {
    PortalSession citizen = PortalSession.signedIn(base, "citizen1", PASSWORD);

    for (String page : List.of("staff/search", "staff/search?q=passport", "staff/index")) {
      HttpResponse<String> answer = citizen.get(page);

      assertThat(answer.statusCode()).as(page).isEqualTo(403);
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(answer.body()).as(page).contains("You cannot see this page");
    }
  }

  @Test
  void aSignInWithAGarbledViewStateShowsTheFormAgainWithWhatWasTyped_issue14() {
    PortalSession visitor = PortalSession.anonymous(base);
    Form login = visitor.form(visitor.get("login"), "loginForm");

    HttpResponse<String> answer =
        visitor.post(
            login
                .with("jakarta.faces.ViewState", "garbled:0")
                .with("loginForm:username", "citizen1")
                .with("loginForm:password", PASSWORD));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("This form had expired or could not be read, so nothing was done.")
        .containsPattern("id=\"loginForm:username\"[^>]*value=\"citizen1\"")
        .doesNotContain(PASSWORD);
    // the form shown again works: sending it signs in
    Form again = visitor.form(answer, "loginForm").with("loginForm:password", PASSWORD);
    assertThat(again.fields().get("loginForm:username")).containsExactly("citizen1");
    assertThat(visitor.post(again).statusCode()).isEqualTo(302);
  }

  @Test
  void aSignInWithoutAUsernameFailsLikeAWrongPassword_issue14() throws Exception {
    PortalSession visitor = PortalSession.anonymous(base);
    Form login = visitor.form(visitor.get("login"), "loginForm");

    HttpResponse<String> page = visitor.post(login.with("loginForm:password", "anything"));
    HttpResponse<String> api =
        Http.get(base, "api/v1/documents", "Authorization", Http.basic("", "anything"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"loginForm:messages\"");
    assertThat(api.statusCode()).isEqualTo(401);
  }

  @Test
  void aNewDocumentWithoutAClassificationIsRefusedWithAMessage_issue14() {
    PortalSession analyst = PortalSession.signedIn(base, "analyst1", PASSWORD);
    Form form = analyst.form(analyst.get("staff/new-document"), "documentForm");

    HttpResponse<String> answer =
        analyst.post(
            form.with("documentForm:title", "No label")
                .with("documentForm:body", "Text")
                .with("documentForm:classification", ""));

    assertThat(answer.statusCode()).isLessThan(500);
    assertThat(answer.body()).contains("A classification is required");
  }

  /**
   * Four editors saving one draft at once, on the page and over the API: a save that clashes with
   * another says so (409) and keeps what was typed; none is a server error. The clash depends on
   * timing; the fuzz run met it once in a few thousand writes, this test makes it likely.
   */
  @Test
  void savesOfOneDraftAtTheSameTimeNeverAnswerAServerError_issue14() throws Exception {
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/services",
            "POST",
            "{\"title\":\"Clash\",\"summary\":\"Clash.\",\"body\":\"<p>Clash.</p>\","
                + "\"lang\":\"en\",\"agency\":\"transport\"}",
            "Authorization",
            Http.basic("editor1", PASSWORD));
    long id = Http.json(created).asJsonObject().getJsonNumber("id").longValue();
    List<PortalSession> editors =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> PortalSession.signedIn(base, "editor1", PASSWORD))
            .toList();
    java.util.concurrent.ConcurrentLinkedQueue<Integer> statuses =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int e = 0; e < 4; e++) {
      PortalSession editor = editors.get(e);
      int who = e;
      done.add(
          pool.submit(
              () -> {
                for (int round = 0; round < 6; round++) {
                  Form form = editor.form(editor.get("staff/service?id=" + id), "serviceForm");
                  together.await();
                  HttpResponse<String> answer =
                      who % 2 == 0
                          ? editor.post(
                              form.pressing("serviceForm:save")
                                  .with("serviceForm:title", "Clash " + who + round))
                          : editor.json(
                              "PUT",
                              "api/v1/services/" + id,
                              "{\"lang\":\"en\",\"title\":\"Clash " + who + round + "\"}");
                  statuses.add(answer.statusCode());
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(statuses).hasSize(24).allSatisfy(status -> assertThat(status).isLessThan(500));
  }

  @Test
  void aBrokenEscapeInTheRequestFormsAddressIsNotAServerError_issue14() throws Exception {
    String path = base.getPath() + "requests/answer?draft=%zz&step=0";

    int status = rawStatus("POST", path);

    assertThat(status).isBetween(400, 499);
  }

  /** The status of a request sent byte for byte as written, which no HTTP client library does. */
  private int rawStatus(String method, String path) throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String statusLine = in.readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
