package org.civicportal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's way of running the portal: {@code java -jar civic-portal.jar} with the environment a
 * user would set. Started, stopped and started again on the same data directory, the portal keeps
 * its data, does not seed the demo twice, rebuilds a search index that was deleted or damaged while
 * it was down, and publishes a service whose scheduled time passed while it was down.
 */
class RunnableJarIT {
  @TempDir Path work;

  @Test
  void dataSurvivesARestartAndADamagedIndexIsRebuilt() throws Exception {
    int port = PortalProcess.freePort();
    Path data = work.resolve("data");

    String firstList;
    String firstDetail;
    try (PortalProcess portal = PortalProcess.start(data, port, work.resolve("first.log"))) {
      portal.awaitReady();
      firstList = portal.get("/api/v1/services?lang=en").body();
      // carries the moment the demo was seeded: a database re-created at restart would change it
      firstDetail = portal.get("/api/v1/services/apply-for-a-passport").body();
      assertThat(count(firstList)).isGreaterThanOrEqualTo(6);
      assertThat(total(portal.get("/api/v1/search?lang=en&q=passport").body())).isPositive();
      scheduleAServiceInSamplestan(portal, Instant.now().plusSeconds(6));
      assertThat(
              samplestan(portal, "GET", "/api/v1/services/renew-a-boat-licence", null, "")
                  .statusCode())
          .isEqualTo(404);
    }
    damageIndex(data.resolve("index"));

    try (PortalProcess portal = PortalProcess.start(data, port, work.resolve("second.log"))) {
      portal.awaitReady();

      assertThat(portal.get("/api/v1/services?lang=en").body()).isEqualTo(firstList);
      assertThat(portal.get("/api/v1/services/apply-for-a-passport").body())
          .isEqualTo(firstDetail)
          .contains("updatedAt");
      assertThat(total(portal.get("/api/v1/search?lang=en&q=passport").body())).isPositive();
      assertThat(total(portal.get("/api/v1/search?lang=fr&q=passeport").body())).isPositive();
      assertThat(Files.readString(work.resolve("second.log"))).contains("Search index rebuilt");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 200) {
        status =
            samplestan(portal, "GET", "/api/v1/services/renew-a-boat-licence", null, "")
                .statusCode();
        Thread.sleep(250);
      }
      assertThat(status).as("published after the restart, its time having passed").isEqualTo(200);
    }
  }

  /** Drafts, submits and schedules a service in Samplestan, as its editor and reviewer. */
  private static void scheduleAServiceInSamplestan(PortalProcess portal, Instant at)
      throws Exception {
    HttpResponse<String> created =
        samplestan(
            portal,
            "POST",
            "/api/v1/services",
            "editor1",
            "{\"title\":\"Renew a boat licence\",\"summary\":\"Keep sailing.\","
                + "\"body\":\"Renew every year.\",\"lang\":\"en\",\"agency\":\"wildlife\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    assertThat(id.find()).isTrue();
    String service = "/api/v1/services/" + id.group(1);
    assertThat(samplestan(portal, "POST", service + "/submit", "editor1", "").statusCode())
        .isEqualTo(200);
    HttpResponse<String> scheduled =
        samplestan(portal, "POST", service + "/publish", "reviewer1", "{\"at\":\"" + at + "\"}");
    assertThat(scheduled.body()).contains("\"state\":\"scheduled\"");
  }

  private static HttpResponse<String> samplestan(
      PortalProcess portal, String method, String path, String user, String json) throws Exception {
    return portal.send(method, path, user, json, "Host", "samplestan.localhost");
  }

  private static void damageIndex(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      List<Path> segments =
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList();
      assertThat(segments).isNotEmpty();
      for (Path segment : segments) {
        Files.write(segment, "not a lucene commit".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static int count(String jsonArray) {
    Matcher m = Pattern.compile("\"slug\"").matcher(jsonArray);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static long total(String json) {
    Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }
}
