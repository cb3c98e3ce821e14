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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar in a process of its own, started as the README says ({@code java -jar
 * civic-portal.jar} with {@code PORTAL_*} in the environment), listening on 127.0.0.1 only. The
 * process is the JVM itself, not a shell or launcher around it, so {@link #kill()} is a real {@code
 * kill -9} of the portal. Also the HTTP calls the deployment tests make to it.
 */
final class PortalProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "civic-portal.jar");
  static final String PASSWORD = "Demo!2026";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final int port;

  private PortalProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the jar on {@code data} with the default embedded H2 database unless {@code env} names
   * another; {@code env} is added to the portal's environment. The JVM's temporary files (Payara
   * Micro unpacks itself there) go to a folder beside {@code data}, so a killed portal leaves
   * nothing behind outside the test's folder.
   */
  static PortalProcess start(Path data, int port, Path log, Map<String, String> env)
      throws IOException {
    Path tmp = Files.createDirectories(data.resolveSibling("tmp"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("PORTAL_"));
    environment.put("PORTAL_PORT", Integer.toString(port));
    environment.put("PORTAL_BIND", "127.0.0.1");
    environment.put("PORTAL_DATA_DIR", data.toString());
    environment.putAll(env);
    return new PortalProcess(builder.start(), port);
  }

  static PortalProcess start(Path data, int port, Path log) throws IOException {
    return start(data, port, log, Map.of());
  }

  /**
   * Waits until {@code /health/ready} answers 200 (the search index has caught up too), polling
   * from the moment the process starts. While starting, the portal may be silent or say 404 or 503
   * DOWN; it must never answer a server error such as the 500 with an empty body it gave while its
   * EJBs were starting (issue 14).
   */
  void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("portal process exited; see its log").isTrue();
      try {
        HttpResponse<String> ready = get("/health/ready");
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
      Thread.sleep(250);
    }
    throw new AssertionError("portal not ready within 180 s");
  }

  /**
   * {@code kill -9}: SIGKILL to the portal's JVM, which has no chance to close its database, its
   * index or its connections. Checks first that the process is that JVM and has no child that would
   * survive it, and after that the signal is what ended it.
   */
  void kill() throws InterruptedException {
    ProcessHandle.Info info = process.info();
    assertThat(info.command())
        .hasValueSatisfying(
            command -> assertThat(Path.of(command).getFileName()).hasToString("java"));
    assertThat(info.arguments())
        .hasValueSatisfying(
            args -> assertThat(args).contains("-jar", JAR.toAbsolutePath().toString()));
    assertThat(process.descendants()).as("processes the portal started").isEmpty();

    process.destroyForcibly();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("128 + SIGKILL").isEqualTo(137);
  }

  /** Stops the portal as a service manager would (SIGTERM), killing it after a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return send(request(path).header("Authorization", basic(user)).GET());
  }

  /**
   * A call with a JSON body ({@code ""} for none) as {@code user} (Basic, with the demo password),
   * with extra headers as name-value pairs.
   */
  HttpResponse<String> send(String method, String path, String user, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An empty folder under {@code target} for the portal's logs, which outlive the test's temporary
   * folder so a failure can be read.
   */
  static Path logs(String name) throws IOException {
    Path folder = Path.of("target", "portal-logs", name);
    if (Files.isDirectory(folder)) {
      try (var old = Files.list(folder)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    return Files.createDirectories(folder);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
