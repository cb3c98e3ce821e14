package org.civicportal.search;

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

/**
 * Matches the documents an {@link AudienceSearcher}'s audience may see, from its cached bit sets:
 * the same documents as {@link Documents#visibleTo}, without evaluating that filter again. Valid
 * only on that searcher's reader; never cached by Lucene's query cache (it is a cache already).
 */
final class VisibleDocsQuery extends Query {

  private final AudienceSearcher searcher;

  VisibleDocsQuery(AudienceSearcher searcher) {
    this.searcher = searcher;
  }

  @Override
  public Weight createWeight(IndexSearcher indexSearcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        LeafVisibility visibility = searcher.visibility(context);
        if (visibility.count() == 0) {
          return null;
        }
        return new ConstantScoreScorer(
            this, score(), scoreMode, new BitSetIterator(visibility.bits(), visibility.count()));
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
    return "visibleTo(" + searcher.audience().tenant() + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VisibleDocsQuery visible && visible.searcher == searcher;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(searcher);
  }
}
