package org.civicportal.sync.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference client of the sync API, as a device would be written: it registers, keeps its cursor,
 * applies the feed to a local store (upsert puts, revoke and delete purge), and pushes operations.
 * It also remembers every change it was ever given, so tests can check that nothing out of scope
 * ever reached it. Not thread-safe: one client is one device.
 */
public final class SyncClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A record the device holds. */
  public record Held(String type, long id, long version, String classification, JsonObject data) {}

  private final URL base;
  private final long id;
  private final String token;
  private final String[] headers;
  private String cursor;
  private final Map<String, Held> store = new LinkedHashMap<>();
  private final List<JsonObject> received = new ArrayList<>();

  public SyncClient(URL base, long id, String token) {
    this(base, id, token, new String[0]);
  }

  /** A device that sends these headers with every call too (e.g. {@code Host}). */
  public SyncClient(URL base, long id, String token, String... headers) {
    this.base = base;
    this.id = id;
    this.token = token;
    this.headers = headers.clone();
  }

  /** Registers a device for the user given by their Basic credentials. */
  public static SyncClient register(URL base, String user, String password, String name) {
    return register(base, user, password, name, new String[0]);
  }

  /**
   * Registers a device for the user given by their Basic credentials, sending these headers too
   * (e.g. {@code Host} for another tenant), on registration and on every later call.
   */
  public static SyncClient register(
      URL base, String user, String password, String name, String... headers) {
    HttpResponse<String> r =
        send(
            base,
            "api/v1/devices",
            "POST",
            "{\"name\":\"" + name + "\",\"platform\":\"test\"}",
            with(headers, "Authorization", basic(user, password)));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("registration failed: " + r.statusCode() + " " + r.body());
    }
    JsonObject body = read(r.body()).asJsonObject();
    return new SyncClient(
        base, body.getJsonNumber("id").longValue(), body.getString("token"), headers);
  }

  /** The same device's token sent with other headers (e.g. to another tenant's host). */
  public SyncClient sentWith(String... otherHeaders) {
    return new SyncClient(base, id, token, otherHeaders);
  }

  private static String[] with(String[] headers, String... more) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  public long id() {
    return id;
  }

  public String token() {
    return token;
  }

  public String cursor() {
    return cursor;
  }

  /** The raw answer to a pull from a cursor (null: from the beginning). */
  public HttpResponse<String> rawPull(String from, int limit) {
    String path =
        "api/v1/sync/changes?limit="
            + limit
            + (from == null
                ? ""
                : "&since=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8));
    return send(base, path, "GET", null, with(headers, "Authorization", "Bearer " + token));
  }

  /** One pull from the kept cursor, applied; returns its changes. */
  public JsonArray pull(int limit) {
    HttpResponse<String> r = rawPull(cursor, limit);
    if (r.statusCode() != 200) {
      throw new SyncRefused(r.statusCode(), r.body());
    }
    JsonObject page = read(r.body()).asJsonObject();
    JsonArray changes = page.getJsonArray("changes");
    apply(changes);
    cursor = page.getString("cursor");
    lastHasMore = page.getBoolean("hasMore");
    return changes;
  }

  private boolean lastHasMore;

  /** Pulls until the feed says there is no more; returns how many changes came. */
  public int pullAll() {
    int n = 0;
    do {
      n += pull(500).size();
    } while (lastHasMore);
    return n;
  }

  /** Applies changes to the local store, as a device does. */
  public void apply(JsonArray changes) {
    for (JsonValue v : changes) {
      JsonObject c = v.asJsonObject();
      received.add(c);
      String key = c.getString("type") + ":" + c.getJsonNumber("id").longValue();
      switch (c.getString("op")) {
        case "upsert" ->
            store.put(
                key,
                new Held(
                    c.getString("type"),
                    c.getJsonNumber("id").longValue(),
                    c.getJsonNumber("version").longValue(),
                    c.getString("classification"),
                    c.getJsonObject("data")));
        case "revoke", "delete" -> store.remove(key);
        default -> throw new IllegalStateException("unknown op " + c);
      }
    }
  }

  /** Pushes a batch {ops: [...]}; returns the raw answer. */
  public HttpResponse<String> rawPush(String body) {
    return send(
        base, "api/v1/sync/push", "POST", body, with(headers, "Authorization", "Bearer " + token));
  }

  /** Pushes operations; returns one result per op. */
  public JsonArray push(String... ops) {
    HttpResponse<String> r = rawPush("{\"ops\":[" + String.join(",", ops) + "]}");
    if (r.statusCode() != 200) {
      throw new SyncRefused(r.statusCode(), r.body());
    }
    return read(r.body()).asJsonObject().getJsonArray("results");
  }

  public Map<String, Held> store() {
    return store;
  }

  public Held held(String type, long id) {
    return store.get(type + ":" + id);
  }

  /** Every change this device was ever given. */
  public List<JsonObject> received() {
    return received;
  }

  /** An op that edits a document. */
  public static String editDocument(
      String opId, long id, long baseVersion, String title, String body, String classification) {
    return Json.createObjectBuilder()
        .add("opId", opId)
        .add("type", "document")
        .add("id", id)
        .add("baseVersion", baseVersion)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("title", title)
                .add("body", body)
                .add("classification", classification))
        .build()
        .toString();
  }

  /** An op that creates a document. */
  public static String createDocument(
      String opId, String title, String body, String classification) {
    return Json.createObjectBuilder()
        .add("opId", opId)
        .add("type", "document")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("agency", "transport")
                .add("title", title)
                .add("body", body)
                .add("classification", classification))
        .build()
        .toString();
  }

  /** The device's call was refused: its status and problem body. */
  public static final class SyncRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    SyncRefused(int status, String body) {
      super(status + " " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(
      URL base, String path, String method, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonValue read(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }
}
