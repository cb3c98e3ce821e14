package org.civicportal.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.civicportal.indexing.control.PortalIndex;

/** What readiness probes ask: can the portal reach its database, and has its index caught up. */
@ApplicationScoped
public class SystemChecks {
  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Inject PortalIndex portalIndex;

  /** The database product answering ("H2", "PostgreSQL"), or empty when it does not answer. */
  public Optional<String> database() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2)
          ? Optional.of(connection.getMetaData().getDatabaseProductName())
          : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  public boolean indexReady() {
    return portalIndex.isReady();
  }

  public int indexedDocuments() {
    try {
      return portalIndex.index().documentCount();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
