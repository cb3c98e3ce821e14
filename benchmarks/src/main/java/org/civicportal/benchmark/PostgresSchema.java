package org.civicportal.benchmark;

import java.util.Locale;
import java.util.Map;

/**
 * The PostgreSQL side's table and queries: one row per document, a stored tsvector weighted title
 * A, summary B, body C in the document's language's text search configuration, one GIN index on it,
 * and the same visibility rule as the search index, as a WHERE clause.
 */
final class PostgresSchema {

  static final String CREATE_TABLE =
      """
      CREATE TABLE document (
        id bigint PRIMARY KEY,
        tenant text NOT NULL,
        level smallint NOT NULL,
        compartments text[] NOT NULL,
        releasable_to text[] NOT NULL,
        language text NOT NULL,
        config regconfig NOT NULL,
        type text NOT NULL,
        agency text NOT NULL,
        category text NOT NULL,
        updated date NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(config, title), 'A')
          || setweight(to_tsvector(config, summary), 'B')
          || setweight(to_tsvector(config, body), 'C')) STORED)""";

  static final String COPY =
      "COPY document (id, tenant, level, compartments, releasable_to, language, config, type,"
          + " agency, category, updated, title, summary, body) FROM STDIN";

  static final String CREATE_INDEX = "CREATE INDEX document_search ON document USING gin (search)";

  /** Sets hint bits and the visibility map, and gathers statistics, as after any bulk load. */
  static final String VACUUM = "VACUUM (ANALYZE) document";

  private static final Map<String, String> CONFIGS =
      Map.of("en", "english", "fr", "french", "es", "spanish");

  // Parameters 1-2: configuration and words; 3-8: language, tenant, level, compartments held,
  // nationality. A document without releasability restriction has an empty array.
  private static final String FROM_WHERE =
      """
       FROM document d, %s AS q(query)
      WHERE d.search @@ q.query
        AND d.language = ?
        AND d.tenant = ?
        AND d.level <= ?
        AND d.compartments <@ ?::text[]
        AND (d.releasable_to = '{}' OR d.releasable_to @> ARRAY[?::text])""";

  private PostgresSchema() {}

  /** The text search configuration of a language, e.g. {@code french}. */
  static String config(String language) {
    String config = CONFIGS.get(language);
    if (config == null) {
      throw new IllegalArgumentException("No text search configuration for " + language);
    }
    return config;
  }

  /** The ten best visible documents by ts_rank_cd. */
  static String topTen(QueryKind kind) {
    return "SELECT d.id, d.title, ts_rank_cd(d.search, q.query) AS rank"
        + String.format(Locale.ROOT, FROM_WHERE, tsquery(kind))
        + "\n ORDER BY rank DESC LIMIT "
        + BenchQuery.TOP;
  }

  /** Visible matches counted per type and per agency, in one grouping. */
  static String facets(QueryKind kind) {
    return "SELECT d.type, d.agency, count(*)"
        + String.format(Locale.ROOT, FROM_WHERE, tsquery(kind))
        + "\n GROUP BY GROUPING SETS ((d.type), (d.agency))";
  }

  /** How the words become a tsquery: all words, a phrase, or a prefix. */
  static String tsquery(QueryKind kind) {
    return switch (kind) {
      case ONE_TERM, TWO_TERMS -> "plainto_tsquery(?::regconfig, ?)";
      case PHRASE -> "phraseto_tsquery(?::regconfig, ?)";
      case PREFIX -> "to_tsquery(?::regconfig, ? || ':*')";
    };
  }
}
