package org.civicportal.testkind;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/** Writes test notes, for employees, within their clearance: the test kind's only door. */
@Path("test-notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestNotesResource {
  @Inject TestNoteKind kind;
  @Inject CurrentSubject subjects;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;

  public record NoteBody(String text, String classification) {}

  @POST
  @Transactional
  public Response create(NoteBody body) {
    return write(null, body);
  }

  @PUT
  @Path("{id}")
  @Transactional
  public Response update(@PathParam("id") long id, NoteBody body) {
    return write(id, body);
  }

  private Response write(Long id, NoteBody body) {
    var label =
        org.civicportal.classification.control.Marking.parse(
            tenants.scheme(CurrentTenant.code()), body.classification());
    if (!policy.mayLabel(subjects.get(), label)) {
      return Response.status(403).build();
    }
    TestNoteKind.Note note = kind.write(id, body.text(), body.classification());
    return Response.status(id == null ? 201 : 200)
        .entity(
            Map.of("id", note.id(), "version", note.version(), "classification", note.marking()))
        .build();
  }
}
