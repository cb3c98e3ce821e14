package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.record.control.Conflicts;
import org.civicportal.record.control.DeviceView;
import org.civicportal.record.control.PushedOp;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Shown;
import org.civicportal.record.control.Standing;
import org.civicportal.request.boundary.Casework;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Service requests as a kind of labelled record: indexed for their agency's case workers ({@link
 * RequestIndexing}), shown to those who may read the case ({@link ClearancePolicy#mayReadCase}),
 * and carried by the device of the case worker they are assigned to, with the notes and messages
 * whose own labels the device may hold. Devices move a request on ({@code request}) and add notes
 * ({@code note}); a move on a stale version is kept as a conflict.
 */
@ApplicationScoped
public class RequestKind implements RecordKind {
  public static final String TYPE = "request";

  /** The operation a device pushes to add an internal note to a request it holds. */
  public static final String NOTE = "note";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject RequestIndexing indexing;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject Casework casework;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<IndexDocument> current(Collection<Long> ids) {
    return indexing.current(ids);
  }

  @Override
  public List<IndexDocument> all() {
    return indexing.all();
  }

  @Override
  public Map<SearchHit, Shown> shown(Subject subject, Collection<SearchHit> hits) {
    Map<SearchHit, Shown> shown = new HashMap<>();
    if (hits.isEmpty()) {
      return shown;
    }
    ClassificationScheme scheme = scheme();
    Map<Long, ServiceRequest> live = new HashMap<>();
    em
        .createQuery("SELECT r FROM ServiceRequest r WHERE r.id IN :ids", ServiceRequest.class)
        .setParameter("ids", hits.stream().map(h -> Long.valueOf(h.id())).toList())
        .getResultList()
        .stream()
        .filter(r -> policy.mayReadCase(subject, facts(r, scheme)))
        .forEach(r -> live.put(r.id(), r));
    for (SearchHit hit : hits) {
      ServiceRequest r = live.get(Long.valueOf(hit.id()));
      if (r != null) {
        shown.put(
            hit,
            new Shown(
                r.id(), r.reference(), hit.language(), hit.title(), Optional.of(r.marking())));
      }
    }
    return shown;
  }

  private static ClearancePolicy.Case facts(ServiceRequest r, ClassificationScheme scheme) {
    return new ClearancePolicy.Case(r.citizen(), r.open311KeyId(), r.agency(), r.label(scheme));
  }

  // ---- devices

  @Override
  public boolean synced() {
    return true;
  }

  @Override
  public Set<String> pushTypes() {
    return Set.of(TYPE, NOTE);
  }

  /**
   * Reads the requests and their threads in two queries, in the transaction, detached (a pull
   * changes none of them). A request stands for the device of the case worker it is assigned to;
   * its notes and messages come along where the device may hold their own labels.
   */
  @Override
  public Map<Long, Standing> standings(DeviceView device, Collection<Long> ids) {
    Map<Long, Standing> standings = new HashMap<>();
    if (ids.isEmpty()) {
      return standings;
    }
    Map<Long, List<RequestMessage>> threads = new HashMap<>();
    ids.forEach(id -> threads.put(id, new ArrayList<>()));
    for (RequestMessage m :
        em.createQuery(
                "SELECT m FROM RequestMessage m WHERE m.requestId IN :ids ORDER BY m.at, m.id",
                RequestMessage.class)
            .setParameter("ids", ids)
            .getResultList()) {
      threads.get(m.requestId()).add(m);
      em.detach(m);
    }
    for (ServiceRequest r :
        em.createQuery("SELECT r FROM ServiceRequest r WHERE r.id IN :ids", ServiceRequest.class)
            .setParameter("ids", ids)
            .getResultList()) {
      em.detach(r);
      standings.put(r.id(), standing(device, r, threads.get(r.id())));
    }
    return standings;
  }

  private Standing standing(DeviceView device, ServiceRequest r, List<RequestMessage> thread) {
    if (!device.mayHoldCase(facts(r, device.scheme()))) {
      return new Standing.Forbidden();
    }
    if (device.user().username().isEmpty() || !r.assignee().equals(device.user().username())) {
      return new Standing.Outside();
    }
    return new Standing.Holdable(r.version(), r.marking(), data(device, r, thread));
  }

  private static Map<String, Object> data(
      DeviceView device, ServiceRequest r, List<RequestMessage> messages) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reference", r.reference());
    data.put("service", r.serviceCode());
    data.put("state", r.state().external());
    data.put("nextStates", r.state().next().stream().map(RequestState::external).sorted().toList());
    data.put("agency", r.agency());
    data.put("team", r.team().orElse(null));
    data.put("assignee", r.assignee().orElse(null));
    data.put("description", r.description().orElse(null));
    data.put("address", r.address().orElse(null));
    data.put("submittedAt", r.submittedAt().toString());
    data.put("dueAt", r.dueAt().map(Object::toString).orElse(null));
    List<Map<String, Object>> thread = new ArrayList<>();
    for (RequestMessage m : messages) {
      if (!device.mayHold(m.label(device.scheme()))) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", m.id());
      entry.put("kind", m.isNote() ? "note" : "message");
      entry.put("author", m.author());
      entry.put("at", m.at().toString());
      entry.put("text", m.body());
      entry.put("classification", m.marking());
      thread.add(entry);
    }
    data.put("thread", thread);
    return data;
  }

  @Override
  public Collection<Long> holdable(DeviceView device) {
    if (device.user().username().isEmpty()) {
      return List.of();
    }
    List<Long> assigned =
        em
            .createNamedQuery(ServiceRequest.ASSIGNED_TO, ServiceRequest.class)
            .setParameter("assignee", device.user().username().get())
            .getResultList()
            .stream()
            .map(ServiceRequest::id)
            .toList();
    return standings(device, assigned).entrySet().stream()
        .filter(e -> e.getValue() instanceof Standing.Holdable)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public Map<String, Object> push(
      DeviceView device, PushedOp op, Conflicts conflicts, String baseUrl) {
    return NOTE.equals(op.type()) ? note(device, op) : move(device, op, conflicts, baseUrl);
  }

  private Map<String, Object> move(
      DeviceView device, PushedOp op, Conflicts conflicts, String baseUrl) {
    if (op.id() == null) {
      throw new InvalidInputException("id", "Name the request by its id.");
    }
    long base = op.requiredBaseVersion();
    ServiceRequest r = held(device, op.id());
    RequestState to =
        RequestState.ofExternal(op.required("state"))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "state", "Unknown state " + op.data().get("state") + "."));
    if (base != r.version()) {
      long kept = conflicts.keep(r.id(), r.version(), r.label(scheme()));
      Map<String, Object> result = op.result("conflict");
      result.put("id", r.id());
      result.put("version", r.version());
      result.put("classification", r.marking());
      if (standings(device, List.of(r.id())).get(r.id()) instanceof Standing.Holdable h) {
        result.put("data", h.data());
      }
      result.put("conflict", kept);
      return result;
    }
    casework.move(r.reference(), to, op.data().get("note"), baseUrl);
    em.flush();
    Map<String, Object> result = op.result("applied");
    result.put("id", r.id());
    result.put("version", r.version());
    return result;
  }

  private Map<String, Object> note(DeviceView device, PushedOp op) {
    String request = op.required("request");
    long id;
    try {
      id = Long.parseLong(request);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("request", "Name the request by its id.");
    }
    ServiceRequest r = held(device, id);
    Label label =
        op.data().containsKey("classification")
            ? label(op.data().get("classification")).join(r.label(scheme()))
            : r.label(scheme());
    device.requireHoldable(label);
    RequestMessage note = casework.note(r.reference(), op.required("text"), Marking.format(label));
    Map<String, Object> result = op.result("applied");
    result.put("id", note.id());
    result.put("request", r.id());
    return result;
  }

  /** The request, if the device holds it now. */
  private ServiceRequest held(DeviceView device, long id) {
    if (!(standings(device, List.of(id)).get(id) instanceof Standing.Holdable)) {
      throw new NoSuchRecordException("No request " + id + " on this device.");
    }
    return em.find(ServiceRequest.class, id);
  }

  /** The device's status change, if it is still allowed. */
  @Override
  public void settle(long id, Map<String, Object> pushed, String keptLabel, String baseUrl) {
    ServiceRequest r = em.find(ServiceRequest.class, id);
    if (r == null) {
      throw new NoSuchRecordException("The request is gone.");
    }
    RequestState to =
        RequestState.ofExternal(String.valueOf(pushed.get("state")))
            .orElseThrow(() -> new ConflictException("The kept change names no state."));
    Object note = pushed.get("note");
    casework.move(r.reference(), to, note == null ? null : note.toString(), baseUrl);
  }

  @Override
  public String title(long id) {
    return Optional.ofNullable(em.find(ServiceRequest.class, id))
        .map(ServiceRequest::reference)
        .orElse("request " + id);
  }

  private Label label(String marking) {
    try {
      return Marking.parse(scheme(), marking);
    } catch (MarkingException e) {
      throw new InvalidInputException("classification", e.getMessage());
    }
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
