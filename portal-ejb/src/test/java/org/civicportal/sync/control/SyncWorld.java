package org.civicportal.sync.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.record.control.Standing;
import org.civicportal.record.control.Standing.Forbidden;
import org.civicportal.record.control.Standing.Holdable;
import org.civicportal.record.control.Standing.Outside;
import org.civicportal.sync.control.SyncFeed.Entry;
import org.civicportal.sync.control.SyncFeed.Held;
import org.civicportal.sync.control.SyncFeed.Item;

/**
 * An in-memory portal for {@link SyncFeed}: documents and requests with labels, one user, any
 * number of devices of that user, and a change log kept by the rules of {@link ChangeLog} (one
 * global row per record, its latest; rows for one device; numbers from one counter). Each device is
 * both a {@link SyncFeed.Store} and a {@link SyncFeed.Scope}, as the server builds them per pull.
 */
final class SyncWorld {
  static final String DOCUMENT = "document";
  static final String REQUEST = "request";
  static final String USER = "field.worker";
  static final String SOMEONE_ELSE = "someone.else";

  /** A label or a clearance: a level 0..3 and compartments from {A, B}. */
  record Mark(int level, Set<String> compartments) {
    Mark {
      if (level < 0 || level > 3) {
        throw new IllegalArgumentException("level " + level);
      }
      compartments = Set.copyOf(new TreeSet<>(compartments));
    }

    static Mark of(int level, String... compartments) {
      return new Mark(level, Set.of(compartments));
    }

    boolean dominates(Mark other) {
      return level >= other.level && compartments.containsAll(other.compartments);
    }

    @Override
    public String toString() {
      return "L" + level + new TreeSet<>(compartments);
    }
  }

  /** A record of the portal; requests have an assignee, documents none. */
  static final class Thing {
    final Item item;
    long version = 1;
    Mark label;
    String assignee;
    boolean gone;

    Thing(Item item, Mark label, String assignee) {
      this.item = item;
      this.label = label;
      this.assignee = assignee;
    }

    @Override
    public String toString() {
      return item.type()
          + "#"
          + item.id()
          + " v"
          + version
          + " "
          + label
          + (assignee == null ? "" : " @" + assignee)
          + (gone ? " gone" : "");
    }
  }

  /** A row of the log; device null for every device. */
  record Row(long seq, Item item, Integer device) {}

  private final Map<Item, Thing> things = new LinkedHashMap<>();
  private final List<Row> log = new ArrayList<>();
  private final List<Device> devices = new ArrayList<>();
  private long counter;
  private long nextId = 1;
  private Mark clearance;

  SyncWorld(Mark clearance) {
    this.clearance = clearance;
  }

  // ---- the portal's side: records change, each change writes the log as ChangeLog.changed does

  Item createDocument(Mark label) {
    return create(new Item(DOCUMENT, nextId++), label, null);
  }

  Item createRequest(Mark label, String assignee) {
    return create(new Item(REQUEST, nextId++), label, assignee);
  }

  private Item create(Item item, Mark label, String assignee) {
    things.put(item, new Thing(item, label, assignee));
    changed(item);
    return item;
  }

  void edit(Item item) {
    Thing t = thing(item);
    t.version++;
    changed(item);
  }

  void relabel(Item item, Mark label) {
    Thing t = thing(item);
    t.label = label;
    t.version++;
    changed(item);
  }

  void assign(Item item, String assignee) {
    Thing t = thing(item);
    if (!REQUEST.equals(item.type())) {
      throw new IllegalArgumentException("only requests are assigned: " + item);
    }
    t.assignee = assignee;
    t.version++;
    changed(item);
  }

  void remove(Item item) {
    thing(item).gone = true;
    changed(item);
  }

  /** The user's clearance changes: nothing is written, each device notices at its next pull. */
  void clearance(Mark clearance) {
    this.clearance = clearance;
  }

  Mark clearance() {
    return clearance;
  }

  Device newDevice(Mark accreditation) {
    Device d = new Device(devices.size(), accreditation);
    devices.add(d);
    return d;
  }

  List<Device> devices() {
    return devices;
  }

  Collection<Thing> things() {
    return things.values();
  }

  Thing thing(Item item) {
    Thing t = things.get(item);
    if (t == null || t.gone) {
      throw new IllegalArgumentException("no such record: " + item);
    }
    return t;
  }

