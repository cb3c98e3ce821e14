package org.civicportal.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherLifetimeManager;

/**
 * Keeps the commits that cursors point to, so that every page of a search comes from the commit its
 * first page saw, and writes and reads the cursors themselves ({@link Cursors}).
 *
 * <p>A commit that served a first page with a next page stays in a {@link SearcherLifetimeManager}
 * until the lifetime has passed since a newer commit replaced it ({@code PruneByAge}); a commit no
 * cursor points to is released as soon as it is replaced, so old readers do not pile up while
 * batches arrive every few seconds.
 */
final class CursorPages implements Closeable {

  private static final long PRUNE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

  private final SearcherLifetimeManager pages = new SearcherLifetimeManager();
  private final Set<Long> paged = ConcurrentHashMap.newKeySet();
  private final SearcherLifetimeManager.Pruner pruner;
  private final Duration lifetime;
  private final Cursors cursors = new Cursors();
  private volatile long lastPrune = System.nanoTime();

  CursorPages(Duration lifetime) {
    this.lifetime = lifetime;
    SearcherLifetimeManager.PruneByAge byAge =
        new SearcherLifetimeManager.PruneByAge(lifetime.toMillis() / 1000.0);
    this.pruner =
        (ageSec, searcher) -> {
          long version = version(searcher);
          boolean prune =
              byAge.doPrune(ageSec, searcher) || (ageSec > 0 && !paged.contains(version));
          if (prune) {
            paged.remove(version);
          }
          return prune;
        };
  }

  /**
   * The position a cursor stands for.
   *
   * @throws IllegalArgumentException if the cursor is malformed or belongs to another search
   * @throws CursorExpiredException if it was written by an earlier opening of the index
   */
  Cursors.Position read(String cursor, SearchQuery query) {
    return cursors.read(cursor, query);
  }

  /** The cursor of the page that ends at {@code last}, on the commit of {@code searcher}. */
  String write(IndexSearcher searcher, ScoreDoc last, Instant now, SearchQuery query)
      throws IOException {
    long version = version(searcher);
    // Marked before it is recorded, so that a prune in between cannot drop it as unused.
    paged.add(version);
    pages.record(searcher);
    return cursors.write(
        new Cursors.Position(version, last.doc, last.score, last.shardIndex, now.toEpochMilli()),
        query);
  }

  /**
   * The searcher of a cursor's commit, to be given back with {@link #release}.
   *
   * @throws CursorExpiredException if that commit has been released
   */
  IndexSearcher acquire(long version) throws IOException {
    maybePrune();
    IndexSearcher searcher = pages.acquire(version);
    if (searcher == null) {
      throw new CursorExpiredException(
          "The cursor's page is gone: its search ran on documents replaced more than "
              + lifetime.toMinutes()
              + " minutes ago; start the search again");
    }
    return searcher;
  }

  void release(IndexSearcher searcher) throws IOException {
    pages.release(searcher);
  }

  /** Records the newest commit's searcher, which starts the clock of those it replaces. */
  void replacedBy(IndexSearcher current) throws IOException {
    pages.record(current);
    pages.prune(pruner);
  }

  /** Releases expired commits, at most once a second. */
  void maybePrune() throws IOException {
    long now = System.nanoTime();
    if (now - lastPrune >= PRUNE_INTERVAL_NANOS) {
      lastPrune = now;
      pages.prune(pruner);
    }
  }

  @Override
  public void close() throws IOException {
    pages.close();
  }

  private static long version(IndexSearcher searcher) {
    return ((DirectoryReader) searcher.getIndexReader()).getVersion();
  }
}
