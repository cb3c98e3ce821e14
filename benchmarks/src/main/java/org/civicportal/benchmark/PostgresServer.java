package org.civicportal.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * An embedded PostgreSQL 14 server on 127.0.0.1 whose data directory outlives it, so the loaded
 * documents are there for the next start. Settings are those of a database given the memory it
 * needs for a million documents on a 24 GiB machine, not the tiny defaults.
 */
public final class PostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts on {@code dataDir}, creating the cluster there if it holds none. */
  public static PostgresServer start(Path dataDir) throws IOException {
    return new PostgresServer(
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setLocaleConfig("locale", "C.UTF-8")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("shared_buffers", "2GB")
            .setServerConfig("effective_cache_size", "12GB")
            .setServerConfig("work_mem", "64MB")
            .setServerConfig("maintenance_work_mem", "2GB")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("checkpoint_timeout", "1h")
            .setPGStartupWait(Duration.ofSeconds(120))
            .start());
  }

  /** The URL of the {@code postgres} database, with its user. */
  public String jdbcUrl() {
    return url(postgres.getPort());
  }

  static String url(int port) {
    return String.format(
        Locale.ROOT,
        "jdbc:postgresql://127.0.0.1:%d/postgres?user=postgres&password=postgres",
        port);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
