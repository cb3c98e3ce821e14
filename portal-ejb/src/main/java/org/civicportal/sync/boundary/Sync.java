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
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.record.control.DeviceView;
import org.civicportal.record.control.PushedOp;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.record.control.Standing;
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
  @Inject Records records;
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
    RecordKind kind =
        records
            .pushing(op.type())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "type",
                        "Unknown type "
                            + op.type()
                            + ": push one of "
                            + records.all().stream()
                                .flatMap(k -> k.pushTypes().stream())
                                .sorted()
                                .toList()
                            + "."));
    return kind.push(
        scope(device).device(),
        new PushedOp(op.opId(), op.type(), op.id(), op.baseVersion(), op.data()),
        (recordId, serverVersion, label) ->
            keep(recordId, kind.type(), device, op, serverVersion, label).id(),
        baseUrl);
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
      Optional<Standing.Holdable> current,
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
    DeviceScope reader =
        new DeviceScope(records, new DeviceView(subject, ceiling, scheme(), policy));
    Standing standing = reader.standing(new SyncFeed.Item(c.itemType(), c.itemId()));
    if (standing instanceof Standing.Forbidden) {
      return Optional.empty();
    }
    Optional<Standing.Holdable> current =
        standing instanceof Standing.Holdable h ? Optional.of(h) : Optional.empty();
    String title = records.kind(c.itemType()).map(k -> k.title(c.itemId())).orElse(c.itemType());
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
      records
          .kind(c.itemType())
          .orElseThrow(() -> new ConflictException("Unknown kind of conflict."))
          .settle(c.itemId(), conflict.pushed(), c.marking(), baseUrl);
    }
    c.resolve(resolution, subject.name(), Instant.now());
  }

  // ---- helpers ----

  private DeviceScope scope(Device device) {
    ClassificationScheme scheme = scheme();
    return new DeviceScope(
        records,
        new DeviceView(
            subjects.get(), Marking.parse(scheme, device.accreditation()), scheme, policy));
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
