package org.civicportal.sync.api;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.sync.boundary.DeviceRefusedException;
import org.civicportal.sync.boundary.Sync;
import org.civicportal.sync.control.SyncFeed;
import org.civicportal.sync.entity.SyncConflict;
import org.civicportal.web.BaseUrl;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The sync API. Devices call {@code changes} and {@code push} with {@code Authorization: Bearer
 * <token>}; people in the intranet see and settle their conflicts with their own sign-in.
 */
@Path("sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
  private static final String BEARER = "Bearer ";

  @Inject Sync sync;
  @Context HttpServletRequest servlet;

  @GET
  @Path("changes")
  @Operation(
      summary =
          "The device's change feed after its cursor: {changes: [{seq, type, id, op, version,"
              + " classification, data}], cursor, hasMore}")
  public Response changes(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("since") String since,
      @QueryParam("limit") String limit) {
    int n = 200;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "limit", "Give limit as a number from 1 to " + Sync.MAX_LIMIT + ".");
      }
    }
    Sync.Pull pull = sync.changes(token(authorization), since, n);
    List<Map<String, Object>> changes = new ArrayList<>();
    for (SyncFeed.Change c : pull.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", c.seq());
      m.put("type", c.item().type());
      m.put("id", c.item().id());
      m.put("op", c.op().name().toLowerCase(Locale.ROOT));
      if (c.op() == SyncFeed.Op.UPSERT) {
        m.put("version", c.version());
        m.put("classification", c.classification().orElse(null));
        m.put("data", c.data());
      }
      changes.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changes", changes);
    body.put("cursor", pull.cursor());
    body.put("hasMore", pull.hasMore());
    return Response.ok(body).cacheControl(noStore()).build();
  }

  @POST
  @Path("push")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Push operations {ops: [{opId, type, id?, baseVersion, data}]}: one result per op,"
              + " applied, conflict or rejected; a replayed opId gets its first result")
  public Response push(@HeaderParam("Authorization") String authorization, JsonObject body) {
    String token = token(authorization);
    List<Sync.Op> ops = ops(body);
    List<Map<String, Object>> results = sync.push(token, ops, BaseUrl.of(servlet));
    return Response.ok(Map.of("results", results)).cacheControl(noStore()).build();
  }

  /** Reads and checks the whole batch before anything is applied. */
  static List<Sync.Op> ops(JsonObject body) {
    if (body == null || !(body.get("ops") instanceof jakarta.json.JsonArray array)) {
      throw new InvalidInputException("ops", "Send {\"ops\": [...]}.");
    }
    if (array.size() > Sync.MAX_OPS) {
      throw new InvalidInputException(
          "ops", "Push at most " + Sync.MAX_OPS + " operations at once.");
    }
    List<Sync.Op> ops = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "ops[" + i + "]";
      if (!(array.get(i) instanceof JsonObject op)) {
        throw new InvalidInputException(where, "Each operation is an object.");
      }
      String opId = string(op, "opId", where);
      if (opId == null || opId.isBlank() || opId.length() > 100) {
        throw new InvalidInputException(
            where + ".opId", "Give each operation an opId of 1 to 100 characters.");
      }
      String type = string(op, "type", where);
      if (type == null || type.isBlank()) {
        throw new InvalidInputException(where + ".type", "Give each operation a type.");
      }
      Map<String, String> data = new HashMap<>();
      JsonValue d = op.get("data");
      if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
        if (!(d instanceof JsonObject object)) {
          throw new InvalidInputException(where + ".data", "An operation's data is an object.");
        }
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
          JsonValue v = e.getValue();
          switch (v.getValueType()) {
            case STRING -> data.put(e.getKey(), ((JsonString) v).getString());
            case NUMBER, TRUE, FALSE -> data.put(e.getKey(), v.toString());
            case NULL -> {}
            default ->
                throw new InvalidInputException(
                    where + ".data." + e.getKey(), "Data values are strings, numbers or booleans.");
          }
        }
      }
      ops.add(
          new Sync.Op(
              opId.strip(),
              type.strip(),
              number(op, "id", where),
              number(op, "baseVersion", where),
              data));
    }
    return ops;
  }

  private static String string(JsonObject op, String field, String where) {
    JsonValue v = op.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    throw new InvalidInputException(where + "." + field, field + " is a string.");
  }

  private static Long number(JsonObject op, String field, String where) {
    JsonValue v = op.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
      return n.longValue();
    }
    throw new InvalidInputException(where + "." + field, field + " is a whole number.");
  }

  @GET
  @Path("conflicts")
  @Operation(summary = "The signed-in person's open conflicts: the kept edit beside the record now")
  public List<Map<String, Object>> conflicts() {
    return sync.conflicts().stream().map(SyncResource::view).toList();
  }

  @POST
  @Path("conflicts/{id: [0-9]+}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Settle a conflict: {keep: \"server\"} or {keep: \"device\"}")
  public Response resolve(@PathParam("id") long id, Map<String, String> body) {
    String keep = body == null ? null : body.get("keep");
    SyncConflict.Resolution resolution;
    if ("server".equals(keep)) {
      resolution = SyncConflict.Resolution.KEEP_SERVER;
    } else if ("device".equals(keep)) {
      resolution = SyncConflict.Resolution.KEEP_DEVICE;
    } else {
      throw new InvalidInputException("keep", "Keep \"server\" or \"device\".");
    }
    sync.resolve(id, resolution, BaseUrl.of(servlet));
    return Response.noContent().build();
  }

  static Map<String, Object> view(Sync.Conflict c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.kept().id());
    m.put("type", c.kept().itemType());
    m.put("itemId", c.kept().itemId());
    m.put("title", c.title());
    m.put("classification", c.kept().marking());
    m.put("baseVersion", c.kept().baseVersion());
    m.put("createdAt", c.kept().createdAt().toString());
    m.put("device", c.pushed());
    c.current()
        .ifPresent(
            h -> {
              m.put("serverVersion", h.version());
              m.put("serverClassification", h.classification());
              m.put("server", h.data());
            });
    return m;
  }

  private static String token(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new DeviceRefusedException(
          DeviceRefusedException.Reason.UNKNOWN,
          "Sync calls carry the device's token: Authorization: Bearer <token>.");
    }
    return authorization.substring(BEARER.length()).strip();
  }

  private static CacheControl noStore() {
    CacheControl c = new CacheControl();
    c.setNoStore(true);
    return c;
  }
}
