package org.civicportal.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicportal.search.SearchIndex;

/**
 * How many documents each query matches in each engine: all languages' documents of any label for
 * raw Lucene, the visible ones for the secured search and for PostgreSQL. Secured and PostgreSQL
 * totals differ only by analysis (stemmers, accent folding, stop words), which shows that both
 * search the same visible documents.
 *
 * @param query the query
 * @param raw matches in the whole index
 * @param secured {@code SearchResult.total()}
 * @param postgres visible matches counted by the PostgreSQL facet query
 */
record QueryTotals(BenchQuery query, long raw, long secured, long postgres) {

  static List<QueryTotals> measure(List<QueryKind> kinds, Path indexDir, String postgresUrl)
      throws Exception {
    List<QueryTotals> totals = new ArrayList<>();
    try (RawLuceneSearch raw = new RawLuceneSearch(indexDir);
        SearchIndex index = SearchIndex.open(indexDir);
        PostgresSearch postgres = new PostgresSearch(postgresUrl)) {
      for (QueryKind kind : kinds) {
        for (BenchQuery query : QuerySet.of(kind)) {
          totals.add(
              new QueryTotals(
                  query,
                  raw.count(query),
                  index.search(query.searchQuery()).total(),
                  postgres.facetTotal(query)));
        }
      }
    }
    return totals;
  }
}
