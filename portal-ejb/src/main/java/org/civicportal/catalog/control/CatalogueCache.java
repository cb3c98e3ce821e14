package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.civicportal.record.control.RecordChanged;

/**
 * What citizens' catalogue pages list, kept in memory: the catalogue home and the A to Z list read
 * every published service, which is too much to query on every request. An entry is dropped when a
 * publication on this node commits, and in any case after {@link #TIME_TO_LIVE}, which bounds how
 * long another node of a cluster shows a list without a change made elsewhere. Values must be
 * immutable and hold no entity.
 */
@ApplicationScoped
public class CatalogueCache {
  static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();
  private final Clock clock = Clock.systemUTC();

  /** The cached value for this key, computed (outside any lock) when missing or stale. */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, Supplier<T> compute) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && entry.expires().isAfter(now)) {
      return (T) entry.value();
    }
    long before = generation.get();
    T value = compute.get();
    if (generation.get() == before) {
      // not kept if a publication committed while it was computed: it may predate that
      entries.put(key, new Entry(value, now.plus(TIME_TO_LIVE)));
    }
    return value;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChanged change) {
    if (ServiceKind.TYPE.equals(change.type())) {
      clear();
    }
  }

  /** Forgets everything, e.g. after agencies or topics were renamed or the branding changed. */
  public void clear() {
    generation.incrementAndGet();
    entries.clear();
  }

  /**
   * Changes whenever what citizens' pages show may have changed on this node, so that caches of
   * whole pages can tell a stale page.
   */
  public long generation() {
    return generation.get();
  }

  private record Entry(Object value, Instant expires) {}
}
