package org.civicportal.indexing.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.civicportal.web.TestFiles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An employee finds a document by a word inside its attached PDF; nobody below the document's label
 * finds it, not even as a count; and when the label rises, readers below it stop finding it as soon
 * as the change is answered, without waiting for the index to catch up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentFilesSearchIT {
  static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  long create(String user, String title, String marking) throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\""
                + title
                + "\",\"body\":\"Plain body.\",\"agency\":\"transport\","
                + "\"classification\":\""
                + marking
                + "\"}",
            as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return ((JsonObject) Http.json(r)).getJsonNumber("id").longValue();
  }

  long total(String user, String q) {
    HttpResponse<String> r = Http.get(base, "api/v1/search?lang=en&q=" + q, as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ((JsonObject) Http.json(r)).getJsonNumber("total").longValue();
  }

  @Test
  void aWordInsideAnAttachedPdfFindsTheDocumentForThoseClearedOnly() throws Exception {
    long id = create("analyst1", "Pier inspection", "SECRET");
    HttpResponse<String> attached =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString())
                            .resolve("api/v1/documents/" + id + "/attachments?name=inspection.pdf"))
                    .header("Authorization", Http.basic("analyst1", PASSWORD))
                    .header("Content-Type", "application/pdf")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            TestFiles.pdf("The divers found barnaclecorrosion under pier seven.")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    assertThat(attached.body()).contains("application/pdf");

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (total("analyst1", "barnaclecorrosion") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    HttpResponse<String> found =
        Http.get(base, "api/v1/search?lang=en&q=barnaclecorrosion", as("analyst1"));
    assertThat(found.body()).contains("Pier inspection", "<mark>barnaclecorrosion</mark>");
    assertThat(total("officer1", "barnaclecorrosion")).isZero();
    assertThat(Http.get(base, "api/v1/search?lang=en&q=barnaclecorrosion", as("officer1")).body())
        .doesNotContain("Pier inspection");
    assertThat(
            Http.get(base, "api/v1/documents/" + id + "/attachments", as("officer1")).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(base, "api/v1/documents/" + id + "/attachments", as("analyst1")).body())
        .contains("inspection.pdf");

    // a file that is not one a document takes
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString())
                            .resolve("api/v1/documents/" + id + "/attachments?name=x.pdf"))
                    .header("Authorization", Http.basic("analyst1", PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString("<script>alert(1)</script>"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
  }

  @Test
  void aRaisedLabelHidesTheDocumentFromLowerReadersAtOnce() throws Exception {
    long id = create("analyst1", "Quayside zebrafinch survey", "OFFICIAL");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (total("officer1", "zebrafinch") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(total("officer1", "zebrafinch")).isEqualTo(1);
    HttpResponse<String> raised =
        Http.send(
            base,
            "api/v1/documents/" + id,
            "PUT",
            "{\"title\":\"Quayside zebrafinch survey\",\"body\":\"Plain body.\","
                + "\"agency\":\"transport\",\"classification\":\"SECRET\"}",
            as("analyst1"));
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    // no waiting: the raise is committed, so the lower reader must not find it any more
    assertThat(total("officer1", "zebrafinch")).isZero();
    deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (total("analyst1", "zebrafinch") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(total("analyst1", "zebrafinch")).isEqualTo(1);
    assertThat(total("officer1", "zebrafinch")).isZero();
  }

  @Test
  void tenantAdminsRebuildTheIndexInTheBackgroundWhileSearchesKeepAnswering() throws Exception {
    assertThat(Http.send(base, "api/v1/index/rebuild", "POST", "", as("citizen1")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> started =
        Http.send(base, "api/v1/index/rebuild", "POST", "", as("admin1"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject status;
    do {
      assertThat(Http.get(base, "api/v1/search?lang=en&q=passport").statusCode()).isEqualTo(200);
      status = (JsonObject) Http.json(Http.get(base, "api/v1/index/rebuild", as("admin1")));
      Thread.sleep(100);
    } while (!status.getString("state").equals("DONE") && System.nanoTime() < deadline);
    assertThat(status.getString("state")).isEqualTo("DONE");
    assertThat(status.getInt("percent")).isEqualTo(100);
    assertThat(status.getJsonNumber("done").longValue())
        .isEqualTo(status.getJsonNumber("total").longValue())
        .isPositive();
    assertThat(total("citizen1", "passport")).isPositive();
  }

  @Test
  void employeesKeepTheirOwnSavedSearches() throws Exception {
    HttpResponse<String> saved =
        Http.send(
            base,
            "api/v1/search/saved",
            "POST",
            "{\"name\":\"Piers\",\"query\":\"q=pier&type=document\"}",
            as("analyst1"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    long id = ((JsonObject) Http.json(saved)).getJsonNumber("id").longValue();
    assertThat(
            Http.send(
                    base,
                    "api/v1/search/saved",
                    "POST",
                    "{\"name\":\"Piers\",\"query\":\"q=x\"}",
                    as("analyst1"))
                .statusCode())
        .isEqualTo(409);
    assertThat(Http.get(base, "api/v1/search/saved", as("analyst1")).body())
        .contains("q=pier&type=document");
    assertThat(Http.get(base, "api/v1/search/saved", as("officer1")).body())
        .doesNotContain("Piers");
    assertThat(
            Http.send(base, "api/v1/search/saved/" + id, "DELETE", "", as("officer1")).statusCode())
        .isEqualTo(404);
    assertThat(
            Http.send(base, "api/v1/search/saved/" + id, "DELETE", "", as("analyst1")).statusCode())
        .isEqualTo(204);
    assertThat(Http.get(base, "api/v1/search/saved", as("citizen1")).statusCode()).isEqualTo(403);
  }
}
