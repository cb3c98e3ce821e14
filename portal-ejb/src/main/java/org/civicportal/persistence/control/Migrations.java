package org.civicportal.persistence.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway when the application starts, before anything
 * uses JPA. Other start-up beans declare {@code @DependsOn("Migrations")}.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/portal",
    className = "org.civicportal.persistence.control.PortalDataSource",
    minPoolSize = 2,
    maxPoolSize = 20)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = migrate(dataSource);
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /** Applies the migrations in {@code db/migration} to the given database. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
