package org.civicportal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static final Path JAR = Path.of("target", "civic-portal.jar");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @TempDir Path work;

  @Test
  void dataSurvivesARestartAndADamagedIndexIsRebuilt() throws Exception {
    int port = freePort();
    Path data = work.resolve("data");

    String firstList;
    String firstDetail;
    try (Portal portal = Portal.start(JAR, data, port, work.resolve("first.log"))) {
      awaitReady(port, portal);
      firstList = get(port, "/api/v1/services?lang=en").body();
      // carries the moment the demo was seeded: a database re-created at restart would change it
      firstDetail = get(port, "/api/v1/services/apply-for-a-passport").body();
      assertThat(count(firstList)).isGreaterThanOrEqualTo(6);
      assertThat(total(get(port, "/api/v1/search?lang=en&q=passport").body())).isPositive();
      scheduleAServiceInSamplestan(port, Instant.now().plusSeconds(6));
      assertThat(samplestan(port, "/api/v1/services/renew-a-boat-licence").statusCode())
          .isEqualTo(404);
    }
    damageIndex(data.resolve("index"));

    try (Portal portal = Portal.start(JAR, data, port, work.resolve("second.log"))) {
      awaitReady(port, portal);

      assertThat(get(port, "/api/v1/services?lang=en").body()).isEqualTo(firstList);
      assertThat(get(port, "/api/v1/services/apply-for-a-passport").body())
          .isEqualTo(firstDetail)
          .contains("updatedAt");
      assertThat(total(get(port, "/api/v1/search?lang=en&q=passport").body())).isPositive();
      assertThat(total(get(port, "/api/v1/search?lang=fr&q=passeport").body())).isPositive();
      assertThat(Files.readString(work.resolve("second.log"))).contains("Search index rebuilt");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      int status = 0;
      while (Instant.now().isBefore(deadline) && status != 200) {
        status = samplestan(port, "/api/v1/services/renew-a-boat-licence").statusCode();
        Thread.sleep(250);
      }
      assertThat(status).as("published after the restart, its time having passed").isEqualTo(200);
    }
  }

  /** Drafts, submits and schedules a service in Samplestan, as its editor and reviewer. */
  private void scheduleAServiceInSamplestan(int port, Instant at) throws Exception {
    HttpResponse<String> created =
        samplestan(
            port,
            "POST",
            "/api/v1/services",
            "editor1",
            "{\"title\":\"Renew a boat licence\",\"summary\":\"Keep sailing.\","
                + "\"body\":\"Renew every year.\",\"lang\":\"en\",\"agency\":\"wildlife\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    assertThat(id.find()).isTrue();
    String service = "/api/v1/services/" + id.group(1);
    assertThat(samplestan(port, "POST", service + "/submit", "editor1", "").statusCode())
        .isEqualTo(200);
    HttpResponse<String> scheduled =
        samplestan(port, "POST", service + "/publish", "reviewer1", "{\"at\":\"" + at + "\"}");
    assertThat(scheduled.body()).contains("\"state\":\"scheduled\"");
  }

  private HttpResponse<String> samplestan(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Host", "samplestan.localhost")
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> samplestan(
      int port, String method, String path, String user, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Host", "samplestan.localhost")
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString((user + ":Demo!2026").getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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

  /**
   * Polls readiness from the moment the process starts. While starting, the portal may be silent or
   * say 404 or 503 DOWN; it must never answer a server error such as the 500 with an empty body it
   * gave while its EJBs were starting (issue 14).
   */
  private void awaitReady(int port, Portal portal) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      assertThat(portal.process.isAlive()).as("portal process exited; see its log").isTrue();
      try {
        HttpResponse<String> ready = get(port, "/health/ready");
        if (ready.statusCode() == 200) {
          return;
        }
        if (ready.statusCode() >= 500) {
          assertThat(ready.statusCode()).as("readiness while starting").isEqualTo(503);
          assertThat(ready.body()).as("readiness while starting").contains("\"DOWN\"");
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("portal not ready within 120 s");
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The runnable jar in its own process, stopped (and waited for) on close. */
  private record Portal(Process process) implements AutoCloseable {
    static Portal start(Path jar, Path data, int port, Path log) throws IOException {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx768m",
                  "-jar",
                  jar.toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("PORTAL_PORT", Integer.toString(port));
      builder.environment().put("PORTAL_BIND", "127.0.0.1");
      builder.environment().put("PORTAL_DATA_DIR", data.toString());
      builder.environment().remove("PORTAL_DB_URL");
      return new Portal(builder.start());
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
