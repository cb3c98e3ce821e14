package org.civicportal.health.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    boolean database = checks.databaseUp();
    boolean index = checks.indexReady();
    return HealthCheckResponse.named("portal")
        .status(database && index)
        .withData("database", database ? "UP" : "DOWN")
        .withData("index", index ? "UP" : "CATCHING_UP")
        .withData("indexedDocuments", checks.indexedDocuments())
        .build();
  }
}
