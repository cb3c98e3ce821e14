package org.civicportal.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.Map;
import org.civicportal.search.Audience;

/**
 * PostgreSQL full-text search over the {@code document} table, on one connection with prepared
 * statements, as an application would run it. Not thread-safe: one per thread.
 */
public final class PostgresSearch implements AutoCloseable {

  private final Connection connection;
  private final Map<QueryKind, PreparedStatement> topTen = new EnumMap<>(QueryKind.class);
  private final Map<QueryKind, PreparedStatement> facets = new EnumMap<>(QueryKind.class);

  public PostgresSearch(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl);
    try {
      for (QueryKind kind : QueryKind.values()) {
        topTen.put(kind, connection.prepareStatement(PostgresSchema.topTen(kind)));
        facets.put(kind, connection.prepareStatement(PostgresSchema.facets(kind)));
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** The ids of the ten best visible documents, best first; the sum of ids, to be consumed. */
  public long topTen(BenchQuery query) throws SQLException {
    PreparedStatement statement = bind(topTen.get(query.kind()), query);
    long sum = 0;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        sum += rows.getLong(1) + rows.getString(2).length();
      }
    }
    return sum;
  }

  /** How many visible documents match, from the per-type counts of the facet query. */
  public long facetTotal(BenchQuery query) throws SQLException {
    PreparedStatement statement = bind(facets.get(query.kind()), query);
    long total = 0;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        // GROUPING SETS: a row of the type grouping has a null agency.
        if (rows.getString(2) == null) {
          total += rows.getLong(3);
        }
      }
    }
    return total;
  }

  private PreparedStatement bind(PreparedStatement statement, BenchQuery query)
      throws SQLException {
    Audience audience = query.audience();
    statement.setString(1, PostgresSchema.config(query.language()));
    statement.setString(2, query.words());
    statement.setString(3, query.language());
    statement.setString(4, audience.tenant());
    statement.setInt(5, audience.maxLevel());
    Array held = connection.createArrayOf("text", audience.compartments().toArray());
    statement.setArray(6, held);
    if (audience.nationality() == null) {
      statement.setNull(7, Types.VARCHAR);
    } else {
      statement.setString(7, audience.nationality());
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
