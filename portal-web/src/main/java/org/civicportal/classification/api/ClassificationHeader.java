package org.civicportal.classification.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Every API response carries the highest label of its content in a {@code Classification} header.
 * Resources that return labelled content set it themselves; everything else (public services,
 * problems, audit verdicts) holds nothing above the tenant's lowest level, and says so.
 */
@Provider
public class ClassificationHeader implements ContainerResponseFilter {
  public static final String NAME = "Classification";

  @Inject StaffDocuments documents;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.getHeaders().containsKey(NAME) && CurrentTenant.isSet()) {
      response.getHeaders().putSingle(NAME, documents.highest(List.of()));
    }
  }
}
