package org.civicportal.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The exact number of documents a search matches within what its audience may see, and their facet
 * counts when asked: every match of the text visited once, without scoring.
 *
 * <p>Why a pass of its own rather than counting while the best hits are scored: a collector that
 * must see every match forces Lucene to score every match too, and so to give up the skipping
 * (block-max WAND) that finds the best ten without scoring most matches. Here the text is matched
 * by its bulk scorer in non-scoring mode, which for a disjunction over the title, summary and body
 * fields is Lucene's windowed {@code BooleanScorer} rather than a priority queue of postings, and
 * the audience's documents (and the page's filters, if any) are the bulk scorer's accepted
 * documents: one bit test per match. A hidden document is rejected by that bit before it is counted
 * or its facet values are read, so it changes neither the total nor any count.
 *
 * <p>Uses the searcher's slices and executor, as its searches do: with several threads per search
 * each thread counts its own segments. No match is cached from one search to the next (the searcher
 * has no query cache): what this counts is the index as it is.
 */
final class VisibleMatches {

  /** The exact total, and the facets (empty when not asked). */
  record Counted(long total, Map<String, Map<String, Long>> facets) {}

  private VisibleMatches() {}

  /**
   * @param text the parsed text, as searched
   * @param filters the page's filters, beyond the audience's visibility; null for none
   * @param replaced per segment, the documents another language's version replaces (null: none)
   * @param facets whether to count facets too
   * @param now the instant the date ranges count back from
   */
  static Counted count(
      AudienceSearcher searcher,
      Query text,
      Query filters,
      FixedBitSet[] replaced,
      boolean facets,
      Instant now)
      throws IOException {
    Weight textWeight =
        searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Weight filterWeight =
        filters == null
            ? null
            : searcher.createWeight(searcher.rewrite(filters), ScoreMode.COMPLETE_NO_SCORES, 1f);
    int leafCount = searcher.getIndexReader().leaves().size();
    FacetCounts counts = facets ? new FacetCounts(now, leafCount) : null;
    long[] perLeaf = new long[leafCount];
    List<Callable<Void>> slices = new ArrayList<>();
    for (IndexSearcher.LeafSlice slice : searcher.getSlices()) {
      slices.add(
          () -> {
            for (LeafReaderContext leaf : slice.leaves) {
              FixedBitSet replacedHere = replaced == null ? null : replaced[leaf.ord];
              perLeaf[leaf.ord] =
                  countLeaf(searcher, leaf, textWeight, filterWeight, replacedHere, counts);
            }
            return null;
          });
    }
    searcher.getTaskExecutor().invokeAll(slices);
    long total = 0;
    for (long count : perLeaf) {
      total += count;
    }
    return new Counted(total, counts == null ? Map.of() : counts.result());
  }

  /**
   * The same counts, gathered while another collector scores the same matches (with {@link
   * org.apache.lucene.search.MultiCollectorManager}): for queries where scoring cannot skip much,
   * such as conjunctions and phrases, one pass costs less than two. The query searched must be the
   * text within the audience's documents and the filters.
   */
  static CollectorManager<Counting, Counted> alongside(
      AudienceSearcher searcher, boolean facets, Instant now) {
    FacetCounts counts =
        facets ? new FacetCounts(now, searcher.getIndexReader().leaves().size()) : null;
    return new CollectorManager<>() {
      @Override
      public Counting newCollector() {
        return new Counting(counts);
      }

      @Override
      public Counted reduce(Collection<Counting> collectors) throws IOException {
        long total = 0;
        for (Counting collector : collectors) {
          total += collector.count;
        }
        return new Counted(total, counts == null ? Map.of() : counts.result());
      }
    };
  }

  /** Counts the matches of the segments one thread searches. */
  static final class Counting implements Collector {
    private final FacetCounts facets; // null: count only
    private long count;

    private Counting(FacetCounts facets) {
      this.facets = facets;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      return new Counter(facets == null ? null : facets.leaf(leaf.ord, leaf.reader())) {
        @Override
        public void finish() {
          count += count();
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private static long countLeaf(
      AudienceSearcher searcher,
      LeafReaderContext leaf,
      Weight textWeight,
      Weight filterWeight,
      FixedBitSet replaced,
      FacetCounts counts)
      throws IOException {
    LeafVisibility visibility = searcher.visibility(leaf);
    if (visibility.count() == 0) {
      return 0;
    }
    FixedBitSet accepted = visibility.bits(); // live only: deleted documents are never visible
    if (filterWeight != null) {
      accepted = filtered(leaf, visibility, filterWeight);
      if (accepted == null) {
        return 0;
      }
    }
    if (replaced != null) {
      accepted = accepted == visibility.bits() ? accepted.clone() : accepted;
      accepted.andNot(replaced);
    }
    BulkScorer matches = textWeight.bulkScorer(leaf);
    if (matches == null) {
      return 0;
    }
    Counter counter = new Counter(counts == null ? null : counts.leaf(leaf.ord, leaf.reader()));
    matches.score(counter, accepted);
    return counter.count;
  }

  /** The visible documents that the filters keep; null when there are none. */
  private static FixedBitSet filtered(
      LeafReaderContext leaf, LeafVisibility visibility, Weight filterWeight) throws IOException {
    Scorer filter = filterWeight.scorer(leaf);
    if (filter == null) {
      return null;
    }
    DocIdSetIterator both =
        ConjunctionUtils.intersectIterators(
            List.of(filter.iterator(), new BitSetIterator(visibility.bits(), visibility.count())));
    FixedBitSet kept = new FixedBitSet(leaf.reader().maxDoc());
    boolean any = false;
    for (int doc = both.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = both.nextDoc()) {
      kept.set(doc);
      any = true;
    }
    return any ? kept : null;
  }

  /** Counts the accepted matches of one segment and, when asked, their facet values. */
  private static class Counter implements LeafCollector {
    private final FacetCounts.Leaf facets; // null: count only
    private long count;

    Counter(FacetCounts.Leaf facets) {
      this.facets = facets;
    }

    @Override
    public void setScorer(Scorable scorer) {
      // no scores needed
    }

    @Override
    public void collect(int doc) throws IOException {
      count++;
      if (facets != null) {
        facets.collect(doc);
      }
    }

    long count() {
      return count;
    }
  }
}
