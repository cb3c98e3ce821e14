package org.civicportal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.StringHelper;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;
import org.civicportal.search.schema.SearchFields;

/**
 * The portal's search index in one directory: the only owner of its Lucene writer, searchers,
 * analyzers and directory, all closed by {@link #close()}.
 *
 * <p>Invariants: searches see exactly the last commit, never half of a batch or rebuild; the pages
 * of one search all come from the commit its first page saw, so paging has no duplicates and no
 * gaps while documents arrive; every commit carries the last outbox position it applied ({@link
 * #checkpoint()}, for diagnostics: the portal deletes outbox entries only after the commit that
 * applied them, so nothing is replayed from it); a failed {@link #apply} or {@link #rebuild} leaves
 * the index at its last commit. An index that cannot be read at start-up is discarded, never
 * repaired: it is a cache of the database, and {@link #needsRebuild()} says to refill it.
 *
 * <p>Never returns or counts a document its audience may not see, and nothing it returns (hits,
 * order, snippets, totals, facets, suggestions, corrections, pages) changes when such documents are
 * added.
 *
 * <p>Thread-safe: searches run concurrently; writes are serialised.
 */
public final class SearchIndex implements AutoCloseable {

  /** A search with fewer hits than this gets a "did you mean" correction, if one finds more. */
  public static final int DID_YOU_MEAN_BELOW = 3;

  /** Most suggestions {@link #suggest} returns. */
  public static final int MAX_SUGGESTIONS = 50;

  /** Threads one search may use unless {@link #open(Path, int)} says otherwise: the processors. */
  public static final int DEFAULT_THREADS_PER_SEARCH = Runtime.getRuntime().availableProcessors();

  /** How long a cursor stays valid after newer documents were committed. */
  static final Duration CURSOR_LIFETIME = Duration.ofMinutes(15);

  // 2^24 bits (2 MB): for a million keys, one in sixteen collides and is indexed as an update.
  private static final int SEEN_KEY_BITS = 1 << 24;

  private final Directory directory;
  private final Analyzer analyzer;
  private final CitizenQueryParser parser;
  private final SearcherManager searchers;
  private final CursorPages pages;
  private final VisibilityCache visibility = new VisibilityCache(VisibilityCache.DEFAULT_MAX_BYTES);
  // Lets one search use several processors, a share of the segments each; null: one thread.
  private final ExecutorService searchThreads;
  private final int threadsPerSearch;
  private IndexWriter writer; // replaced after a failed write; guarded by this
  private boolean closed; // guarded by this
  private boolean schemaCurrent; // guarded by this
  private volatile boolean needsRebuild;
  private volatile long checkpoint;
  private volatile ReaderFields lastFields; // of the last searcher asked about

  /** The fields of one reader, merged over its segments. */
  private record ReaderFields(IndexReader.CacheKey reader, FieldInfos fields) {}

  private SearchIndex(
      Directory directory,
      Analyzer analyzer,
      IndexWriter writer,
      OptionalLong checkpoint,
      boolean schemaCurrent,
      Duration cursorLifetime,
      int threadsPerSearch)
      throws IOException {
    this.threadsPerSearch = threadsPerSearch;
    this.searchThreads = searchThreads(threadsPerSearch);
    this.directory = directory;
    this.analyzer = analyzer;
    this.parser = new CitizenQueryParser(analyzer);
    this.writer = writer;
    this.schemaCurrent = schemaCurrent;
    this.needsRebuild = checkpoint.isEmpty() || !schemaCurrent;
    this.checkpoint = checkpoint.orElse(0);
    // Searchers open commits from the directory, not near-real-time readers from the writer: a
    // search must never see documents of a batch or rebuild that has not been committed.
    this.searchers = new SearcherManager(directory, null);
    this.pages = new CursorPages(cursorLifetime);
    recordCurrentSearcher();
  }

  /**
   * Opens (or creates) the index in {@code dir}. If the directory holds no index, or the index is
   * corrupt or unreadable (corrupt or truncated files, missing segment files, another Lucene
   * format), its index files are removed, an empty index is created and {@link #needsRebuild()}
   * returns true. An index written with an older schema is kept and answers, and {@link
   * #needsRebuild()} returns true until a rebuild writes the current one.
   *
   * @throws IOException if the directory cannot be created or read, or another writer holds it
   */
  public static SearchIndex open(Path dir) throws IOException {
    return open(dir, DEFAULT_THREADS_PER_SEARCH);
  }

