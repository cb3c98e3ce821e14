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
 * Matches the documents of one search's per-segment bit sets (a null set: none in that segment).
 * Valid only on the reader the sets were made for; never cached.
 */
final class LeafBitsQuery extends Query {

  private final IndexReader reader;
  private final FixedBitSet[] bits;
  private final String name;

  LeafBitsQuery(IndexReader reader, FixedBitSet[] bits, String name) {
    this.reader = reader;
    this.bits = bits;
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
        if (leaf == null) {
          return null;
        }
        return new ConstantScoreScorer(
            this, score(), scoreMode, new BitSetIterator(leaf, leaf.cardinality()));
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
