package org.civicportal.persistence.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh, empty database of one kind for one test, with the URL and credentials JPA needs. */
public record TestDatabase(
    String name, DataSource dataSource, String url, String user, String password) {
  private static EmbeddedPostgres postgres;

  public static TestDatabase h2() {
    try {
      Path dir = Files.createTempDirectory("civic-h2");
      String url = "jdbc:h2:file:" + dir.resolve("portal");
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser("sa");
      ds.setPassword("");
      return new TestDatabase("H2", ds, url, "sa", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new database in one embedded PostgreSQL server, started on 127.0.0.1 on first use. */
  public static synchronized TestDatabase postgresql() {
    try {
      if (postgres == null) {
        postgres =
            EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopPostgres));
      }
      String db = "civic_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = pg("postgres").getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + db);
      }
      DataSource ds = pg(db);
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + db;
      return new TestDatabase("PostgreSQL", ds, url, "postgres", "postgres");
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL did not start", e);
    }
  }

  private static DataSource pg(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {postgres.getPort()});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    ds.setPassword("postgres");
    return ds;
  }

  private static void stopPostgres() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the temporary cluster is removed with its folder
    }
  }

  /** Properties that point a RESOURCE_LOCAL persistence unit at this database. */
  public Map<String, String> jpaProperties() {
    return Map.of(
        "jakarta.persistence.jdbc.url", url,
        "jakarta.persistence.jdbc.user", user,
        "jakarta.persistence.jdbc.password", password);
  }

  @Override
  public String toString() {
    return name;
  }
}
