package org.civicportal.sync.control;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.document.control.DocumentWriter;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.Subject;
import org.civicportal.request.control.RequestIndexing;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.sync.control.SyncFeed.Forbidden;
import org.civicportal.sync.control.SyncFeed.Holdable;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.control.SyncFeed.Outside;
import org.civicportal.sync.control.SyncFeed.Standing;

/**
 * What one device may hold, read from the database through the one policy: {@link
 * ClearancePolicy#mayHold} for staff documents, {@link ClearancePolicy#mayHoldCase} for service
 * requests. Its channels: every staff document it may hold, and the requests assigned to its user.
 * Notes and messages of a request come along only where the device may hold their own labels.
 */
public final class DeviceScope implements SyncFeed.Scope {
  private final EntityManager em;
  private final ClearancePolicy policy;
  private final Subject user;
  private final Label accreditation;
  private final ClassificationScheme scheme;
  private final Map<Long, List<RequestMessage>> threads = new java.util.HashMap<>();
  private final Map<Long, StaffDocument> documentsRead = new java.util.HashMap<>();
  private final Map<Long, ServiceRequest> requestsRead = new java.util.HashMap<>();

  public DeviceScope(
      EntityManager em,
      ClearancePolicy policy,
      Subject user,
      Label accreditation,
      ClassificationScheme scheme) {
    this.em = em;
    this.policy = policy;
    this.user = user;
    this.accreditation = accreditation;
    this.scheme = scheme;
  }

  /** Whether the device may hold a record with this label (for pushes). */
  public boolean mayHold(Label label) {
    return policy.mayHold(user, accreditation, label);
  }

  public Subject user() {
    return user;
  }

  /**
   * Reads a batch of records in a few queries (documents with their compartments and nations,
   * requests with their threads), so a pull of thousands of changes is not thousands of queries.
   */
  @Override
  public void prefetch(Collection<Item> items) {
    List<Long> documents = new ArrayList<>();
    List<Long> requests = new ArrayList<>();
    for (Item item : items) {
      if (item.type().equals(DocumentWriter.SYNC_TYPE)) {
        documents.add(item.id());
      } else if (item.type().equals(RequestIndexing.TYPE)) {
        requests.add(item.id());
      }
    }
    documentsRead.clear();
    requestsRead.clear();
    threads.clear();
    // read in the transaction (a read-only query would take a second connection from the pool,
    // which under load deadlocks it), then detached: a pull changes none of them, so the commit
    // need not compare them
    if (!documents.isEmpty()) {
      em.createQuery("SELECT d FROM StaffDocument d WHERE d.id IN :ids", StaffDocument.class)
          .setParameter("ids", documents)
          .setHint("eclipselink.batch.type", "IN")
          .setHint("eclipselink.batch", "d.compartments")
          .setHint("eclipselink.batch", "d.releasableTo")
          .getResultList()
          .forEach(
              d -> {
                documentsRead.put(d.id(), d);
                em.detach(d);
              });
    }
    if (!requests.isEmpty()) {
      em.createQuery("SELECT r FROM ServiceRequest r WHERE r.id IN :ids", ServiceRequest.class)
          .setParameter("ids", requests)
          .getResultList()
          .forEach(
              r -> {
                requestsRead.put(r.id(), r);
                em.detach(r);
              });
      requests.forEach(id -> threads.put(id, new ArrayList<>()));
      for (RequestMessage m :
          em.createQuery(
                  "SELECT m FROM RequestMessage m WHERE m.requestId IN :ids ORDER BY m.at, m.id",
                  RequestMessage.class)
              .setParameter("ids", requests)
              .getResultList()) {
        threads.get(m.requestId()).add(m);
        em.detach(m);
      }
    }
  }

  @Override
  public Standing standing(Item item) {
    return switch (item.type()) {
      case DocumentWriter.SYNC_TYPE ->
          document(
              documentsRead.containsKey(item.id())
                  ? documentsRead.get(item.id())
                  : em.find(StaffDocument.class, item.id()));
      case RequestIndexing.TYPE ->
          request(
              requestsRead.containsKey(item.id())
                  ? requestsRead.get(item.id())
                  : em.find(ServiceRequest.class, item.id()));
      default -> new Outside();
    };
  }

  private Standing document(StaffDocument d) {
    if (d == null) {
      return new Outside();
    }
    if (!mayHold(d.label(scheme))) {
      return new Forbidden();
    }
    return new Holdable(d.version(), d.marking(), documentData(d));
  }

  /** What a device is given of a document. */
  public static Map<String, Object> documentData(StaffDocument d) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", d.title());
    data.put("body", d.body());
    data.put("agency", d.agency());
    data.put("language", d.language());
    data.put("updatedAt", d.updatedAt().toString());
    return data;
  }

  private Standing request(ServiceRequest r) {
    if (r == null) {
      return new Outside();
    }
    Label label = r.label(scheme);
    ClearancePolicy.Case c =
        new ClearancePolicy.Case(r.citizen(), r.open311KeyId(), r.agency(), label);
    if (!policy.mayHoldCase(user, accreditation, c)) {
      return new Forbidden();
    }
    if (user.username().isEmpty() || !r.assignee().equals(user.username())) {
      return new Outside();
    }
    return new Holdable(r.version(), r.marking(), requestData(r));
  }

  private Map<String, Object> requestData(ServiceRequest r) {
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
    List<RequestMessage> messages = threads.remove(r.id());
    if (messages == null) {
      messages =
          em.createNamedQuery(RequestMessage.OF_REQUEST, RequestMessage.class)
              .setParameter("request", r.id())
              .getResultList();
    }
    for (RequestMessage m : messages) {
      if (!mayHold(m.label(scheme))) {
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
  public Collection<Item> holdable() {
    List<Item> items = new ArrayList<>();
    for (StaffDocument d :
        policy
            .bindVisibleTo(em.createNamedQuery(StaffDocument.VISIBLE, StaffDocument.class), user)
            .getResultList()) {
      if (mayHold(d.label(scheme))) {
        items.add(new Item(DocumentWriter.SYNC_TYPE, d.id()));
      }
    }
    if (user.username().isPresent()) {
      for (ServiceRequest r :
          em.createNamedQuery(ServiceRequest.ASSIGNED_TO, ServiceRequest.class)
              .setParameter("assignee", user.username().get())
              .getResultList()) {
        Item item = new Item(RequestIndexing.TYPE, r.id());
        if (standing(item) instanceof Holdable) {
          items.add(item);
        }
      }
    }
    return items;
  }

  @Override
  public String print() {
    StringBuilder s = new StringBuilder();
    s.append(org.civicportal.classification.control.Marking.format(accreditation)).append('|');
    user.clearance()
        .ifPresent(
            c -> s.append(c.level()).append(c.compartments()).append(c.nationality()).append('|'));
    s.append(new TreeSet<>(user.roles().stream().map(Enum::name).toList())).append('|');
    s.append(new TreeSet<>(user.agencies()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
