package org.civicportal.sync.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civicportal.record.control.Standing;
import org.civicportal.record.control.Standing.Forbidden;
import org.civicportal.record.control.Standing.Holdable;

/**
 * The change feed of one device, as an algorithm over a {@link Store} (the change log and what the
 * device holds) and a {@link Scope} (what the device may hold now). Kept free of the container, so
 * the property tests drive exactly the code the server runs.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>What a change says is decided at pull time from the record as it is then: inside the
 *       device's scope, an {@code upsert} with the current data; outside it because of its label or
 *       the device's or its user's clearance, a {@code revoke}, if the device ever held it; out of
 *       the device's channels (a request assigned to someone else, a record gone), a {@code
 *       delete}, if it ever held it. A record the device never held and may not hold is skipped
 *       without a trace: the feed says nothing, not even a count, of what it hides.
 *   <li>The log keeps one row per record for all devices (its latest change), so a record comes
 *       once per pull, and rows that ask one device to look at a record again.
 *   <li>When the device's scope changes (its accreditation, its user's clearance, roles or
 *       agencies), the next pull first writes a row for this device for every record it held and
 *       may no longer hold (marking it revoked, so the revoke is written and audited once), and for
 *       every record it may now hold and does not hold. Those rows are numbered after everything
 *       already in the log, so a revoke comes before any later change.
 *   <li>Nothing a pull writes depends on the cursor it was given, except which rows it reads: a
 *       pull repeated from the same cursor reads the same rows and says the same things.
 * </ul>
 */
public final class SyncFeed {
  private static final int BATCH = 500;

  private SyncFeed() {}

  /** A synced record: its kind's type and its id. */
  public record Item(String type, long id) {
    public Item {
      Objects.requireNonNull(type, "type");
    }
  }

  /** A row of the log a device reads. */
  public record Entry(long seq, Item item) {}

  /** What the device is told. */
  public enum Op {
    UPSERT,
    DELETE,
    REVOKE
  }

  /** One change in a pull; version, classification and data only with an upsert. */
  public record Change(
      long seq, Item item, Op op, long version, Optional<String> classification, Object data) {}

  /** A page of the feed: the changes, where to continue, and whether to continue now. */
  public record Page(List<Change> changes, long cursor, boolean hasMore) {}

  /** What the device was given of a record. */
  public enum Held {
    HELD,
    REVOKED,
    DELETED
  }

  /** The log and the device's holdings. */
  public interface Store {
    /** Rows after a number, for every device or for this one, in order, at most max. */
    List<Entry> after(long seq, int max);

    /** Appends a row for this device only; returns its number. */
    long appendForDevice(Item item);

    Map<Item, Held> holdings();

    /** What the device was given of these records (those it was given anything of). */
    default Map<Item, Held> holdingsOf(Collection<Item> items) {
      Map<Item, Held> all = holdings();
      Map<Item, Held> some = new java.util.HashMap<>();
      for (Item item : items) {
        if (all.containsKey(item)) {
          some.put(item, all.get(item));
        }
      }
      return some;
    }

    void hold(Item item, Held held, long version);

    /** A record the device held becomes forbidden: write it in the audit log. */
    void revoked(Item item);

    Optional<String> scopePrint();

    void scopePrint(String print);
  }

  /** What the device may hold now. */
  public interface Scope {
    Standing standing(Item item);

    /** Every record the device may hold now (read only when its scope changed). */
    Collection<Item> holdable();

    /** A fingerprint of everything the scope depends on, other than the records' own labels. */
    String print();

    /** These records are about to be asked for: a chance to read them in one go. */
    default void prefetch(Collection<Item> items) {}
  }

  /**
   * Reads the feed after a cursor, at most limit changes.
   *
   * @param since 0 for the whole feed; otherwise a cursor this feed gave
   */
  public static Page pull(Store store, Scope scope, long since, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    rescope(store, scope, since);
    List<Change> changes = new ArrayList<>();
    long position = since;
    while (changes.size() < limit) {
      List<Entry> entries = store.after(position, BATCH);
      if (entries.isEmpty()) {
        break;
      }
      List<Item> items = entries.stream().map(Entry::item).toList();
      scope.prefetch(items);
      Map<Item, Held> holdings = new java.util.HashMap<>(store.holdingsOf(items));
      for (Entry e : entries) {
        position = e.seq();
        tell(store, scope, holdings, e).ifPresent(changes::add);
        if (changes.size() == limit) {
          break;
        }
      }
    }
    return new Page(List.copyOf(changes), position, changes.size() == limit);
  }

  private static Optional<Change> tell(
      Store store, Scope scope, Map<Item, Held> holdings, Entry e) {
    Item item = e.item();
    Standing standing = scope.standing(item);
    Held held = holdings.get(item);
    if (standing instanceof Holdable h) {
      if (held != Held.HELD) {
        holdings.put(item, Held.HELD);
      }
      store.hold(item, Held.HELD, h.version());
      return Optional.of(
          new Change(
              e.seq(), item, Op.UPSERT, h.version(), Optional.of(h.classification()), h.data()));
    }
    if (held == null) {
      return Optional.empty();
    }
    if (standing instanceof Forbidden) {
      if (held == Held.HELD) {
        holdings.put(item, Held.REVOKED);
        store.hold(item, Held.REVOKED, 0);
        store.revoked(item);
      }
      return Optional.of(new Change(e.seq(), item, Op.REVOKE, 0, Optional.empty(), null));
    }
    if (held == Held.HELD) {
      holdings.put(item, Held.DELETED);
      store.hold(item, Held.DELETED, 0);
    }
    return Optional.of(new Change(e.seq(), item, Op.DELETE, 0, Optional.empty(), null));
  }

  /**
   * When the scope changed since the last pull: rows for this device for what it must purge and for
   * what it may now hold and does not. Not filtered by the cursor: the print is stored once, so a
   * stale request (a retry from an older cursor) must write what the device's newest cursor needs.
   */
  private static void rescope(Store store, Scope scope, long since) {
    String print = scope.print();
    Optional<String> before = store.scopePrint();
    if (before.equals(Optional.of(print))) {
      return;
    }
    if (before.isPresent() || since > 0) {
      Map<Item, Held> holdings = store.holdings();
      for (Map.Entry<Item, Held> h : holdings.entrySet()) {
        if (h.getValue() != Held.HELD) {
          continue;
        }
        Standing standing = scope.standing(h.getKey());
        if (!(standing instanceof Holdable)) {
          if (standing instanceof Forbidden) {
            store.hold(h.getKey(), Held.REVOKED, 0);
            store.revoked(h.getKey());
          } else {
            store.hold(h.getKey(), Held.DELETED, 0);
          }
          store.appendForDevice(h.getKey());
        }
      }
      // every record it may hold and does not: not only those with no row after this cursor,
      // because a retried older request would then decide for a device that is further on
      for (Item item : scope.holdable()) {
        if (holdings.get(item) != Held.HELD) {
          store.appendForDevice(item);
        }
      }
    }
    store.scopePrint(print);
  }
}
