package org.civicportal.benchmark;

/** What answers the query; each is measured on the same documents and the same queries. */
public enum Variant {
  /** Lucene's IndexSearcher on the index directory: BM25 top 10, no filter, no exact total. */
  RAW_LUCENE,
  /**
   * {@code SearchIndex.search} for an audience: filter, exact total, stored fields, snippets; on as
   * many threads per search as there are cores.
   */
  SECURED,
  /**
   * The same with facet counts (see {@code SearchBenchmark.securedWithFacets}), each search on as
   * many threads as there are cores (SearchIndex's default: a share of the segments per thread).
   */
  SECURED_WITH_FACETS,
  /** The same, each search on its calling thread alone, as raw Lucene's are. */
  SECURED_WITH_FACETS_ONE_THREAD,
  /** PostgreSQL: GIN index on a weighted tsvector, top 10 by ts_rank_cd, visibility in WHERE. */
  POSTGRES,
  /** The same plus a GROUP BY count of the matches per type and per agency. */
  POSTGRES_WITH_FACETS;

  /** The column name in the report. */
  public String label() {
    return switch (this) {
      case RAW_LUCENE -> "raw Lucene";
      case SECURED -> "secured";
      case SECURED_WITH_FACETS -> "secured + facets";
      case SECURED_WITH_FACETS_ONE_THREAD -> "secured + facets, 1 thread per search";
      case POSTGRES -> "PostgreSQL";
      case POSTGRES_WITH_FACETS -> "PostgreSQL + facets";
    };
  }

  boolean usesPostgres() {
    return this == POSTGRES || this == POSTGRES_WITH_FACETS;
  }
}
