package org.civicportal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: a write the portal acknowledged survives {@code kill -9}. The runnable jar takes
 * concurrent writes of three kinds — staff documents over REST, citizens' service requests, and
 * devices' sync pushes — and gets SIGKILL while they are still coming. Started again on the same
 * data, it has every write it answered 2xx (documents by id, requests by reference, and a replayed
 * push gets the results it got the first time), its search index finds every acknowledged document
 * once it has caught up, and its audit chain verifies. On the default embedded H2 and on
 * PostgreSQL.
 */
class CrashRecoveryIT {
  /** How long the writers run before the kill; they keep running until it lands. */
  private static final Duration WRITING = Duration.ofSeconds(6);

  private static final Duration SEARCH_CATCH_UP = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void everyAcknowledgedWriteSurvivesAKillOnH2_issue14() throws Exception {
    killUnderWritesAndRestart("H2", Map.of());
  }

  @Test
  void everyAcknowledgedWriteSurvivesAKillOnPostgreSql_issue14() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setLocaleConfig("locale", "C.UTF-8")
            .setServerConfig("listen_addresses", "127.0.0.1")
            // zonky turns it off for speed; PostgreSQL's default, and a real server's, is on
            .setServerConfig("synchronous_commit", "on")
            .start()) {
      killUnderWritesAndRestart(
          "PostgreSQL",
          Map.of(
              "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
              "PORTAL_DB_USER", "postgres",
              "PORTAL_DB_PASSWORD", "postgres",
              "PORTAL_DEMO", "true"));
    }
  }

  private void killUnderWritesAndRestart(String database, Map<String, String> env)
      throws Exception {
    int port = PortalProcess.freePort();
    Path data = work.resolve("data");
    Path logs = PortalProcess.logs("crash-recovery-" + database);
    Map<String, String> environment = new HashMap<>(env);
    // no SMTP server answers there: request confirmations wait in the mail outbox
    environment.put("PORTAL_SMTP_PORT", Integer.toString(PortalProcess.freePort()));
    String word = marker();
    Acknowledged acked = new Acknowledged();
    Instant killedAt;
    try (PortalProcess portal =
        PortalProcess.start(data, port, logs.resolve("before-kill.log"), environment)) {
      portal.awaitReady();
      try (Writers writers = new Writers(portal, word, acked)) {
        writers.start();
        Thread.sleep(WRITING.toMillis());

        portal.kill();
        killedAt = Instant.now();
      }
    }
    assertThat(acked.documents.size() + acked.pushedDocuments().size()).isPositive();
    assertThat(acked.requests).isNotEmpty();
    assertThat(acked.pushes).isNotEmpty();
    assertThat(Duration.between(acked.last.get(), killedAt))
        .as("the kill came while writes were being acknowledged")
        .isLessThan(Duration.ofSeconds(1));

    try (PortalProcess portal =
        PortalProcess.start(data, port, logs.resolve("after-kill.log"), environment)) {
      portal.awaitReady();

      Set<Long> documents = documentIds(portal);
      List<Long> lostDocuments = missing(acked.documents.keySet(), documents);
      List<String> lostRequests = new ArrayList<>();
      for (Map.Entry<String, Set<String>> mine : acked.requests.entrySet()) {
        lostRequests.addAll(missing(mine.getValue(), references(portal, mine.getKey())));
      }
      Set<String> lostOps = lostOps(portal, acked.pushes, documents);
      List<Long> unsearchable = awaitSearchable(portal, word, acked.allDocuments());
      JsonObject audit = json(portal.get("/api/v1/audit/verification", "auditor1")).asJsonObject();

      String summary =
          String.format(
              Locale.ROOT,
              "%s: acknowledged %d documents, %d requests, %d sync ops (%d writes); lost %d"
                  + " documents, %d requests, %d sync ops; %d acknowledged documents not found"
                  + " by search; audit chain %s",
              database,
              acked.documents.size(),
              acked.requestCount(),
              acked.opCount(),
              acked.documents.size() + acked.requestCount() + acked.opCount(),
              lostDocuments.size(),
              lostRequests.size(),
              lostOps.size(),
              unsearchable.size(),
              audit);
      System.out.println("CrashRecoveryIT " + summary);
      assertThat(lostDocuments).as(summary).isEmpty();
      assertThat(lostRequests).as(summary).isEmpty();
      assertThat(lostOps).as(summary).isEmpty();
      assertThat(unsearchable).as(summary).isEmpty();
      assertThat(audit.getBoolean("valid")).as(summary).isTrue();
    }
  }

  /** What the portal answered 2xx to before it was killed. */
  private static final class Acknowledged {
    /** Documents created over REST: id to title. */
    final Map<Long, String> documents = new ConcurrentHashMap<>();

    /** References of the requests each citizen made. */
    final Map<String, Set<String>> requests = new ConcurrentHashMap<>();

    /** Each acknowledged push: the device's token, the batch sent and the results it got. */
    final List<Push> pushes = java.util.Collections.synchronizedList(new ArrayList<>());

    final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    record Push(String token, String body, JsonArray results) {
      String name(JsonObject result) {
        return token.substring(0, 6) + ":" + result.getString("opId");
      }
    }

    void now() {
      last.set(Instant.now());
    }

    int requestCount() {
      return requests.values().stream().mapToInt(Set::size).sum();
    }

    int opCount() {
      synchronized (pushes) {
        return pushes.stream().mapToInt(p -> p.results().size()).sum();
      }
    }

    Set<Long> pushedDocuments() {
      synchronized (pushes) {
        return pushes.stream()
            .flatMap(p -> p.results().stream())
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("status").equals("applied"))
            .map(r -> r.getJsonNumber("id").longValue())
            .collect(Collectors.toSet());
      }
    }

    Set<Long> allDocuments() {
      Set<Long> all = new HashSet<>(documents.keySet());
      all.addAll(pushedDocuments());
      return all;
    }
  }

  /**
   * Two employees creating documents, two citizens making requests and two devices pushing new
   * documents, each as fast as the portal answers, until {@link #close()}. Only answers received
   * whole with a 2xx status are recorded; calls cut off by the kill are not.
   */
  private static final class Writers implements AutoCloseable {
    private final PortalProcess portal;
    private final String word;
    private final Acknowledged acked;
    private final ExecutorService threads = Executors.newFixedThreadPool(6);
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean stopping;

    Writers(PortalProcess portal, String word, Acknowledged acked) {
      this.portal = portal;
      this.word = word;
      this.acked = acked;
    }

    /**
     * Makes the first write of each writer alone, then lets them all run at once. (The first writes
     * of a fresh portal racing each other can fail for reasons other than durability: two first
     * requests of the year race to create the year's reference counter.)
     */
    void start() throws Exception {
      List<Write> writes = new ArrayList<>();
      for (String employee : List.of("director1", "officer1")) {
        writes.add(n -> document(employee, n));
      }
      for (String citizen : List.of("citizen1", "citizen2")) {
        acked.requests.put(citizen, ConcurrentHashMap.newKeySet());
        writes.add(n -> request(citizen, n));
      }
      for (int device = 0; device < 2; device++) {
        String token = register(device);
        writes.add(n -> push(token, n));
      }
      for (Write write : writes) {
        write.run(0);
      }
      for (Write write : writes) {
        running.add(threads.submit(() -> loop(write)));
      }
    }

    private interface Write {
      void run(int n) throws IOException, InterruptedException;
    }

    private Void loop(Write write) throws InterruptedException {
      for (int n = 1; !stopping; n++) {
        try {
          write.run(n);
        } catch (IOException cutOff) {
          // the kill: this call was never answered
        }
      }
      return null;
    }

    private void document(String employee, int n) throws IOException, InterruptedException {
      String title = word + " document " + employee + " " + n;
      HttpResponse<String> r =
          portal.send(
              "POST",
              "/api/v1/documents",
              employee,
              Json.createObjectBuilder()
                  .add("title", title)
                  .add("body", "Written under load before a crash, " + word + ".")
                  .add("agency", "transport")
                  .add("classification", "OFFICIAL")
                  .build()
                  .toString());
      if (r.statusCode() == 201) {
        acked.documents.put(json(r).asJsonObject().getJsonNumber("id").longValue(), title);
        acked.now();
      } else {
        refused(r);
      }
    }

    private void request(String citizen, int n) throws IOException, InterruptedException {
      HttpResponse<String> r =
          portal.send(
              "POST",
              "/api/v1/requests",
              citizen,
              "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
                  + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],"
                  + "\"description\":[\"Hole number "
                  + n
                  + " on the way, "
                  + word
                  + "\"],\"address\":[\"1 High Street\"],\"location\":[\"51.5, -0.12\"]}}",
              "Idempotency-Key",
              UUID.randomUUID().toString());
      if (r.statusCode() == 201) {
        acked.requests.get(citizen).add(json(r).asJsonObject().getString("reference"));
        acked.now();
      } else {
        refused(r);
      }
    }

    private String register(int device) throws IOException, InterruptedException {
      HttpResponse<String> r =
          portal.send(
              "POST",
              "/api/v1/devices",
              "director1",
              "{\"name\":\"Field tablet " + device + "\",\"platform\":\"android\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return json(r).asJsonObject().getString("token");
    }

    /** A batch of three new documents; every op of it gets its result in the answer. */
    private void push(String token, int n) throws IOException, InterruptedException {
      var ops = Json.createArrayBuilder();
      for (int op = 0; op < 3; op++) {
        ops.add(
            Json.createObjectBuilder()
                .add("opId", n + "-" + op)
                .add("type", "document")
                .add(
                    "data",
                    Json.createObjectBuilder()
                        .add("agency", "transport")
                        .add("title", word + " pushed " + token.substring(0, 6) + " " + n + op)
                        .add("body", "Pushed from the field, " + word + ".")
                        .add("classification", "OFFICIAL")));
      }
      String body = Json.createObjectBuilder().add("ops", ops).build().toString();
      HttpResponse<String> r =
          portal.send("POST", "/api/v1/sync/push", null, body, "Authorization", "Bearer " + token);
      if (r.statusCode() == 200) {
        JsonArray results = json(r).asJsonObject().getJsonArray("results");
        // a passing failure is answered with retry: true and not kept, so not acknowledged
        if (results.stream().noneMatch(x -> x.asJsonObject().getBoolean("retry", false))) {
          acked.pushes.add(new Acknowledged.Push(token, body, results));
          acked.now();
        }
      } else {
        refused(r);
      }
    }

    private void refused(HttpResponse<String> r) {
      if (refused.incrementAndGet() <= 5) {
        System.out.println(
            "CrashRecoveryIT: refused "
                + r.request().uri()
                + " "
                + r.statusCode()
                + " "
                + r.body());
      }
    }

    /** Stops the writers; called after the kill, so their last calls have been cut off. */
    @Override
    public void close() throws Exception {
      stopping = true;
      for (Future<?> writer : running) {
        writer.get();
      }
      threads.shutdown();
      assertThat(refused.get()).as("writes refused before the kill").isZero();
    }
  }

  /**
   * The acknowledged ops whose document is gone, or that get another result when their batch is
   * pushed again (as a device that never heard the answer would), named device:opId.
   */
  private static Set<String> lostOps(
      PortalProcess portal, List<Acknowledged.Push> pushes, Set<Long> documents)
      throws IOException, InterruptedException {
    Set<String> lost = new TreeSet<>();
    // first the documents: replaying a lost op would create its document again
    for (Acknowledged.Push push : pushes) {
      for (JsonObject first : push.results().getValuesAs(JsonObject.class)) {
        if (first.getString("status").equals("applied")
            && !documents.contains(first.getJsonNumber("id").longValue())) {
          lost.add(push.name(first));
        }
      }
    }
    for (Acknowledged.Push push : pushes) {
      HttpResponse<String> r =
          portal.send(
              "POST",
              "/api/v1/sync/push",
              null,
              push.body(),
              "Authorization",
              "Bearer " + push.token());
      JsonArray again = json(r).asJsonObject().getJsonArray("results");
      for (int i = 0; i < push.results().size(); i++) {
        JsonObject first = push.results().getJsonObject(i);
        if (!sameResult(first, again.getJsonObject(i))) {
          lost.add(push.name(first));
        }
      }
    }
    return lost;
  }

  private static boolean sameResult(JsonObject first, JsonObject replayed) {
    return first.getString("opId").equals(replayed.getString("opId"))
        && first.getString("status").equals(replayed.getString("status"))
        && number(first, "id") == number(replayed, "id")
        && number(first, "version") == number(replayed, "version");
  }

  private static long number(JsonObject o, String name) {
    return o.containsKey(name) ? o.getJsonNumber(name).longValue() : -1;
  }

  /**
   * Searches for the marker word, page by page, until every acknowledged document is found or the
   * deadline passes; returns those not found.
   */
  private static List<Long> awaitSearchable(PortalProcess portal, String word, Set<Long> expected)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(SEARCH_CATCH_UP);
    List<Long> notFound;
    do {
      Set<Long> found = new HashSet<>();
      String cursor = null;
      do {
        String path =
            "/api/v1/search?lang=en&type=document&size=100&facets=false&q="
                + word
                + (cursor == null
                    ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonObject page = json(portal.get(path, "director1")).asJsonObject();
        page.getJsonArray("hits").stream()
            .map(JsonValue::asJsonObject)
            .forEach(hit -> found.add(hit.getJsonNumber("id").longValue()));
        cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
      } while (cursor != null);
      notFound = missing(expected, found);
      if (notFound.isEmpty()) {
        return notFound;
      }
      Thread.sleep(1000);
    } while (Instant.now().isBefore(deadline));
    return notFound;
  }

  private static Set<Long> documentIds(PortalProcess portal)
      throws IOException, InterruptedException {
    return json(portal.get("/api/v1/documents", "director1")).asJsonArray().stream()
        .map(d -> d.asJsonObject().getJsonNumber("id").longValue())
        .collect(Collectors.toSet());
  }

  private static Set<String> references(PortalProcess portal, String citizen)
      throws IOException, InterruptedException {
    return json(portal.get("/api/v1/requests", citizen)).asJsonArray().stream()
        .map(r -> r.asJsonObject().getString("reference"))
        .collect(Collectors.toSet());
  }

  private static <T extends Comparable<T>> List<T> missing(Set<T> expected, Set<T> present) {
    Set<T> gone = new TreeSet<>(expected);
    gone.removeAll(present);
    return List.copyOf(gone);
  }

  private static JsonStructure json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isBetween(200, 299);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.read();
    }
  }

  /** A word found in no other content: letters only, so every analyzer keeps it whole. */
  private static String marker() {
    StringBuilder word = new StringBuilder("kestrel");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
