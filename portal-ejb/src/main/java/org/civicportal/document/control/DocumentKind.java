package org.civicportal.document.control;

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
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.record.control.Conflicts;
import org.civicportal.record.control.DeviceView;
import org.civicportal.record.control.PushedOp;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Shown;
import org.civicportal.record.control.Standing;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Staff documents as a kind of labelled record: indexed under their label ({@link
 * DocumentIndexing}), shown to readers their clearance admits, carried by every device that may
 * hold them, and written from devices (created, or edited on the version they were made on; a stale
 * edit is kept as a conflict, and the winner rises to the join of both labels).
 */
@ApplicationScoped
public class DocumentKind implements RecordKind {
  public static final String TYPE = "document";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject DocumentIndexing indexing;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject StaffDocuments documents;

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
    Map<Long, StaffDocument> live = new HashMap<>();
    visibleAmong(subject, hits.stream().map(h -> Long.valueOf(h.id())).toList())
        .forEach(d -> live.put(d.id(), d));
    Map<SearchHit, Shown> shown = new HashMap<>();
    for (SearchHit hit : hits) {
      StaffDocument d = live.get(Long.valueOf(hit.id()));
      if (d != null) {
        shown.put(
            hit, new Shown(d.id(), null, hit.language(), d.title(), Optional.of(d.marking())));
      }
    }
    return shown;
  }

  /** These documents, those the subject may read (the SQL predicate and the policy both). */
  private List<StaffDocument> visibleAmong(Subject subject, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    ClassificationScheme scheme = scheme();
    return policy
        .bindVisibleTo(
            em.createNamedQuery(StaffDocument.VISIBLE_BY_IDS, StaffDocument.class)
                .setParameter("ids", ids),
            subject)
        .getResultList()
        .stream()
        .filter(d -> policy.mayRead(subject, d.label(scheme)))
        .toList();
  }

  // ---- devices

  @Override
  public boolean synced() {
    return true;
  }

  /**
   * Reads the documents with their compartments and nations in a few queries, in the transaction (a
   * read-only query would take a second pooled connection, which under load deadlocks the pool),
   * detached: a pull changes none of them.
   */
  @Override
  public Map<Long, Standing> standings(DeviceView device, Collection<Long> ids) {
    Map<Long, Standing> standings = new HashMap<>();
    if (ids.isEmpty()) {
      return standings;
    }
    em.createQuery("SELECT d FROM StaffDocument d WHERE d.id IN :ids", StaffDocument.class)
        .setParameter("ids", ids)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "d.compartments")
        .setHint("eclipselink.batch", "d.releasableTo")
        .getResultList()
        .forEach(
            d -> {
              em.detach(d);
              standings.put(
                  d.id(),
                  device.mayHold(d.label(device.scheme()))
                      ? new Standing.Holdable(d.version(), d.marking(), data(d))
                      : new Standing.Forbidden());
            });
    return standings;
  }

  @Override
  public Collection<Long> holdable(DeviceView device) {
    List<Long> ids = new ArrayList<>();
    for (StaffDocument d :
        policy
            .bindVisibleTo(
                em.createNamedQuery(StaffDocument.VISIBLE, StaffDocument.class), device.user())
            .getResultList()) {
      if (device.mayHold(d.label(device.scheme()))) {
        ids.add(d.id());
      }
    }
    return ids;
  }

  /** What a device is given of a document. */
  static Map<String, Object> data(StaffDocument d) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", d.title());
    data.put("body", d.body());
    data.put("agency", d.agency());
    data.put("language", d.language());
    data.put("updatedAt", d.updatedAt().toString());
    return data;
  }

  @Override
  public Map<String, Object> push(
      DeviceView device, PushedOp op, Conflicts conflicts, String baseUrl) {
    return op.id() == null ? create(device, op) : edit(device, op, conflicts);
  }

  private Map<String, Object> create(DeviceView device, PushedOp op) {
    Label label = label(op.required("classification"));
    device.requireHoldable(label);
    StaffDocument d =
        documents.create(
            op.required("agency"),
            op.data().getOrDefault("language", "en"),
            op.required("title"),
            op.required("body"),
            Marking.format(label));
    em.flush();
    Map<String, Object> result = op.result("applied");
    result.put("id", d.id());
    result.put("version", d.version());
    return result;
  }

  private Map<String, Object> edit(DeviceView device, PushedOp op, Conflicts conflicts) {
    long base = op.requiredBaseVersion();
    StaffDocument d = em.find(StaffDocument.class, op.id());
    ClassificationScheme scheme = scheme();
    if (d == null || !policy.mayRead(device.user(), d.label(scheme))) {
      throw new NoSuchRecordException("No document " + op.id() + ".");
    }
    Label current = d.label(scheme);
    Label pushed =
        op.data().containsKey("classification") ? label(op.data().get("classification")) : current;
    device.requireHoldable(pushed);
    if (!device.mayHold(current)) {
      // raised out of this device's reach meanwhile: the edit is kept, under the higher label,
      // for its author to settle in the portal
      long kept = conflicts.keep(d.id(), d.version(), current.join(pushed));
      Map<String, Object> result = op.result("rejected");
      result.put(
          "reason",
          "This document is no longer within this device's scope; your edit is kept as a conflict"
              + " for you to settle in the portal.");
      result.put("conflict", kept);
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
      Map<String, Object> result = op.result("applied");
      result.put("id", d.id());
      result.put("version", d.version());
      result.put("classification", d.marking());
      return result;
    }
    Label joined = current.join(pushed);
    long kept = conflicts.keep(d.id(), d.version(), joined);
    if (!joined.equals(current)) {
      // a merge never lowers a label: the winner rises to the join of both sides
      documents.update(d.id(), d.title(), d.body(), Marking.format(joined));
      em.flush();
    }
    Map<String, Object> result = op.result("conflict");
    result.put("id", d.id());
    result.put("version", d.version());
    result.put("classification", d.marking());
    result.put("data", data(d));
    result.put("conflict", kept);
    return result;
  }

  /** The device's text in place of the document's, under the join of both labels. */
  @Override
  public void settle(long id, Map<String, Object> pushed, String keptLabel, String baseUrl) {
    StaffDocument d =
        documents.read(id).orElseThrow(() -> new NoSuchRecordException("The document is gone."));
    ClassificationScheme scheme = scheme();
    Label joined = d.label(scheme).join(Marking.parse(scheme, keptLabel));
    documents.update(
        d.id(),
        String.valueOf(pushed.getOrDefault("title", d.title())),
        String.valueOf(pushed.getOrDefault("body", d.body())),
        Marking.format(joined));
  }

  @Override
  public String title(long id) {
    return Optional.ofNullable(em.find(StaffDocument.class, id))
        .map(StaffDocument::title)
        .orElse("document " + id);
  }

  // ---- helpers

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
