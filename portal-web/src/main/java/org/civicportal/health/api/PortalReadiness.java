package org.civicportal.health.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.civicportal.health.boundary.SystemChecks;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the search index has caught up with it. */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {
  @Inject SystemChecks checks;

  @Override
  public HealthCheckResponse call() {
    Optional<String> database = checks.database();
    boolean index = checks.indexReady();
    return HealthCheckResponse.named("portal")
        .status(database.isPresent() && index)
        .withData("database", database.isPresent() ? "UP" : "DOWN")
        .withData("databaseProduct", database.orElse("none"))
        .withData("index", index ? "UP" : "CATCHING_UP")
        .withData("indexedDocuments", checks.indexedDocuments())
        .build();
  }
}
