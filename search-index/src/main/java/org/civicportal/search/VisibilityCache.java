package org.civicportal.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which documents of a segment an audience may see, computed once per segment and audience and kept
 * while the segment is open, so that a search costs a lookup per segment instead of a pass over the
 * whole index.
 *
 * <p>Two levels, as Lucene's own caches do: the audience filter's matches per segment <em>core</em>
 * (the segment's immutable files; {@code getCoreCacheHelper()}), and per segment <em>reader</em>
 * (core plus its current deletions; {@code getReaderCacheHelper()}) those matches that are live,
 * with their statistics. A commit that only adds segments, or deletes from old ones, reuses the
 * cores' filter results; only new segments run the filter. Entries are dropped when their segment
 * closes (a closed listener) and, beyond {@code maxBytes} of bit sets, least recently used first.
 */
final class VisibilityCache implements IndexReader.ClosedListener {

  /** Default bound: over a million documents, the entries of about 170 audiences. */
  static final long DEFAULT_MAX_BYTES = 64L << 20;

  private record Key(IndexReader.CacheKey segment, Audience audience) {}

  /** The filter's matches in one segment core, deleted documents included. */
  record CoreVisibility(FixedBitSet bits, int count, LeafVisibility.Lengths lengths) {}

  private record Entry(Object value, long weight) {}

  private final long maxBytes;
  private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true); // guarded by this
  private final Set<IndexReader.CacheKey> listening = new HashSet<>(); // guarded by this
  private long bytes; // guarded by this
  private final AtomicLong filterRuns = new AtomicLong();

  VisibilityCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The audience's visible, live documents of one segment, with their statistics. */
  LeafVisibility leaf(LeafReaderContext leaf, Audience audience) throws IOException {
    LeafReader reader = leaf.reader();
    IndexReader.CacheHelper readerHelper = reader.getReaderCacheHelper();
    IndexReader.CacheHelper coreHelper = reader.getCoreCacheHelper();
    if (readerHelper == null || coreHelper == null) {
      return LeafVisibility.of(computeCore(reader, audience), reader);
    }
    Key leafKey = new Key(readerHelper.getKey(), audience);
    LeafVisibility cached = (LeafVisibility) get(leafKey);
    if (cached != null) {
      return cached;
    }
    Key coreKey = new Key(coreHelper.getKey(), audience);
    CoreVisibility core = (CoreVisibility) get(coreKey);
    if (core == null) {
      core = computeCore(reader, audience);
      core = (CoreVisibility) put(coreHelper, coreKey, core, core.bits().ramBytesUsed());
    }
    LeafVisibility visibility = LeafVisibility.of(core, reader);
    // counted in full even when it shares the core's bit set: the core entry may go first
    return (LeafVisibility) put(readerHelper, leafKey, visibility, visibility.ramBytesUsed());
  }

  /** How many times the audience filter ran over a segment; for tests. */
  long filterRuns() {
    return filterRuns.get();
  }

  /** Forgets the entries of a segment core or reader that has closed. */
  @Override
  public synchronized void onClose(IndexReader.CacheKey key) {
    listening.remove(key);
    for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Entry> entry = it.next();
      if (entry.getKey().segment() == key) {
        bytes -= entry.getValue().weight();
        it.remove();
      }
    }
  }

  private synchronized Object get(Key key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.value();
  }

  /** Adds the value unless another thread did first; returns the one kept. */
  private synchronized Object put(
      IndexReader.CacheHelper helper, Key key, Object value, long weight) {
    Entry existing = entries.get(key);
    if (existing != null) {
      return existing.value();
    }
    if (listening.add(helper.getKey())) {
      helper.addClosedListener(this);
    }
    entries.put(key, new Entry(value, weight));
    bytes += weight;
    // least recently used first; the entry just added is the most recent and stays
    Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
    while (bytes > maxBytes && entries.size() > 1) {
      bytes -= it.next().getValue().weight();
      it.remove();
    }
    return value;
  }

  private CoreVisibility computeCore(LeafReader reader, Audience audience) throws IOException {
    filterRuns.incrementAndGet();
    // A searcher of this segment alone, without the shared query cache: the bits are cached here.
    IndexSearcher segment = new IndexSearcher(reader);
    segment.setQueryCache(null);
    Weight weight =
        segment.createWeight(
            segment.rewrite(new ConstantScoreQuery(Documents.visibleTo(audience))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    FixedBitSet bits = new FixedBitSet(reader.maxDoc());
    Scorer scorer = weight.scorer(segment.getIndexReader().leaves().get(0));
    if (scorer != null) {
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        bits.set(doc);
      }
    }
    return new CoreVisibility(bits, bits.cardinality(), new LeafVisibility.Lengths(bits));
  }
}
