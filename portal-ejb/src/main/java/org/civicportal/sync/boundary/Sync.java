package org.civicportal.sync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.control.DocumentWriter;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.control.RequestIndexing;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.sync.control.ChangeLog;
import org.civicportal.sync.control.DeviceScope;
import org.civicportal.sync.control.DeviceStore;
import org.civicportal.sync.control.SyncCursors;
import org.civicportal.sync.control.SyncFeed;
import org.civicportal.sync.entity.Device;
import org.civicportal.sync.entity.SyncConflict;
import org.civicportal.sync.entity.SyncOp;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Sync for devices: pull the change feed, push operations, and (for people in the intranet) see and
 * resolve conflicts. A device sees, and may write, only what its user may and its accreditation
 * covers, through {@link ClearancePolicy#mayHold}: the same policy as pages, REST and search.
 *
 * <p>Each pushed operation runs in a transaction of its own and is kept with its result by its id,
 * so a batch is never half-applied op by op, and a replayed op gets its first result and changes
 * nothing. An edit on a stale version is not lost: it is kept as a conflict beside the version the
 * server had first (the winner), and both are labelled with the join of their labels.
 */
@ApplicationScoped
@TenantBound
public class Sync {
  /** The most changes one pull returns. */
  public static final int MAX_LIMIT = 1000;

  /** The most operations one push carries. */
  public static final int MAX_OPS = 500;

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Sync.class.getName());

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Devices devices;
  @Inject ClearancePolicy policy;
  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;
  @Inject ChangeLog changeLog;
  @Inject AuditTrail audit;
  @Inject StaffDocuments documents;
  @Inject ServiceRequests requests;
  @Inject Sync self;

  /** A page of the feed, with the cursor to continue from. */
  public record Pull(List<SyncFeed.Change> changes, String cursor, boolean hasMore) {}

  /** An operation a device pushes. {@code id} and {@code baseVersion} as the type needs them. */
  public record Op(String opId, String type, Long id, Long baseVersion, Map<String, String> data) {}

  /**
   * The device's changes after its cursor (none: from the beginning).
   *
   * @throws DeviceRefusedException if the token does not open sync now
   * @throws InvalidInputException for a cursor this device was not given, or a bad limit
   */
  @Transactional
  public Pull changes(String token, String cursor, int limit) {
    Device device = devices.authenticate(token);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " changes.");
    }
    long since = 0;
    if (cursor != null && !cursor.isBlank()) {
      since =
          SyncCursors.decode(device.cursorKey(), cursor.strip())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "since",
                          "Unknown cursor: send back exactly the cursor of this device's last"
                              + " pull, or none to start again from the beginning."));
    }
    long from = since;
    return CurrentSubject.actingAs(
        device.owner(),
        () -> {
          DeviceScope scope = scope(device);
          DeviceStore store =
              new DeviceStore(
                  em,
                  changeLog,
                  CurrentTenant.code(),
                  device,
                  item ->
                      audit.record(
                          CurrentTenant.code(),
                          device.owner(),
                          AuditAction.SYNC_REVOKED,
                          "device:" + device.id(),
                          "revoked " + item.type() + ":" + item.id()));
          SyncFeed.Page page = SyncFeed.pull(store, scope, from, limit);
          return new Pull(
              page.changes(),
              SyncCursors.encode(device.cursorKey(), page.cursor()),
              page.hasMore());
        });
  }

  /**
   * Applies a device's operations in order, each on its own; one result per operation: {@code
   * applied}, {@code conflict} or {@code rejected}.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<Map<String, Object>> push(String token, List<Op> ops, String baseUrl) {
    long device = devices.authenticate(token).id();
    if (ops.size() > MAX_OPS) {
      throw new InvalidInputException("ops", "Push at most " + MAX_OPS + " operations at once.");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Op op : ops) {
      Map<String, Object> result;
      try {
        result = self.apply(device, op, baseUrl);
      } catch (InvalidInputException
          | NoSuchRecordException
          | NotPermittedException
          | ConflictException
          | IllegalArgumentException e) {
        result = self.reject(device, op, e.getMessage());
      } catch (RuntimeException e) {
        // the same op id pushed twice at once: the first one's result stands; otherwise a passing
        // failure (a lock or connection that timed out): answered, but not kept, so the device's
        // next push of the same op tries again instead of being refused for good
        LOG.log(java.util.logging.Level.WARNING, "Sync op " + op.opId() + " failed", e);
        result =
            self.stored(device, op.opId())
                .orElseGet(
                    () -> {
                      Map<String, Object> retry = result(op, "rejected");
                      retry.put(
                          "reason",
                          "The server could not apply this operation now; push it again.");
                      retry.put("retry", true);
                      return retry;
                    });
      }
      results.add(result);
    }
    return results;
  }

  /** One operation, in a transaction of its own, kept with its result. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<String, Object> apply(long deviceId, Op op, String baseUrl) {
    Optional<Map<String, Object>> done = result(deviceId, op.opId());
    if (done.isPresent()) {
      return done.get();
    }
    Device device = em.find(Device.class, deviceId);
    Map<String, Object> result =
        CurrentSubject.actingAs(device.owner(), () -> run(device, op, baseUrl));
    em.persist(new SyncOp(deviceId, op.opId(), JSON.toJson(result), Instant.now()));
    em.flush();
    return result;
  }

  /** Keeps a refusal as the op's result, so a replay is refused the same way. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Map<String, Object> reject(long deviceId, Op op, String reason) {
    Optional<Map<String, Object>> done = result(deviceId, op.opId());
    if (done.isPresent()) {
      return done.get();
    }
    Map<String, Object> result = result(op, "rejected");
    result.put("reason", reason);
    em.persist(new SyncOp(deviceId, op.opId(), JSON.toJson(result), Instant.now()));
    return result;
  }

  /** The result an op got the first time, read in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Map<String, Object>> stored(long deviceId, String opId) {
    return result(deviceId, opId);
  }

  /** The result an op got the first time, in the caller's transaction (one connection each). */
  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> result(long deviceId, String opId) {
    return Optional.ofNullable(em.find(SyncOp.class, new SyncOp.Key(deviceId, opId)))
        .map(o -> (Map<String, Object>) JSON.fromJson(o.result(), LinkedHashMap.class));
  }

  private Map<String, Object> run(Device device, Op op, String baseUrl) {
    DeviceScope scope = scope(device);
    return switch (op.type()) {
      case DocumentWriter.SYNC_TYPE ->
          op.id() == null ? createDocument(scope, op) : editDocument(scope, device, op);
      case RequestIndexing.TYPE -> moveRequest(scope, device, op, baseUrl);
      case "note" -> note(scope, op);
      default ->
          throw new InvalidInputException(
              "type", "Unknown type " + op.type() + ": push document, request or note.");
    };
  }

  private Map<String, Object> createDocument(DeviceScope scope, Op op) {
    Label label = label(required(op, "classification"));
    requireHoldable(scope, label);
    StaffDocument d =
        documents.create(
            required(op, "agency"),
            op.data().getOrDefault("language", "en"),
            required(op, "title"),
            required(op, "body"),
            Marking.format(label));
    em.flush();
    Map<String, Object> result = result(op, "applied");
    result.put("id", d.id());
    result.put("version", d.version());
    return result;
  }

  private Map<String, Object> editDocument(DeviceScope scope, Device device, Op op) {
    long base = baseVersion(op);
    StaffDocument d = em.find(StaffDocument.class, op.id());
    ClassificationScheme scheme = scheme();
    if (d == null || !policy.mayRead(scope.user(), d.label(scheme))) {
      throw new NoSuchRecordException("No document " + op.id() + ".");
    }
    Label current = d.label(scheme);
    Label pushed =
        op.data().containsKey("classification") ? label(op.data().get("classification")) : current;
    requireHoldable(scope, pushed);
    if (!scope.mayHold(current)) {
      // raised out of this device's reach meanwhile: the edit is kept, under the higher label,
      // for its author to settle in the portal
      SyncConflict kept =
          keep(d.id(), DocumentWriter.SYNC_TYPE, device, op, d.version(), current.join(pushed));
      Map<String, Object> result = result(op, "rejected");
      result.put(
          "reason",
          "This document is no longer within this device's scope; your edit is kept as a conflict"
              + " for you to settle in the portal.");
      result.put("conflict", kept.id());
      return result;
    }
    if (base == d.version()) {
      if (!pushed.dominates(current)) {
        throw new InvalidInputException(
            "classification",
            "A device cannot lower a label (from "
                + d.marking()
                + "); declassification is a reviewed act in the portal.");
      }
      documents.update(
          d.id(),
          op.data().getOrDefault("title", d.title()),
          op.data().getOrDefault("body", d.body()),
          Marking.format(pushed));
      em.flush();
      Map<String, Object> result = result(op, "applied");
      result.put("id", d.id());
      result.put("version", d.version());
      result.put("classification", d.marking());
      return result;
    }
    Label joined = current.join(pushed);
    SyncConflict kept = keep(d.id(), DocumentWriter.SYNC_TYPE, device, op, d.version(), joined);
    if (!joined.equals(current)) {
      // a merge never lowers a label: the winner rises to the join of both sides
      documents.update(d.id(), d.title(), d.body(), Marking.format(joined));
      em.flush();
    }
    Map<String, Object> result = result(op, "conflict");
    result.put("id", d.id());
    result.put("version", d.version());
    result.put("classification", d.marking());
    result.put("data", DeviceScope.documentData(d));
    result.put("conflict", kept.id());
    return result;
  }

  private Map<String, Object> moveRequest(DeviceScope scope, Device device, Op op, String baseUrl) {
    if (op.id() == null) {
      throw new InvalidInputException("id", "Name the request by its id.");
    }
    long base = baseVersion(op);
    ServiceRequest r = held(scope, op.id());
    RequestState to =
        RequestState.ofExternal(required(op, "state"))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "state", "Unknown state " + op.data().get("state") + "."));
    if (base != r.version()) {
      SyncConflict kept =
          keep(r.id(), RequestIndexing.TYPE, device, op, r.version(), r.label(scheme()));
      SyncFeed.Standing now = scope.standing(new SyncFeed.Item(RequestIndexing.TYPE, r.id()));
      Map<String, Object> result = result(op, "conflict");
      result.put("id", r.id());
      result.put("version", r.version());
      result.put("classification", r.marking());
      if (now instanceof SyncFeed.Holdable h) {
        result.put("data", h.data());
      }
      result.put("conflict", kept.id());
      return result;
    }
    requests.move(r.reference(), to, op.data().get("note"), baseUrl);
    em.flush();
    Map<String, Object> result = result(op, "applied");
    result.put("id", r.id());
    result.put("version", r.version());
    return result;
  }

  private Map<String, Object> note(DeviceScope scope, Op op) {
    String request = required(op, "request");
    long id;
    try {
      id = Long.parseLong(request);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("request", "Name the request by its id.");
    }
    ServiceRequest r = held(scope, id);
    Label label =
        op.data().containsKey("classification")
            ? label(op.data().get("classification")).join(r.label(scheme()))
            : r.label(scheme());
    requireHoldable(scope, label);
    RequestMessage note = requests.note(r.reference(), required(op, "text"), Marking.format(label));
    Map<String, Object> result = result(op, "applied");
    result.put("id", note.id());
    result.put("request", r.id());
    return result;
  }

  private ServiceRequest held(DeviceScope scope, long id) {
    if (!(scope.standing(new SyncFeed.Item(RequestIndexing.TYPE, id))
        instanceof SyncFeed.Holdable)) {
      throw new NoSuchRecordException("No request " + id + " on this device.");
    }
    return em.find(ServiceRequest.class, id);
  }

  private SyncConflict keep(
      long itemId, String type, Device device, Op op, long serverVersion, Label label) {
    Map<String, Object> pushed = new LinkedHashMap<>(op.data());
    SyncConflict conflict =
        new SyncConflict(
            type,
            itemId,
            device.id(),
            device.owner(),
            op.baseVersion() == null ? 0 : op.baseVersion(),
            serverVersion,
            JSON.toJson(pushed),
            label,
            Instant.now());
    em.persist(conflict);
    em.flush();
    return conflict;
  }

  // ---- conflicts, in the intranet ----

  /** A kept edit beside the record as it is now. */
  public record Conflict(
      SyncConflict kept,
      Map<String, Object> pushed,
      Optional<SyncFeed.Holdable> current,
      String title) {}

  /** The open conflicts of the signed-in person, those they may still read. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Conflict> conflicts() {
    Subject subject = subjects.get();
    if (subject.username().isEmpty() || subject.clearance().isEmpty()) {
      return List.of();
    }
    ClassificationScheme scheme = scheme();
    List<Conflict> list = new ArrayList<>();
    for (SyncConflict c :
        em.createNamedQuery(SyncConflict.OPEN, SyncConflict.class).getResultList()) {
      if (!c.author().equals(subject.name()) || !policy.mayRead(subject, c.label(scheme))) {
        continue;
      }
      conflict(c, subject).ifPresent(list::add);
    }
    return list;
  }

  /** One open conflict of the signed-in person. */
  @Transactional
  public Optional<Conflict> conflict(long id) {
    Subject subject = subjects.get();
    return Optional.ofNullable(em.find(SyncConflict.class, id))
        .filter(c -> c.resolvedAt().isEmpty())
        .filter(c -> c.author().equals(subject.name()))
        .filter(c -> subject.clearance().isPresent() && policy.mayRead(subject, c.label(scheme())))
        .flatMap(c -> conflict(c, subject));
  }

  @SuppressWarnings("unchecked")
  private Optional<Conflict> conflict(SyncConflict c, Subject subject) {
    Map<String, Object> pushed = JSON.fromJson(c.pushed(), LinkedHashMap.class);
    Label ceiling = subject.clearance().orElseThrow().ceiling();
    DeviceScope reader = new DeviceScope(em, policy, subject, ceiling, scheme());
    SyncFeed.Standing standing = reader.standing(new SyncFeed.Item(c.itemType(), c.itemId()));
    if (standing instanceof SyncFeed.Forbidden) {
      return Optional.empty();
    }
    Optional<SyncFeed.Holdable> current =
        standing instanceof SyncFeed.Holdable h ? Optional.of(h) : Optional.empty();
    String title =
        switch (c.itemType()) {
          case DocumentWriter.SYNC_TYPE ->
              Optional.ofNullable(em.find(StaffDocument.class, c.itemId()))
                  .map(StaffDocument::title)
                  .orElse("document " + c.itemId());
          default ->
              Optional.ofNullable(em.find(ServiceRequest.class, c.itemId()))
                  .map(ServiceRequest::reference)
                  .orElse("request " + c.itemId());
        };
    return Optional.of(new Conflict(c, pushed, current, title));
  }

  /**
   * Settles a conflict: keep the server's version as it is, or put the device's version in its
   * place (a document's text, under the join of both labels; a request's status change, if it is
   * still allowed).
   */
  @Transactional
  public void resolve(long id, SyncConflict.Resolution resolution, String baseUrl) {
    Subject subject = subjects.get();
    Conflict conflict =
        conflict(id).orElseThrow(() -> new NoSuchRecordException("No open conflict " + id + "."));
    SyncConflict c = conflict.kept();
    if (resolution == SyncConflict.Resolution.KEEP_DEVICE) {
      Map<String, Object> pushed = conflict.pushed();
      switch (c.itemType()) {
        case DocumentWriter.SYNC_TYPE -> {
          StaffDocument d =
              documents
                  .read(c.itemId())
                  .orElseThrow(() -> new NoSuchRecordException("The document is gone."));
          Label joined = d.label(scheme()).join(c.label(scheme()));
          documents.update(
              d.id(),
              String.valueOf(pushed.getOrDefault("title", d.title())),
              String.valueOf(pushed.getOrDefault("body", d.body())),
              Marking.format(joined));
        }
        case RequestIndexing.TYPE -> {
          ServiceRequest r = em.find(ServiceRequest.class, c.itemId());
          RequestState to =
              RequestState.ofExternal(String.valueOf(pushed.get("state")))
                  .orElseThrow(() -> new ConflictException("The kept change names no state."));
          Object note = pushed.get("note");
          requests.move(r.reference(), to, note == null ? null : note.toString(), baseUrl);
        }
        default -> throw new ConflictException("Unknown kind of conflict.");
      }
    }
    c.resolve(resolution, subject.name(), Instant.now());
  }

  // ---- helpers ----

  private DeviceScope scope(Device device) {
    ClassificationScheme scheme = scheme();
    return new DeviceScope(
        em, policy, subjects.get(), Marking.parse(scheme, device.accreditation()), scheme);
  }

  private static void requireHoldable(DeviceScope scope, Label label) {
    if (!scope.mayHold(label)) {
      throw new NotPermittedException(
          "This device may not hold "
              + Marking.format(label)
              + ": it is above the device's accreditation or your clearance.");
    }
  }

  private Label label(String marking) {
    try {
      return Marking.parse(scheme(), marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
  }

  private static long baseVersion(Op op) {
    if (op.baseVersion() == null) {
      throw new InvalidInputException(
          "baseVersion", "An edit names the version it was made on (baseVersion).");
    }
    return op.baseVersion();
  }

  private static String required(Op op, String field) {
    String value = op.data().get(field);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "The operation's data needs " + field + ".");
    }
    return value;
  }

  private static Map<String, Object> result(Op op, String status) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("opId", op.opId());
    result.put("status", status);
    return result;
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
