package org.civicportal.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.RevisionText;
import org.civicportal.identity.web.StaffAccess;

/** {@code /staff/services}: the services of the agencies the employee edits or reviews. */
@Named
@RequestScoped
public class ServiceDeskBacking {
  @Inject ServiceEditor editor;
  @Inject StaffAccess access;

  private List<PublicService> services = List.of();

  public void load() throws IOException {
    if (access.signedIn()) {
      services = editor.mine();
    }
  }

  public List<PublicService> getServices() {
    return services;
  }

  /** The newest revision's title in its source language. */
  public String title(PublicService service) {
    return service
        .latest()
        .text(service.latest().sourceLanguage())
        .map(RevisionText::title)
        .orElse(service.code());
  }

  /** Services waiting for a reviewer. */
  public long getWaiting() {
    return services.stream()
        .filter(s -> s.latest().state() == org.civicportal.catalog.entity.RevisionState.IN_REVIEW)
        .count();
  }
}
