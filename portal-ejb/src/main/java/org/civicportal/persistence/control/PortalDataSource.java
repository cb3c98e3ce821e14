package org.civicportal.persistence.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The driver-level data source behind {@code java:app/jdbc/portal}: H2 or PostgreSQL, chosen from
 * {@link PortalSettings} when the container's pool first instantiates it. The container pools and
 * enlists the connections; this class only opens them.
 */
public class PortalDataSource implements DataSource {
  private static final Logger LOG = Logger.getLogger(PortalDataSource.class.getName());

  private final PortalSettings settings = PortalSettings.current();
  private final DataSource driver = driverFor(settings);

  static DataSource driverFor(PortalSettings settings) {
    if (settings.isPostgreSql()) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(settings.dbUrl());
      return pg;
    }
    if (settings.dbUrl().startsWith("jdbc:h2:")) {
      if (settings.delaysCommits()) {
        LOG.warning(
            "PORTAL_DB_URL gives H2 a WRITE_DELAY: changes the portal has confirmed can be lost"
                + " if its process stops abruptly (kill -9, out of memory). Leave WRITE_DELAY out"
                + " of the URL to have every commit written to the database file at once.");
      }
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(settings.dbUrl());
      return h2;
    }
    throw new IllegalStateException(
        "PORTAL_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, not " + settings.dbUrl());
  }

  @Override
  public Connection getConnection() throws SQLException {
    return driver.getConnection(settings.dbUser(), settings.dbPassword());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    // The pool may pass the (empty) user of the resource definition: the portal's own settings win.
    if (user == null || user.isEmpty()) {
      return getConnection();
    }
    return driver.getConnection(user, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || driver.isWrapperFor(type);
  }
}