  /**
   * {@link #open(Path)}, with at most {@code threadsPerSearch} threads working on one search (the
   * caller's and helpers, each on a share of the segments): more answer a search sooner on an
   * otherwise idle machine; 1 runs each search on its calling thread alone, which costs a little
   * less processor time per search when many searches arrive at once. The default is the number of
   * processors.
   *
   * @throws IllegalArgumentException if {@code threadsPerSearch} is less than 1
   */
  public static SearchIndex open(Path dir, int threadsPerSearch) throws IOException {
    if (threadsPerSearch < 1) {
      throw new IllegalArgumentException(
          "Threads per search must be at least 1, was " + threadsPerSearch);
    }
    return open(dir, CURSOR_LIFETIME, threadsPerSearch);
  }

  /** {@link #open(Path)} with another cursor lifetime; for tests. */
  static SearchIndex open(Path dir, Duration cursorLifetime) throws IOException {
    return open(dir, cursorLifetime, DEFAULT_THREADS_PER_SEARCH);
  }

  private static SearchIndex open(Path dir, Duration cursorLifetime, int threadsPerSearch)
      throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    Analyzer analyzer = null;
    IndexWriter writer = null;
    try {
      Optional<Map<String, String>> lastCommit = IndexRecovery.lastCommitOrClear(directory);
      analyzer = LanguageAnalyzers.perField();
      writer = newWriter(directory, analyzer, lastCommit.isPresent());
      if (lastCommit.isEmpty()) {
        // An empty commit lets searchers open. It carries no checkpoint, so an index reopened
        // before its first rebuild still reports that it needs one.
        writer.setLiveCommitData(
            Map.of(SearchFields.SCHEMA, SearchFields.SCHEMA_VERSION).entrySet());
        writer.commit();
      }
      boolean schemaCurrent =
          lastCommit
              .map(data -> SearchFields.SCHEMA_VERSION.equals(data.get(SearchFields.SCHEMA)))
              .orElse(true);
      return new SearchIndex(
          directory,
          analyzer,
          writer,
          checkpointIn(lastCommit),
          schemaCurrent,
          cursorLifetime,
          threadsPerSearch);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, analyzer, directory);
      throw e;
    }
  }

  /**
   * True when open() found nothing usable, or an index of an older schema, and no rebuild() (or,
   * for an empty index, apply()) has committed since.
   */
  public boolean needsRebuild() {
    return needsRebuild;
  }

  /** The outbox position of the last commit; 0 when none was ever committed. */
  public long checkpoint() {
    return checkpoint;
  }

  /**
   * Adds or replaces (by key) the upserts, then deletes the given keys, then commits with the
   * checkpoint and refreshes searchers, so the next search sees the change. All or nothing: on
   * failure the index stays at its last commit. Replaying a batch is harmless.
   *
   * @param checkpoint outbox position this batch brings the index up to; not negative
   */
  public synchronized void apply(
      Collection<IndexDocument> upserts, Collection<String> deletedKeys, long checkpoint)
      throws IOException {
    upserts.forEach(document -> Objects.requireNonNull(document, "upsert"));
    deletedKeys.forEach(key -> Objects.requireNonNull(key, "deleted key"));
    requireWritable(checkpoint);
    try {
      for (IndexDocument document : upserts) {
        writer.updateDocument(Documents.keyTerm(document.key()), Documents.toLucene(document));
      }
      for (String key : deletedKeys) {
        writer.deleteDocuments(Documents.keyTerm(key));
      }
      commit(checkpoint, schemaCurrent);
    } catch (IOException | RuntimeException e) {
      discardUncommitted(e);
      throw e;
    }
  }

  /** {@link #rebuild(Iterable, long, LongConsumer)} without progress reports. */
  public void rebuild(Iterable<IndexDocument> all, long checkpoint) throws IOException {
    rebuild(all, checkpoint, indexed -> {});
  }

  /**
   * Replaces the whole content with the given documents, commits with the checkpoint and refreshes
   * searchers. Searches keep seeing the previous content, and cursors keep their pages, until the
   * commit; if the iteration, indexing or {@code progress} fails, the previous content stays.
   *
   * @param checkpoint outbox position the documents reflect; not negative
   * @param progress told, after each document, how many have been indexed so far (it runs on the
   *     rebuilding thread, so it should be quick); documents are analysed by one thread per
   *     processor meanwhile
   */
  public synchronized void rebuild(
      Iterable<IndexDocument> all, long checkpoint, LongConsumer progress) throws IOException {
    Objects.requireNonNull(all, "all");
    Objects.requireNonNull(progress, "progress");
    requireWritable(checkpoint);
    double ramBuffer = writer.getConfig().getRAMBufferSizeMB();
    try {
      writer.deleteAll();
      // A bigger buffer makes fewer, larger first segments, so there is less to merge while the
      // rebuild runs; it is shared by the indexing threads and given back when the rebuild ends.
      writer.getConfig().setRAMBufferSizeMB(Math.max(ramBuffer, rebuildBufferMegabytes()));
      // A source read page by page while it changes may yield a key twice, and the key must stay
      // unique, so a key seen before is an update. Every other document is a plain add: an update
      // costs a buffered delete that each flush must look up in every segment written so far. A
      // hash collision only turns an add into an (equally correct) update.
      FixedBitSet seen = new FixedBitSet(SEEN_KEY_BITS);
      try (BulkIndexing bulk = new BulkIndexing(writer, progress)) {
        for (IndexDocument document : all) {
          int slot =
              StringHelper.murmurhash3_x86_32(new BytesRef(document.key()), 0)
                  & (SEEN_KEY_BITS - 1);
          bulk.add(document, slot, seen.getAndSet(slot));
        }
        bulk.finish();
      }
      writer.getConfig().setRAMBufferSizeMB(ramBuffer);
      commit(checkpoint, true);
    } catch (IOException | RuntimeException e) {
      discardUncommitted(e); // the new writer has the usual buffer
      throw e;
    }
  }

  /** An eighth of the heap, at most 256 MB: what the rebuild's indexing threads share. */
  private static double rebuildBufferMegabytes() {
    return Math.min(256, Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20));
  }

  /**
   * One page of the best documents by relevance (BM25), the exact number of matches, facets if
   * asked, the cursor of the next page and, when little is found, a correction. Never throws
   * because of the query text: text that leaves nothing to search gives no hits.
   *
   * @throws IllegalArgumentException if the cursor is malformed or belongs to another search
   * @throws CursorExpiredException if the cursor's commit has been released
   */
  public SearchResult search(SearchQuery query) throws IOException {
    Cursors.Position after = query.cursor() == null ? null : pages.read(query.cursor(), query);
    Optional<Query> parsed = parser.parse(query.text(), query.languages());
    if (parsed.isEmpty()) {
      return SearchResult.none();
    }
    pages.maybePrune();
    IndexSearcher shared = after == null ? searchers.acquire() : pages.acquire(after.version());
    try {
      AudienceSearcher scoped = audienceSearcher(shared, query.audience());
      Instant now = after == null ? query.now() : Instant.ofEpochMilli(after.nowMillis());
      ScoreDoc last =
          after == null ? null : new ScoreDoc(after.doc(), after.score(), after.shardIndex());
      return new PageSearch(scoped, analyzer, parser, fieldInfos(shared))
          .run(parsed.get(), query, last, now, hit -> pages.write(shared, hit, now, query));
    } catch (IndexSearcher.TooManyClauses e) {
      // Prefixes and long OR lists can expand past the clause limit at rewrite time.
      return SearchResult.none();
    } finally {
      if (after == null) {
        searchers.release(shared);
      } else {
        pages.release(shared);
      }
    }
  }

  /**
   * Completions of the last word of {@code prefix} (the text before it kept as typed), from the
   * words of titles and summaries in the given languages, typed with or without accents: only words
   * that a document the audience may see contains, the most frequent in those documents first, then
   * alphabetical. A last word under two characters gets none.
   *
   * @throws IllegalArgumentException if the prefix is longer than {@link SearchQuery#MAX_LENGTH},
   *     the languages empty or unsupported, or {@code max} not between 1 and {@link
   *     #MAX_SUGGESTIONS}
   */
  public List<String> suggest(String prefix, List<String> languages, Audience audience, int max)
      throws IOException {
    String text = Objects.requireNonNullElse(prefix, "");
    if (text.length() > SearchQuery.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Text has " + text.length() + " characters; at most " + SearchQuery.MAX_LENGTH);
    }
    List<String> searched = SearchLanguages.requireSupported(languages);
    Objects.requireNonNull(audience, "audience");
    if (max < 1 || max > MAX_SUGGESTIONS) {
      throw new IllegalArgumentException(
          "Suggestions must be between 1 and " + MAX_SUGGESTIONS + ", was " + max);
    }
    IndexSearcher shared = searchers.acquire();
    try {
      return Suggestions.complete(audienceSearcher(shared, audience), text, searched, max);
    } finally {
      searchers.release(shared);
    }
  }

  /** Number of documents in the last commit. */
  public int documentCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /** Closes searchers, writer, analyzers and directory; uncommitted changes are dropped. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      try {
        IOUtils.close(pages, searchers, writer, analyzer, directory);
      } finally {
        if (searchThreads != null) {
          searchThreads.shutdown();
        }
      }
    }
  }

  /**
   * Threads that help searches, {@code threadsPerSearch - 1} of them (a search's own thread does a
   * share too); null when searches run alone.
   */
  private static ExecutorService searchThreads(int threadsPerSearch) {
    if (threadsPerSearch <= 1) {
      return null;
    }
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threadsPerSearch - 1,
        task -> {
          Thread thread = new Thread(task, "search-index-search-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The cache of visible documents; for tests. */
  VisibilityCache visibility() {
    return visibility;
  }

  private AudienceSearcher audienceSearcher(IndexSearcher shared, Audience audience)
      throws IOException {
    AudienceSearcher scoped =
        new AudienceSearcher(
            shared.getIndexReader(), audience, visibility, searchThreads, threadsPerSearch);
    scoped.setSimilarity(shared.getSimilarity());
    return scoped;
  }

  /** The fields of the searcher's reader; merged once per commit, not once per search. */
  private FieldInfos fieldInfos(IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    ReaderFields last = lastFields;
    if (helper != null && last != null && last.reader() == helper.getKey()) {
      return last.fields();
    }
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    if (helper != null) {
      lastFields = new ReaderFields(helper.getKey(), fields);
    }
    return fields;
  }

  /** Records the current searcher, so the clock of the ones it replaces starts now. */
  private void recordCurrentSearcher() throws IOException {
    IndexSearcher current = searchers.acquire();
    try {
      pages.replacedBy(current);
    } finally {
      searchers.release(current);
    }
  }

  private void commit(long checkpoint, boolean schemaCurrent) throws IOException {
    Map<String, String> userData = new HashMap<>();
    userData.put(SearchFields.CHECKPOINT, Long.toString(checkpoint));
    if (schemaCurrent) {
      userData.put(SearchFields.SCHEMA, SearchFields.SCHEMA_VERSION);
    }
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    this.checkpoint = checkpoint;
    this.schemaCurrent = schemaCurrent;
    this.needsRebuild = !schemaCurrent;
    searchers.maybeRefreshBlocking();
    recordCurrentSearcher();
  }

  /** Drops whatever the failed write buffered and reopens the writer on the last commit. */
  private void discardUncommitted(Exception failure) {
    try {
      writer.rollback();
      writer = newWriter(directory, analyzer, true);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void requireWritable(long checkpoint) {
    if (checkpoint < 0) {
      throw new IllegalArgumentException("Checkpoint must not be negative: " + checkpoint);
    }
    if (closed) {
      throw new AlreadyClosedException("SearchIndex is closed");
    }
  }

  private static IndexWriter newWriter(Directory directory, Analyzer analyzer, boolean append)
      throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setOpenMode(append ? OpenMode.APPEND : OpenMode.CREATE)
            // Every commit is explicit and carries a checkpoint; closing must not add one without.
            .setCommitOnClose(false);
    // No forceMerge anywhere: the default merge policy keeps segment counts low as batches
    // arrive, and merging down to one segment would rewrite the whole index after every batch.
    return new IndexWriter(directory, config);
  }

  private static OptionalLong checkpointIn(Optional<Map<String, String>> lastCommit) {
    String value = lastCommit.map(userData -> userData.get(SearchFields.CHECKPOINT)).orElse(null);
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
