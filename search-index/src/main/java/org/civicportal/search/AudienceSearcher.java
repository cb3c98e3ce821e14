package org.civicportal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.FixedBitSet;

/**
 * A searcher whose scoring statistics come only from the documents one audience may see.
 *
 * <p>Why: BM25 weighs a term by how many documents contain it and a field by the average length of
 * the field. Taken over the whole index, as Lucene does by default, those numbers include documents
 * the reader may not see, so adding a secret document that mentions "merger" would change the order
 * of the reader's results for "merger" — a measurable leak. Here every statistic is counted over
 * the visible documents only, so the ranking is a function of what the reader may see and nothing
 * else. Field lengths come from the norms (BM25's own one-byte encoding), which is what BM25 uses
 * for each document anyway.
 *
 * <p>Cheap to create: the visible documents and their statistics of each segment come from the
 * {@link VisibilityCache}, computed once per segment and audience. {@link #visibleDocs()} filters
 * on them with one bit test per candidate.
 */
final class AudienceSearcher extends IndexSearcher {

  private final Audience audience;
  private final LeafVisibility[] visible;
  private final long visibleCount;
  private final Query visibleDocs;
  private final int sliceCount;
  private PageStoredFields storedFields; // created on first use, by the searching thread

  AudienceSearcher(IndexReader reader, Audience audience, VisibilityCache cache)
      throws IOException {
    this(reader, audience, cache, null, 1);
  }

  /**
   * With an executor, one search runs in up to {@code slices} shares of the segments at once: the
   * calling thread takes one share, the executor's threads the others.
   */
  AudienceSearcher(
      IndexReader reader, Audience audience, VisibilityCache cache, Executor executor, int slices)
      throws IOException {
    super(reader, executor);
    // No matches kept from one search for the next (Lucene's default query cache would keep the
    // documents of text queries seen often): a search costs what it costs on the index as it is,
    // whatever was searched before, and a benchmark's repeated queries measure searching.
    setQueryCache(null);
    this.sliceCount = executor == null ? 1 : slices;
    this.audience = audience;
    List<LeafReaderContext> leaves = getIndexReader().leaves();
    visible = new LeafVisibility[leaves.size()];
    FixedBitSet[] bits = new FixedBitSet[leaves.size()];
    int[] counts = new int[leaves.size()];
    long count = 0;
    for (LeafReaderContext leaf : leaves) {
      visible[leaf.ord] = cache.leaf(leaf, audience);
      bits[leaf.ord] = visible[leaf.ord].bits();
      counts[leaf.ord] = visible[leaf.ord].count();
      count += counts[leaf.ord];
    }
    visibleCount = count;
    visibleDocs =
        new LeafBitsQuery(getIndexReader(), bits, counts, "visibleTo(" + audience.tenant() + ")");
  }

  /**
   * The stored fields of this search's hits, each document decompressed once however many times the
   * page, the highlighter and the snippets read it. Like Lucene's, not thread-safe: only the
   * searching thread reads stored fields.
   */
  @Override
  public StoredFields storedFields() throws IOException {
    if (storedFields == null) {
      storedFields = new PageStoredFields(super.storedFields());
    }
    return storedFields;
  }

  /**
   * At most as many slices as threads may work on one search, the segments shared out largest first
   * to the slice with the fewest documents, so that each thread has about as much to do. Lucene's
   * own slicing would make a slice of each segment above 250,000 documents, more slices than
   * threads.
   */
  @Override
  protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
    int count = Math.min(sliceCount, leaves.size());
    if (count <= 1) {
      return new LeafSlice[] {new LeafSlice(new ArrayList<>(leaves))};
    }
    List<List<LeafReaderContext>> shares = new ArrayList<>();
    long[] docs = new long[count];
    for (int i = 0; i < count; i++) {
      shares.add(new ArrayList<>());
    }
    List<LeafReaderContext> largestFirst = new ArrayList<>(leaves);
    largestFirst.sort(
        Comparator.comparingInt((LeafReaderContext leaf) -> leaf.reader().maxDoc()).reversed());
    for (LeafReaderContext leaf : largestFirst) {
      int least = 0;
      for (int i = 1; i < count; i++) {
        if (docs[i] < docs[least]) {
          least = i;
        }
      }
      shares.get(least).add(leaf);
      docs[least] += leaf.reader().maxDoc();
    }
    return shares.stream().map(LeafSlice::new).toArray(LeafSlice[]::new);
  }

  /** The documents the audience may see, as a non-scoring filter clause. */
  Query visibleDocs() {
    return visibleDocs;
  }

  Audience audience() {
    return audience;
  }

  /** The visibility of one segment of this searcher's reader. */
  LeafVisibility visibility(LeafReaderContext leaf) {
    List<LeafReaderContext> leaves = getIndexReader().leaves();
    if (leaf.ord >= leaves.size() || leaves.get(leaf.ord).reader() != leaf.reader()) {
      throw new IllegalStateException("Segment of another reader: " + leaf);
    }
    return visible[leaf.ord];
  }

  /** How many documents the audience may see contain the term. */
  long visibleDocFreq(Term term) throws IOException {
    long docFreq = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      docFreq += visible[leaf.ord].termStatistics(leaf.reader(), term)[0];
    }
    return docFreq;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    long df = 0;
    long ttf = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      long[] statistics = visible[leaf.ord].termStatistics(leaf.reader(), term);
      df += statistics[0];
      ttf += statistics[1];
    }
    // A term that only invisible documents contain scores no visible document; it still needs
    // statistics, and fixed ones say nothing about how many invisible documents contain it.
    return df == 0
        ? new TermStatistics(term.bytes(), 1, 1)
        : new TermStatistics(term.bytes(), df, Math.max(ttf, df));
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    long docCount = 0;
    long sumLength = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      long[] lengths = visible[leaf.ord].lengths(leaf.reader(), field);
      docCount += lengths[0];
      sumLength += lengths[1];
    }
    if (docCount == 0) {
      // as above: fixed statistics for a field that no visible document has
      return new CollectionStatistics(field, Math.max(visibleCount, 1), 1, 1, 1);
    }
    return new CollectionStatistics(
        field, visibleCount, docCount, Math.max(sumLength, docCount), docCount);
  }
}
