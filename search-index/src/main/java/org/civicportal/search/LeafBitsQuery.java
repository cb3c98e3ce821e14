package org.civicportal.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches the documents of per-segment bit sets made for one reader (a null set: none in that
 * segment): an audience's visible documents, from the {@link VisibilityCache}, without evaluating
 * {@link Documents#visibleTo} again, or the versions a search leaves out ({@link Translations}).
 * Valid only on that reader; never cached by Lucene's query cache (the sets are a cache already, or
 * belong to one search).
 */
final class LeafBitsQuery extends Query {

  private final IndexReader reader;
  private final FixedBitSet[] bits;
  private final int[] counts;
  private final String name;

  /**
   * @param bits per segment, by its ordinal in the reader
   * @param counts per segment, how many bits are set; null to count them when needed
   * @param name what the query prints as
   */
  LeafBitsQuery(IndexReader reader, FixedBitSet[] bits, int[] counts, String name) {
    this.reader = reader;
    this.bits = bits;
    this.counts = counts;
    this.name = name;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader() != reader) {
      throw new IllegalStateException("A query of another reader: " + name);
    }
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        FixedBitSet leaf = bits[context.ord];
        int count = leaf == null ? 0 : counts == null ? leaf.cardinality() : counts[context.ord];
        if (count == 0) {
          return null;
        }
        return new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(leaf, count));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LeafBitsQuery that && that.bits == bits;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(bits);
  }
}
