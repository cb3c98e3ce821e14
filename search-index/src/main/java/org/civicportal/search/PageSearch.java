package org.civicportal.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.civicportal.search.query.CitizenQueryParser;
import org.civicportal.search.schema.SearchFields;

/**
 * One page of one search on one audience's searcher: the hits after the previous page's last hit,
 * the exact total, and when asked the facets, all over the same documents (text AND audience AND
 * filters), then snippets and, for (almost) nothing found, a correction.
 */
final class PageSearch {

  /** Makes the cursor of the page that ends at a hit. */
  interface CursorWriter {
    String after(ScoreDoc last) throws IOException;
  }

  /** Lucene's default: beyond this many hits, counting may stop being exact. */
  private static final int TOTAL_HITS_THRESHOLD = 1000;

  private final AudienceSearcher searcher;
  private final Analyzer analyzer;
  private final CitizenQueryParser parser;
  private final FieldInfos fieldInfos;

  /** {@code fieldInfos}: the fields of the searcher's reader, merged over its segments. */
  PageSearch(
      AudienceSearcher searcher,
      Analyzer analyzer,
      CitizenQueryParser parser,
      FieldInfos fieldInfos) {
    this.searcher = searcher;
    this.analyzer = analyzer;
    this.parser = parser;
    this.fieldInfos = fieldInfos;
  }

