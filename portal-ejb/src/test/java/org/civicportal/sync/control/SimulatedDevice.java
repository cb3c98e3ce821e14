package org.civicportal.sync.control;

import java.util.HashMap;
import java.util.Map;
import org.civicportal.sync.control.SyncFeed.Change;
import org.civicportal.sync.control.SyncFeed.Item;
import org.civicportal.sync.control.SyncFeed.Page;

/**
 * The device's own side of the feed: what it keeps, and the cursor it continues from. It applies a
 * page as a client would: an upsert stores the record at its version and marking, a revoke or a
 * delete drops it.
 */
final class SimulatedDevice {
  /** What the device keeps of a record. */
  record Copy(long version, String classification) {}

  final SyncWorld.Device server;
  private final Map<Item, Copy> kept = new HashMap<>();
  private long cursor;
  private long previousCursor;

  SimulatedDevice(SyncWorld.Device server) {
    this.server = server;
  }

  /** Pulls from its cursor without applying anything (the caller decides). */
  Page fetch(int limit) {
    return SyncFeed.pull(server, server, cursor, limit);
  }

  /** Pulls from a given cursor. */
  Page fetchFrom(long since, int limit) {
    return SyncFeed.pull(server, server, since, limit);
  }

  /** Pulls from its cursor, applies the page and moves on. */
  Page pull(int limit) {
    Page page = fetch(limit);
    apply(page);
    return page;
  }

  /** Pulls until the feed says there is no more; returns the number of pages. */
  int drain(int limit) {
    int pages = 0;
    Page page;
    do {
      page = pull(limit);
      pages++;
      if (pages > 10_000) {
        throw new AssertionError("the feed never ends");
      }
    } while (page.hasMore());
    return pages;
  }

  void apply(Page page) {
    for (Change c : page.changes()) {
      switch (c.op()) {
        case UPSERT -> kept.put(c.item(), new Copy(c.version(), c.classification().orElseThrow()));
        case REVOKE, DELETE -> kept.remove(c.item());
      }
    }
    previousCursor = cursor;
    cursor = page.cursor();
  }

  /** Applies a page it had already applied (a repeated answer): the changes again, its cursor. */
  void applyAgain(Page page) {
    long previous = previousCursor;
    apply(page);
    previousCursor = previous;
  }

  long cursor() {
    return cursor;
  }

  /** The cursor it pulled from last time (0 before its second page). */
  long previousCursor() {
    return previousCursor;
  }

  Map<Item, Copy> kept() {
    return Map.copyOf(kept);
  }

  /** Record and version of what it keeps. */
  Map<Item, Long> versions() {
    Map<Item, Long> versions = new HashMap<>();
    kept.forEach((item, copy) -> versions.put(item, copy.version()));
    return versions;
  }
}
