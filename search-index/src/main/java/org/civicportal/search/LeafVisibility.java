package org.civicportal.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

/**
 * The live documents of one segment reader that one audience may see, and the scoring statistics
 * over them, each computed on first use and kept with the entry in {@link VisibilityCache}.
 *
 * <p>Statistics must be the same whether or not invisible documents share the segment, or the
 * ranking would leak them; so they are always counted over the visible documents (the segment's own
 * statistics are used only where they are provably equal: every document live and visible).
 */
final class LeafVisibility {

  // Term statistics are kept for large segments only, where counting a term's visible postings
  // costs about as much as the search itself; in small ones recounting is cheaper than keeping.
  // Enough for the words of many recent queries; beyond it the map starts again.
  private static final int TERM_CACHE_MIN_DOCS = 8192;
  private static final int MAX_CACHED_TERMS = 1024;
  private static final long BYTES_PER_CACHED_TERM = 128;
  private static final long[] NONE = {0, 0};

  /**
   * Per field, the number of documents of a segment core in a bit set that have the field and the
   * sum of their lengths (from the norms, BM25's own one-byte length). Deleted documents are
   * included; {@link LeafVisibility} subtracts its own.
   */
  static final class Lengths {
    private final FixedBitSet bits;
    private final Map<String, long[]> byField = new ConcurrentHashMap<>();

    Lengths(FixedBitSet bits) {
      this.bits = bits;
    }

    long[] of(LeafReader reader, String field) throws IOException {
      long[] cached = byField.get(field);
      if (cached == null) {
        cached = sum(reader, field, new BitSetIterator(bits, bits.cardinality()));
        byField.put(field, cached);
      }
      return cached;
    }
  }

  private final FixedBitSet bits;
  private final int count;
  private final boolean everyDocument;
  private final VisibilityCache.CoreVisibility core;
  private final int[] deletedVisible;
  private final Map<String, long[]> lengths = new ConcurrentHashMap<>();
  private final Map<Term, long[]> terms; // null when not cached

  private LeafVisibility(
      FixedBitSet bits,
      int count,
      boolean everyDocument,
      VisibilityCache.CoreVisibility core,
      int[] deletedVisible) {
    this.bits = bits;
    this.count = count;
    this.everyDocument = everyDocument;
    this.core = core;
    this.deletedVisible = deletedVisible;
    this.terms = bits.length() >= TERM_CACHE_MIN_DOCS ? new ConcurrentHashMap<>() : null;
  }

  static LeafVisibility of(VisibilityCache.CoreVisibility core, LeafReader reader)
      throws IOException {
    Bits live = reader.getLiveDocs();
    if (live == null) {
      return new LeafVisibility(
          core.bits(), core.count(), core.count() == reader.maxDoc(), core, new int[0]);
    }
    FixedBitSet bits = core.bits().clone();
    int[] deleted = new int[0];
    int deletedCount = 0;
    DocIdSetIterator visible = new BitSetIterator(core.bits(), core.count());
    for (int doc = visible.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = visible.nextDoc()) {
      if (!live.get(doc)) {
        bits.clear(doc);
        deleted = ArrayUtil.grow(deleted, deletedCount + 1);
        deleted[deletedCount++] = doc;
      }
    }
    return new LeafVisibility(
        bits,
        core.count() - deletedCount,
        false,
        core,
        ArrayUtil.copyOfSubArray(deleted, 0, deletedCount));
  }

  /** The visible live documents. */
  FixedBitSet bits() {
    return bits;
  }

  /** How many there are. */
  int count() {
    return count;
  }

  /** Memory this entry may come to hold, for the cache's bound. */
  long ramBytesUsed() {
    return bits.ramBytesUsed()
        + Integer.BYTES * (long) deletedVisible.length
        + (terms == null ? 0 : MAX_CACHED_TERMS * BYTES_PER_CACHED_TERM)
        + 256;
  }

  /** Visible live documents with the field, and the sum of their lengths in it. */
  long[] lengths(LeafReader reader, String field) throws IOException {
    long[] cached = lengths.get(field);
    if (cached == null) {
      long[] all = core.lengths().of(reader, field);
      cached = all.clone();
      NumericDocValues norms = deletedVisible.length == 0 ? null : reader.getNormValues(field);
      for (int doc : deletedVisible) { // ascending, as advanceExact requires
        if (norms != null && norms.advanceExact(doc)) {
          cached[0]--;
          cached[1] -= SmallFloat.byte4ToInt((byte) norms.longValue());
        }
      }
      lengths.put(field, cached);
    }
    return cached;
  }

  /** Visible live documents containing the term, and its total frequency in them. */
  long[] termStatistics(LeafReader reader, Term term) throws IOException {
    long[] cached = terms == null ? null : terms.get(term);
    if (cached != null) {
      return cached;
    }
    Terms fieldTerms = reader.terms(term.field());
    if (fieldTerms == null) {
      return NONE;
    }
    TermsEnum termsEnum = fieldTerms.iterator();
    return termsEnum.seekExact(term.bytes()) ? termStatistics(term, termsEnum) : NONE;
  }

  /** The same, for the term a terms enum stands on. */
  long[] termStatistics(Term term, TermsEnum positioned) throws IOException {
    long[] cached = terms == null ? null : terms.get(term);
    if (cached != null) {
      return cached;
    }
    if (count == 0) {
      return NONE;
    }
    long[] computed;
    if (everyDocument) {
      computed = new long[] {positioned.docFreq(), positioned.totalTermFreq()};
    } else {
      PostingsEnum postings = positioned.postings(null, PostingsEnum.FREQS);
      DocIdSetIterator both =
          ConjunctionUtils.intersectIterators(List.of(postings, new BitSetIterator(bits, count)));
      long docFreq = 0;
      long totalTermFreq = 0;
      for (int doc = both.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = both.nextDoc()) {
        docFreq++;
        totalTermFreq += postings.freq();
      }
      computed = new long[] {docFreq, totalTermFreq};
    }
    if (terms != null) {
      if (terms.size() >= MAX_CACHED_TERMS) {
        terms.clear();
      }
      terms.put(new Term(term.field(), BytesRef.deepCopyOf(term.bytes())), computed);
    }
    return computed;
  }

  private static long[] sum(LeafReader reader, String field, DocIdSetIterator docs)
      throws IOException {
    NumericDocValues norms = reader.getNormValues(field);
    if (norms == null) {
      return NONE;
    }
    long docCount = 0;
    long sumLength = 0;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (norms.advanceExact(doc)) {
        docCount++;
        sumLength += SmallFloat.byte4ToInt((byte) norms.longValue());
      }
    }
    return new long[] {docCount, sumLength};
  }
}