  /** A record as it is now, also when gone or unknown. */
  String describe(Item item) {
    Thing t = things.get(item);
    return t == null ? item + " (unknown)" : t.toString();
  }

  List<Row> log() {
    return List.copyOf(log);
  }

  long last() {
    return counter;
  }

  private void changed(Item item) {
    long seq = ++counter;
    log.removeIf(r -> r.device() == null && r.item().equals(item) && r.seq() < seq);
    log.add(new Row(seq, item, null));
  }

  private long forDevice(int device, Item item) {
    long seq = ++counter;
    log.add(new Row(seq, item, device));
    return seq;
  }

  static String marking(Mark label) {
    return label.toString();
  }

  /** One device: its accreditation, what the server records it holds, its scope fingerprint. */
  final class Device implements SyncFeed.Store, SyncFeed.Scope {
    final int id;
    private Mark accreditation;
    private final Map<Item, Held> holdings = new HashMap<>();
    private final Map<Item, Integer> revokesToAudit = new HashMap<>();
    private final List<Item> audited = new ArrayList<>();
    private String print;

    private Device(int id, Mark accreditation) {
      this.id = id;
      this.accreditation = accreditation;
    }

    void accreditation(Mark accreditation) {
      this.accreditation = accreditation;
    }

    Mark accreditation() {
      return accreditation;
    }

    boolean mayHold(Mark label) {
      return clearance.dominates(label) && accreditation.dominates(label);
    }

    /** What the device may hold now: record and version. */
    Map<Item, Long> mayHoldNow() {
      Map<Item, Long> may = new HashMap<>();
      for (Thing t : things.values()) {
        if (standing(t.item) instanceof Holdable h) {
          may.put(t.item, h.version());
        }
      }
      return may;
    }

    /** Every revoke audited, in order. */
    List<Item> audited() {
      return List.copyOf(audited);
    }

    /** Revokes written in the holdings but not audited (should be none after a pull). */
    int unaudited() {
      return revokesToAudit.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<Item, Held> recordedHoldings() {
      return Map.copyOf(holdings);
    }

    // ---- SyncFeed.Scope

    @Override
    public Standing standing(Item item) {
      Thing t = things.get(item);
      if (t == null || t.gone) {
        return new Outside();
      }
      if (!mayHold(t.label)) {
        return new Forbidden();
      }
      if (REQUEST.equals(item.type()) && !USER.equals(t.assignee)) {
        return new Outside();
      }
      return new Holdable(
          t.version, marking(t.label), item.type() + "#" + item.id() + "@" + t.version);
    }

    @Override
    public Collection<Item> holdable() {
      List<Item> items = new ArrayList<>();
      for (Thing t : things.values()) {
        if (standing(t.item) instanceof Holdable) {
          items.add(t.item);
        }
      }
      return items;
    }

    @Override
    public String print() {
      return "user " + clearance + " | device " + accreditation;
    }

    // ---- SyncFeed.Store

    @Override
    public List<Entry> after(long seq, int max) {
      return log.stream()
          .filter(r -> r.seq() > seq && (r.device() == null || r.device() == id))
          .limit(max)
          .map(r -> new Entry(r.seq(), r.item()))
          .toList();
    }

    @Override
    public long appendForDevice(Item item) {
      return forDevice(id, item);
    }

    @Override
    public Map<Item, Held> holdings() {
      return new HashMap<>(holdings);
    }

    @Override
    public void hold(Item item, Held held, long version) {
      Held before = holdings.put(item, held);
      if (before == Held.HELD && held == Held.REVOKED) {
        revokesToAudit.merge(item, 1, Integer::sum);
      }
    }

    @Override
    public void revoked(Item item) {
      Integer pending = revokesToAudit.get(item);
      if (pending == null || pending == 0) {
        throw new AssertionError("audited a revoke that did not happen: " + item);
      }
      if (pending == 1) {
        revokesToAudit.remove(item);
      } else {
        revokesToAudit.put(item, pending - 1);
      }
      audited.add(item);
    }

    @Override
    public Optional<String> scopePrint() {
      return Optional.ofNullable(print);
    }

    @Override
    public void scopePrint(String print) {
      this.print = print;
    }

    @Override
    public String toString() {
      return "device " + id + " " + accreditation;
    }
  }
}
