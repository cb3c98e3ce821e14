package org.civicportal.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

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
 */
final class AudienceSearcher extends IndexSearcher {
  private final FixedBitSet[] visible;
  private final int visibleCount;

  AudienceSearcher(IndexReader reader, Query visibleFilter) throws IOException {
    super(reader);
    List<LeafReaderContext> leaves = getIndexReader().leaves();
    visible = new FixedBitSet[leaves.size()];
    Weight weight =
        createWeight(
            rewrite(new ConstantScoreQuery(visibleFilter)), ScoreMode.COMPLETE_NO_SCORES, 1f);
    int count = 0;
    for (LeafReaderContext leaf : leaves) {
      FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null) {
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (live == null || live.get(doc)) {
            bits.set(doc);
          }
        }
      }
      visible[leaf.ord] = bits;
      count += bits.cardinality();
    }
    visibleCount = count;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    long df = 0;
    long ttf = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(term.bytes())) {
        continue;
      }
      FixedBitSet bits = visible[leaf.ord];
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (bits.get(doc)) {
          df++;
          ttf += postings.freq();
        }
      }
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
      NumericDocValues norms = leaf.reader().getNormValues(field);
      if (norms == null) {
        continue;
      }
      FixedBitSet bits = visible[leaf.ord];
      for (int doc = bits.nextSetBit(0);
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc =
              doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        if (norms.advanceExact(doc)) {
          docCount++;
          sumLength += SmallFloat.byte4ToInt((byte) norms.longValue());
        }
      }
    }
    if (docCount == 0) {
      // as above: fixed statistics for a field that no visible document has
      return new CollectionStatistics(field, Math.max(visibleCount, 1), 1, 1, 1);
    }
    return new CollectionStatistics(
        field, visibleCount, docCount, Math.max(sumLength, docCount), docCount);
  }
}
