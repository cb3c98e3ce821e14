package org.civicportal.notification.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicportal.notification.boundary.MailWording;
import org.civicportal.notification.control.MailTemplates;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /tenant/mail-templates/{kind}/{locale}}: the wording of the mails about requests
 * (submitted, status, message, replied) in each of the tenant's languages, for tenant admins.
 */
@Path("tenant/mail-templates/{kind}/{locale}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailTemplatesResource {
  @Inject MailWording wording;

  @GET
  @Operation(summary = "The wording in force, with its {placeholders}")
  public MailTemplates.Filled get(
      @PathParam("kind") String kind, @PathParam("locale") String locale) {
    return wording.current(kind, locale);
  }

  @PUT
  @Operation(
      summary = "Set the tenant's wording {subject, body}; both blank go back to the portal's")
  public MailTemplates.Filled put(
      @PathParam("kind") String kind, @PathParam("locale") String locale, Wording body) {
    return wording.define(
        kind, locale, body == null ? null : body.subject(), body == null ? null : body.body());
  }

  /** A subject and a body with placeholders. */
  public record Wording(String subject, String body) {}
}
