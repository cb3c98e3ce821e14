package org.civicportal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.civicportal.search.schema.SearchFields;

/**
 * One hit per record when a search covers several languages (the reader's, then the tenant's
 * default): a record indexed in several of them shows in the first language, in the order searched,
 * whose version matches. Its other matching versions are replaced: left out of the hits, the total
 * and the facets alike. So a French reader finds a service by its French text or, when only the
 * English version has the words, by its English text, and sees it once either way.
 *
 * <p>Only documents that have translations ({@link SearchFields#TRANSLATED_INTO}) are looked at, so
 * a search in one language, or over records without translations, costs nothing more. What is
 * replaced depends only on the text, the languages, the audience, the filters and the commit, so
 * every page of one search replaces the same documents: no duplicates and no gaps across pages. A
 * version counts as matching only if the audience may see it, so a version the reader may not see
 * never hides one it may. The language filter is left out of the decision, so that filtering on a
 * language shows what that language's facet counted.
 */
final class Translations {

  private Translations() {}

  /**
   * The documents each segment replaces (null for a segment that replaces none), or null when
   * nothing is replaced.
   *
   * @param text the parsed text, as searched
   * @param filters the page's filters but the language, or null for none
   * @param languages the languages searched, the preferred first
   */
  static FixedBitSet[] replaced(
      AudienceSearcher searcher, Query text, Query filters, List<String> languages)
      throws IOException {
    if (languages.size() < 2) {
      return null;
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FixedBitSet[] replaced = new FixedBitSet[leaves.size()];
    boolean any = false;
    Set<BytesRef> shown = new HashSet<>(); // records whose version in an earlier language matches
    for (String language : languages) {
      Weight versions = matchingVersions(searcher, text, filters, languages, language);
      List<BytesRef> shownHere = new ArrayList<>();
      for (LeafReaderContext leaf : leaves) {
        Scorer scorer = versions.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        SortedDocValues records = DocValues.getSorted(leaf.reader(), SearchFields.RECORD);
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (!records.advanceExact(doc)) {
            continue;
          }
          BytesRef record = records.lookupOrd(records.ordValue());
          if (shown.contains(record)) {
            if (replaced[leaf.ord] == null) {
              replaced[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
            }
            replaced[leaf.ord].set(doc);
            any = true;
          } else {
            shownHere.add(BytesRef.deepCopyOf(record));
          }
        }
      }
      shown.addAll(shownHere);
    }
    return any ? replaced : null;
  }

  /**
   * The visible documents in one language that match the text and the filters and whose record is
   * also indexed in another of the languages searched.
   */
  private static Weight matchingVersions(
      AudienceSearcher searcher, Query text, Query filters, List<String> languages, String language)
      throws IOException {
    BooleanQuery.Builder translated = new BooleanQuery.Builder();
    for (String other : languages) {
      if (!other.equals(language)) {
        translated.add(new TermQuery(new Term(SearchFields.TRANSLATED_INTO, other)), Occur.SHOULD);
      }
    }
    BooleanQuery.Builder versions =
        new BooleanQuery.Builder()
            .add(text, Occur.MUST)
            .add(searcher.visibleDocs(), Occur.FILTER)
            .add(new TermQuery(new Term(SearchFields.LANGUAGE, language)), Occur.FILTER)
            .add(translated.build(), Occur.FILTER);
    if (filters != null) {
      versions.add(filters, Occur.FILTER);
    }
    return searcher.createWeight(
        searcher.rewrite(versions.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }
}
