package org.civicportal.sync.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync load run (a benchmark, not a test), against a running portal with demo data:
 *
 * <ol>
 *   <li>a seeding device pushes N documents (SECRET and OFFICIAL, 500 per batch);
 *   <li>a fresh device accredited SECRET pulls the whole feed from zero, 1,000 changes a page;
 *       timed five times, each with a new device;
 *   <li>D devices at once, for S seconds, each pushing batches of 1 to 5 new documents (one batch
 *       in ten is sent twice, as after a lost answer) and pulling after each push;
 *   <li>a last device pulls everything: every op that was applied must be there exactly once.
 * </ol>
 *
 * <p>Usage: {@code SyncLoad <base url> [devices=200] [seconds=60] [documents=10000]}.
 */
public final class SyncLoad {
  private static final String PASSWORD = "Demo!2026";

  private SyncLoad() {}

  public static void main(String[] args) throws Exception {
    URL base = new URL(args[0].endsWith("/") ? args[0] : args[0] + "/");
    int devices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int documents = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    String run = "load" + Long.toString(System.currentTimeMillis(), 36);

    List<SyncClient> fleet = new ArrayList<>();
    String[] owners = {"director1", "analyst1", "auditor1", "declassifier1"};
    for (int i = 0; i < devices; i++) {
      fleet.add(accredited(base, owners[i % owners.length], "SECRET", run + "-d" + i));
    }
    System.out.printf(Locale.ROOT, "registered and accredited %d devices%n", devices);
    for (SyncClient d : fleet) {
      d.pullAll();
    }
    System.out.printf(Locale.ROOT, "each pulled the demo data; load starts%n");
    Set<String> applied = ConcurrentHashMap.newKeySet();
    AtomicLong pushes = new AtomicLong();
    AtomicLong replays = new AtomicLong();
    AtomicLong replayMismatches = new AtomicLong();
    AtomicLong pullCalls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    List<Long> pushMicros = Collections.synchronizedList(new ArrayList<>());
    List<Long> pullMicros = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(devices);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      SyncClient d = fleet.get(i);
      int who = i;
      work.add(
          pool.submit(
              () -> {
                int k = 0;
                while (System.nanoTime() < end) {
                  try {
                    int n = 1 + ThreadLocalRandom.current().nextInt(5);
                    List<String> ops = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (int j = 0; j < n; j++) {
                      String opId = run + "-" + who + "-" + k++;
                      ids.add(opId);
                      ops.add(
                          SyncClient.createDocument(
                              opId, opId, "Made by device " + who + " under load.", "OFFICIAL"));
                    }
                    long s = System.nanoTime();
                    JsonArray results = null;
                    // as a device does: an answer that never came is asked for again, same op ids
                    for (int attempt = 1; results == null; attempt++) {
                      try {
                        results = d.push(ops.toArray(String[]::new));
                        if (attempt < 5 && results.toString().contains("\"retry\":true")) {
                          // a passing failure on the server: the same ops again
                          results = null;
                          retries.incrementAndGet();
                        }
                      } catch (RuntimeException e) {
                        if (attempt == 5) {
                          throw e;
                        }
                        retries.incrementAndGet();
                      }
                    }
                    pushMicros.add((System.nanoTime() - s) / 1000);
                    pushes.addAndGet(n);
                    for (int j = 0; j < results.size(); j++) {
                      JsonObject r = results.getJsonObject(j);
                      if (r.getString("status").equals("applied")) {
                        applied.add(ids.get(j));
                      } else if (errors.incrementAndGet() <= 5) {
                        System.out.println("device " + who + ": " + r);
                      }
                    }
                    if (ThreadLocalRandom.current().nextInt(10) == 0) {
                      JsonArray again = d.push(ops.toArray(String[]::new));
                      replays.addAndGet(n);
                      if (!again.equals(results)) {
                        replayMismatches.incrementAndGet();
                      }
                    }
                    s = System.nanoTime();
                    d.pull(500);
                    pullMicros.add((System.nanoTime() - s) / 1000);
                    pullCalls.incrementAndGet();
                  } catch (RuntimeException e) {
                    if (errors.incrementAndGet() <= 5) {
                      System.out.println("device " + who + ": " + e);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();

    System.out.printf(
        Locale.ROOT,
        "%d devices for %d s: %d ops pushed (%.0f ops/s), %d replayed (%d answers differed),"
            + " %d pulls (%.0f pulls/s), %d pushes sent again (no answer, or a passing failure), %d errors%n",
        devices,
        seconds,
        pushes.get(),
        pushes.get() / (double) seconds,
        replays.get(),
        replayMismatches.get(),
        pullCalls.get(),
        pullCalls.get() / (double) seconds,
        retries.get(),
        errors.get());
    System.out.printf(
        Locale.ROOT,
        "push latency p50 %.0f ms, p99 %.0f ms; pull latency p50 %.0f ms, p99 %.0f ms%n",
        percentile(pushMicros, 50) / 1000.0,
        percentile(pushMicros, 99) / 1000.0,
        percentile(pullMicros, 50) / 1000.0,
        percentile(pullMicros, 99) / 1000.0);
    System.out.printf(Locale.ROOT, "load over; verifying%n");
    SyncClient verifier = accredited(base, "director1", "SECRET", run + "-verifier");
    verifier.pullAll();
    Map<String, Integer> seen = new HashMap<>();
    for (SyncClient.Held h : verifier.store().values()) {
      String title = h.data().getString("title", "");
      if (title.startsWith(run + "-")) {
        seen.merge(title, 1, Integer::sum);
      }
    }
    long lost = applied.stream().filter(id -> !seen.containsKey(id)).count();
    long duplicated = seen.values().stream().filter(c -> c > 1).count();
    long unexpected = seen.keySet().stream().filter(t -> !applied.contains(t)).count();
    System.out.printf(
        Locale.ROOT,
        "applied %d, found by a fresh device %d: lost %d, duplicated %d, never applied but present %d%n",
        applied.size(),
        seen.size(),
        lost,
        duplicated,
        unexpected);
    SyncClient seeder = accredited(base, "director1", "SECRET", run + "-seeder");
    long t0 = System.nanoTime();
    for (int i = 0; i < documents; i += 500) {
      List<String> ops = new ArrayList<>();
      for (int j = i; j < Math.min(documents, i + 500); j++) {
        ops.add(
            SyncClient.createDocument(
                run + "-seed-" + j,
                run + " seed " + j,
                "Seed document " + j + " of the sync load run.",
                j % 2 == 0 ? "SECRET" : "OFFICIAL"));
      }
      JsonArray results = seeder.push(ops.toArray(String[]::new));
      for (JsonValue r : results) {
        if (!r.asJsonObject().getString("status").equals("applied")) {
          throw new IllegalStateException("seeding failed: " + r);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "seeded %d documents by push in %.1f s%n",
        documents,
        (System.nanoTime() - t0) / 1e9);

    List<Double> pulls = new ArrayList<>();
    int pulled = 0;
    for (int i = 0; i < 5; i++) {
      SyncClient fresh = accredited(base, "director1", "SECRET", run + "-fresh-" + i);
      long start = System.nanoTime();
      int n = 0;
      JsonArray page;
      do {
        page = fresh.pull(1000);
        n += page.size();
      } while (page.size() == 1000 && n < documents);
      pulls.add((System.nanoTime() - start) / 1e6);
      pulled = n;
    }
    Collections.sort(pulls);
    System.out.printf(
        Locale.ROOT,
        "pull of the first %d changes from zero (limit 1000), 5 fresh devices: min %.0f ms, median"
            + " %.0f ms,"
            + " max %.0f ms%n",
        pulled,
        pulls.get(0),
        pulls.get(2),
        pulls.get(4));

    if (lost > 0 || duplicated > 0 || unexpected > 0 || replayMismatches.get() > 0) {
      System.exit(1);
    }
  }

  private static SyncClient accredited(URL base, String user, String marking, String name)
      throws Exception {
    SyncClient device = SyncClient.register(base, user, PASSWORD, name);
    HttpResponse<String> r =
        SyncClient.send(
            base,
            "api/v1/devices/" + device.id(),
            "PUT",
            Json.createObjectBuilder().add("accreditation", marking).build().toString(),
            "Authorization",
            SyncClient.basic("admin1", PASSWORD));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("accreditation failed: " + r.body());
    }
    return device;
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