  SearchResult run(
      Query text, SearchQuery request, ScoreDoc after, Instant now, CursorWriter cursors)
      throws IOException {
    Query filters = filters(request.filters(), now);
    BooleanQuery.Builder restricted = new BooleanQuery.Builder();
    restricted.add(searcher.visibleDocs(), Occur.FILTER);
    if (filters != null) {
      restricted.add(filters, Occur.FILTER);
    }
    Query restrictions = restricted.build();
    // A record found in several of the languages searched shows once (see Translations).
    Query filtersButLanguage = filters(request.filters().withLanguage(null), now);
    FixedBitSet[] replaced =
        Translations.replaced(searcher, text, filtersButLanguage, request.languages());
    BooleanQuery.Builder matchingBuilder =
        new BooleanQuery.Builder().add(text, Occur.MUST).add(restrictions, Occur.FILTER);
    if (replaced != null) {
      matchingBuilder.add(
          new LeafBitsQuery(searcher.getIndexReader(), replaced, null, "replacedTranslations"),
          Occur.MUST_NOT);
    }
    Query matching = matchingBuilder.build();
    // One more hit than the page tells whether there is a next page. The exact total (the portal
    // shows "42 results", never a lower bound) and the facets are counted over every match.
    TopScoreDocCollectorManager best =
        new TopScoreDocCollectorManager(request.size() + 1, after, TOTAL_HITS_THRESHOLD);
    TopDocs top;
    VisibleMatches.Counted counted = null;
    if (request.facets() && !skipsWell(text)) {
      // Scoring must visit most matches anyway (a conjunction, a phrase): count them as it does.
      Object[] both =
          searcher.search(
              matching,
              new MultiCollectorManager(
                  best, VisibleMatches.alongside(searcher, request.facets(), now)));
      top = (TopDocs) both[0];
      counted = (VisibleMatches.Counted) both[1];
    } else {
      // The best hits with Lucene's usual hit-count threshold, so that BM25 skips the matches
      // that cannot make the page; then the total and facets in a pass without scoring, unless
      // the first pass counted every match and no facets are asked.
      top = searcher.search(matching, best);
      if (request.facets() || top.totalHits.relation != TotalHits.Relation.EQUAL_TO) {
        counted = VisibleMatches.count(searcher, text, filters, replaced, request.facets(), now);
      }
    }
    long total = counted == null ? top.totalHits.value : counted.total();
    Map<String, Map<String, Long>> facets = counted == null ? Map.of() : counted.facets();
    boolean more = top.scoreDocs.length > request.size();
    ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.size()));
    List<SearchHit> hits = hits(text, page, request.languages());
    String nextCursor = more ? cursors.after(page[page.length - 1]) : null;
    String didYouMean =
        total < SearchIndex.DID_YOU_MEAN_BELOW
            ? Suggestions.didYouMean(
                    searcher,
                    parser,
                    request,
                    corrected -> {
                      FixedBitSet[] replacedThere =
                          Translations.replaced(
                              searcher, corrected, filtersButLanguage, request.languages());
                      return VisibleMatches.count(
                              searcher, corrected, filters, replacedThere, false, now)
                          .total();
                    },
                    total)
                .orElse(null)
            : null;
    return new SearchResult(total, hits, facets, nextCursor, didYouMean);
  }

  /**
   * Whether BM25 can skip most matches when it looks for the best: a word or a prefix in any of the
   * fields, or several joined by OR. Conjunctions and phrases must check most candidates whatever
   * their scores.
   */
  static boolean skipsWell(Query text) {
    if (text instanceof BoostQuery boosted) {
      return skipsWell(boosted.getQuery());
    }
    if (text instanceof TermQuery || text instanceof MultiTermQuery) {
      return true;
    }
    if (text instanceof BooleanQuery bool) {
      return bool.getMinimumNumberShouldMatch() <= 1
          && bool.clauses().stream()
              .allMatch(
                  clause -> clause.getOccur() == Occur.SHOULD && skipsWell(clause.getQuery()));
    }
    return false;
  }

  /** The page's filters, every clause a non-scoring filter; null when there are none. */
  private static Query filters(SearchFilters filters, Instant now) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    if (!filters.types().isEmpty()) {
      List<BytesRef> types = filters.types().stream().map(BytesRef::new).toList();
      all.add(new TermInSetQuery(SearchFields.TYPE, types), Occur.FILTER);
    }
    addTerm(all, SearchFields.AGENCY, filters.agency());
    addTerm(all, SearchFields.CATEGORY, filters.category());
    addTerm(all, SearchFields.LANGUAGE, filters.language());
    addTerm(
        all, SearchFields.LEVEL_RANK, filters.level() == null ? null : filters.level().toString());
    if (filters.updated() != null) {
      all.add(
          LongField.newRangeQuery(
              SearchFields.UPDATED, filters.updated().min(now), filters.updated().max(now)),
          Occur.FILTER);
    }
    BooleanQuery built = all.build();
    return built.clauses().isEmpty() ? null : built;
  }

  private static void addTerm(BooleanQuery.Builder all, String field, String value) {
    if (value != null) {
      all.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /**
   * The hits of the page: type, id, language and title read from the stored fields, and a snippet
   * each. The summary and body are read with them, in the same pass over each document, because the
   * snippets need them next ({@link AudienceSearcher#storedFields()} keeps them); the attachments,
   * which may be long, only when a snippet comes from them.
   */
  private List<SearchHit> hits(Query text, ScoreDoc[] page, List<String> languages)
      throws IOException {
    Set<String> fields = new HashSet<>(Documents.HIT_FIELDS);
    for (String language : languages) {
      fields.add(SearchFields.title(language));
      fields.add(SearchFields.summary(language));
      fields.add(SearchFields.body(language));
    }
    StoredFields storedFields = searcher.storedFields();
    int[] docs = new int[page.length];
    List<Document> stored = new ArrayList<>(page.length);
    List<String> hitLanguages = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      docs[i] = page[i].doc;
      stored.add(storedFields.document(docs[i], fields));
      hitLanguages.add(stored.get(i).get(SearchFields.LANGUAGE));
    }
    List<String> snippets =
        new Snippets(searcher, analyzer, fieldInfos)
            .forHits(text, docs, hitLanguages, storedFields);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      hits.add(Documents.toHit(stored.get(i), snippets.get(i)));
    }
    return hits;
  }
}
