package org.civicportal.testkind;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.identity.control.Subject;
import org.civicportal.record.control.DeviceView;
import org.civicportal.record.control.RecordKind;
import org.civicportal.record.control.Records;
import org.civicportal.record.control.Shown;
import org.civicportal.record.control.Standing;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/** Notes kept in memory per tenant, each with a label: a whole kind of record in one class. */
@ApplicationScoped
public class TestNoteKind implements RecordKind {
  public static final String TYPE = "testnote";

  /** One note: its text, its label's marking, and its version. */
  record Note(long id, String text, String marking, long version) {}

  private final Map<String, Map<Long, Note>> notes = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);

  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject Records records;

  /** Writes a new note, or a new version of one, in the caller's transaction. */
  Note write(Long id, String text, String marking) {
    Label label = Marking.parse(tenants.scheme(CurrentTenant.code()), marking);
    Map<Long, Note> mine =
        notes.computeIfAbsent(CurrentTenant.code(), t -> new ConcurrentHashMap<>());
    long key = id == null ? ids.incrementAndGet() : id;
    Note before = mine.get(key);
    Note note =
        new Note(key, text, Marking.format(label), before == null ? 1 : before.version() + 1);
    mine.put(key, note);
    records.changed(TYPE, key);
    return note;
  }

  Optional<Note> note(long id) {
    return Optional.ofNullable(notes.getOrDefault(CurrentTenant.code(), Map.of()).get(id));
  }

  private Label label(Note note) {
    return Marking.parse(tenants.scheme(CurrentTenant.code()), note.marking());
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<IndexDocument> current(Collection<Long> ids) {
    return ids.stream().flatMap(id -> note(id).stream()).map(this::document).toList();
  }

  @Override
  public List<IndexDocument> all() {
    return notes.getOrDefault(CurrentTenant.code(), Map.of()).values().stream()
        .map(this::document)
        .toList();
  }

  private IndexDocument document(Note note) {
    String tenant = CurrentTenant.code();
    return new IndexDocument(
        RecordKind.key(tenant, TYPE, note.id(), "en"),
        TYPE,
        Long.toString(note.id()),
        "en",
        note.text(),
        "",
        note.text(),
        policy.visibility(tenant, label(note)));
  }

  @Override
  public Map<SearchHit, Shown> shown(Subject subject, Collection<SearchHit> hits) {
    Map<SearchHit, Shown> shown = new HashMap<>();
    for (SearchHit hit : hits) {
      note(Long.parseLong(hit.id()))
          .filter(n -> policy.mayRead(subject, label(n)))
          .ifPresent(
              n ->
                  shown.put(
                      hit, new Shown(n.id(), null, "en", n.text(), Optional.of(n.marking()))));
    }
    return shown;
  }

  @Override
  public boolean synced() {
    return true;
  }

  @Override
  public Map<Long, Standing> standings(DeviceView device, Collection<Long> ids) {
    Map<Long, Standing> standings = new HashMap<>();
    for (long id : ids) {
      note(id)
          .ifPresent(
              n ->
                  standings.put(
                      id,
                      device.mayHold(label(n))
                          ? new Standing.Holdable(
                              n.version(), n.marking(), Map.of("text", n.text()))
                          : new Standing.Forbidden()));
    }
    return standings;
  }

  @Override
  public Collection<Long> holdable(DeviceView device) {
    return notes.getOrDefault(CurrentTenant.code(), Map.of()).values().stream()
        .filter(n -> device.mayHold(label(n)))
        .map(Note::id)
        .toList();
  }
}
