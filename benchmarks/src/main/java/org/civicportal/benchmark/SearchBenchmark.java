package org.civicportal.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.civicportal.search.SearchIndex;
import org.civicportal.search.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One query kind answered one way, on the data {@link SearchBenchmarkMain} prepared: the index
 * directory (opened once per fork, read only) and the PostgreSQL server it keeps running. Each call
 * runs the next query of the kind's fixed set, so every measurement is a mix of French and English
 * queries for three audiences. Modes, threads and iterations are set by the runner.
 */
@State(Scope.Benchmark)
public class SearchBenchmark {

  @Param public QueryKind kind;

  @Param public Variant variant;

  /** The index directory written by {@code SearchIndex.rebuild}. */
  @Param("")
  public String indexDir;

  /** JDBC URL of the loaded PostgreSQL database. */
  @Param("")
  public String postgresUrl;

  private List<BenchQuery> queries;
  private RawLuceneSearch raw;
  private SearchIndex index;

  @Setup(Level.Trial)
  public void open() throws IOException {
    queries = QuerySet.of(kind);
    switch (variant) {
      case RAW_LUCENE -> raw = new RawLuceneSearch(Path.of(indexDir));
      case SECURED, SECURED_WITH_FACETS -> index = SearchIndex.open(Path.of(indexDir));
      case SECURED_WITH_FACETS_ONE_THREAD -> index = SearchIndex.open(Path.of(indexDir), 1);
      case POSTGRES, POSTGRES_WITH_FACETS -> {
        // connections are per thread, see Caller
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (raw != null) {
      raw.close();
    }
    if (index != null) {
      index.close();
    }
  }

  /** A calling thread: its place in the query cycle and, for PostgreSQL, its own connection. */
  @State(Scope.Thread)
  public static class Caller {
    private int next;
    private PostgresSearch postgres;

    @Setup(Level.Trial)
    public void connect(SearchBenchmark benchmark) throws SQLException {
      if (benchmark.variant.usesPostgres()) {
        postgres = new PostgresSearch(benchmark.postgresUrl);
      }
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      if (postgres != null) {
        postgres.close();
      }
    }

    BenchQuery nextOf(List<BenchQuery> queries) {
      BenchQuery query = queries.get(next);
      next = (next + 1) % queries.size();
      return query;
    }
  }

  @Benchmark
  public Object search(Caller caller) throws IOException, SQLException {
    BenchQuery query = caller.nextOf(queries);
    return switch (variant) {
      case RAW_LUCENE -> raw.search(query);
      case SECURED -> index.search(query.searchQuery());
      case SECURED_WITH_FACETS, SECURED_WITH_FACETS_ONE_THREAD -> securedWithFacets(query);
      case POSTGRES -> caller.postgres.topTen(query);
      case POSTGRES_WITH_FACETS ->
          caller.postgres.topTen(query) + caller.postgres.facetTotal(query);
    };
  }

  /**
   * The secured search with all its facet counts (type, agency, category, language, level, date
   * ranges), counted over the visible matches, at a fixed "now" so runs compare.
   */
  SearchResult securedWithFacets(BenchQuery query) throws IOException {
    return index.search(query.searchQuery().withFacets(true).at(FACETS_NOW));
  }

  static final java.time.Instant FACETS_NOW = java.time.Instant.parse("2026-11-26T00:00:00Z");
}
