package org.civicportal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;
import org.civicportal.search.schema.SearchFields;

/**
 * The portal's search index in one directory: the only owner of its Lucene writer, searchers,
 * analyzers and directory, all closed by {@link #close()}.
 *
 * <p>Invariants: searches see exactly the last commit, never half of a batch; every commit carries
 * the last outbox position it applied ({@link #checkpoint()}, for diagnostics: the portal deletes
 * outbox entries only after the commit that applied them, so nothing is replayed from it); a failed
 * {@link #apply} or {@link #rebuild} leaves the index at its last commit. An index that cannot be
 * read at start-up is discarded, never repaired: it is a cache of the database, and {@link
 * #needsRebuild()} says to refill it.
 *
 * <p>Thread-safe: searches run concurrently; writes are serialised.
 */
public final class SearchIndex implements AutoCloseable {

  private final Directory directory;
  private final Analyzer analyzer;
  private final CitizenQueryParser parser;
  private final SearcherManager searchers;
  private IndexWriter writer; // replaced after a failed write; guarded by this
  private boolean closed; // guarded by this
  private volatile boolean needsRebuild;
  private volatile long checkpoint;

  private SearchIndex(
      Directory directory, Analyzer analyzer, IndexWriter writer, OptionalLong checkpoint)
      throws IOException {
    this.directory = directory;
    this.analyzer = analyzer;
    this.parser = new CitizenQueryParser(analyzer);
    this.writer = writer;
    this.needsRebuild = checkpoint.isEmpty();
    this.checkpoint = checkpoint.orElse(0);
    // Searchers open commits from the directory, not near-real-time readers from the writer: a
    // search must never see documents of a batch or rebuild that has not been committed.
    this.searchers = new SearcherManager(directory, null);
  }

  /**
   * Opens (or creates) the index in {@code dir}. If the directory holds no index, or the index is
   * corrupt or unreadable (corrupt or truncated files, missing segment files, another Lucene
   * format), its index files are removed, an empty index is created and {@link #needsRebuild()}
   * returns true.
   *
   * @throws IOException if the directory cannot be created or read, or another writer holds it
   */
  public static SearchIndex open(Path dir) throws IOException {
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
        writer.commit();
      }
      return new SearchIndex(directory, analyzer, writer, checkpointIn(lastCommit));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, analyzer, directory);
      throw e;
    }
  }

  /** True when open() found nothing usable and no rebuild() or apply() has committed since. */
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
      commit(checkpoint);
    } catch (IOException | RuntimeException e) {
      discardUncommitted(e);
      throw e;
    }
  }

  /**
   * Replaces the whole content with the given documents, commits with the checkpoint and refreshes
   * searchers. Searches keep seeing the previous content until the commit; if the iteration or
   * indexing fails, the previous content stays.
   *
   * @param checkpoint outbox position the documents reflect; not negative
   */
  public synchronized void rebuild(Iterable<IndexDocument> all, long checkpoint)
      throws IOException {
    Objects.requireNonNull(all, "all");
    requireWritable(checkpoint);
    try {
      writer.deleteAll();
      for (IndexDocument document : all) {
        // Update rather than add: a source read page by page while it changes may yield a key
        // twice, and the key must stay unique.
        writer.updateDocument(Documents.keyTerm(document.key()), Documents.toLucene(document));
      }
      commit(checkpoint);
    } catch (IOException | RuntimeException e) {
      discardUncommitted(e);
      throw e;
    }
  }

  /**
   * The best {@code query.size()} documents by relevance (BM25) and the exact number of matches.
   * Never throws because of the query text: text that leaves nothing to search gives no hits.
   */
  public SearchResult search(SearchQuery query) throws IOException {
    Optional<Query> parsed = parser.parse(query.text(), query.languages());
    if (parsed.isEmpty()) {
      return SearchResult.none();
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      return search(searcher, parsed.get(), query);
    } catch (IndexSearcher.TooManyClauses e) {
      // Prefixes and long OR lists can expand past the clause limit at rewrite time.
      return SearchResult.none();
    } finally {
      searchers.release(searcher);
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
      IOUtils.close(searchers, writer, analyzer, directory);
    }
  }

  private SearchResult search(IndexSearcher shared, Query query, SearchQuery request)
      throws IOException {
    // No threshold on hit counting: the portal shows "42 results", and a BM25 top-k shortcut
    // would turn that into a lower bound.
    Query filter = Documents.visibleTo(request.audience());
    IndexSearcher scoped = new AudienceSearcher(shared.getIndexReader(), filter);
    scoped.setSimilarity(shared.getSimilarity());
    Query visible =
        new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    TopDocs top =
        scoped.search(
            visible, new TopScoreDocCollectorManager(request.size(), null, Integer.MAX_VALUE));
    StoredFields storedFields = scoped.storedFields();
    List<Document> stored = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      stored.add(storedFields.document(scoreDoc.doc));
    }
    List<String> snippets =
        new Snippets(scoped, analyzer).forHits(query, top, request.languages(), stored);
    List<SearchHit> hits = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      hits.add(Documents.toHit(stored.get(i), snippets.get(i)));
    }
    return new SearchResult(top.totalHits.value, hits);
  }

  private void commit(long checkpoint) throws IOException {
    writer.setLiveCommitData(Map.of(SearchFields.CHECKPOINT, Long.toString(checkpoint)).entrySet());
    writer.commit();
    this.checkpoint = checkpoint;
    this.needsRebuild = false;
    searchers.maybeRefreshBlocking();
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
