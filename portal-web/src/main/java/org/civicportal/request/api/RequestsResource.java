package org.civicportal.request.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.form.control.Answers;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.request.boundary.Casework;
import org.civicportal.request.boundary.RequestQueues;
import org.civicportal.request.boundary.ServiceRequests;
import org.civicportal.request.control.Submission;
import org.civicportal.request.entity.RequestChannel;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.web.BaseUrl;
import org.civicportal.web.FileDownloads;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Service requests for the portal's own pages and apps. A citizen lists and reads their own
 * requests; a case worker their agencies' queue up to their clearance. Anyone else gets 404 for a
 * request, whether it was made here or through Open311. Responses carry the highest label of what
 * they hold in the {@code Classification} header.
 */
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestsResource {
  static final String CLASSIFICATION = "Classification";

  @Inject ServiceRequests requests;
  @Inject RequestQueues queues;
  @Inject Casework casework;
  @Inject CurrentSubject subjects;
  @Inject StaffDocuments labels;
  @Context HttpServletRequest servlet;

  @GET
  @Operation(
      summary = "The caller's requests (a citizen's own; the agencies' queue for case workers)")
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("agency") String agency,
      @QueryParam("assignee") String assignee,
      @QueryParam("unassigned") boolean unassigned,
      @QueryParam("overdue") boolean overdue,
      @QueryParam("service") String service,
      @QueryParam("team") String team) {
    Subject subject = requireSignedIn();
    List<ServiceRequest> visible =
        queues.visible(filter(state, agency, assignee, unassigned, overdue, service, team));
    boolean staff = subject.clearance().isPresent();
    return Response.ok(visible.stream().map(r -> RequestSummary.of(r, staff)).toList())
        .header(
            CLASSIFICATION, labels.highest(visible.stream().map(ServiceRequest::marking).toList()))
        .build();
  }

  static RequestQueues.Filter filter(
      String state,
      String agency,
      String assignee,
      boolean unassigned,
      boolean overdue,
      String service,
      String team) {
    Optional<RequestState> s = Optional.empty();
    if (state != null && !state.isBlank()) {
      s =
          Optional.of(
              RequestState.ofExternal(state)
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              "state",
                              "Unknown state " + state + "; use e.g. submitted, in-progress.")));
    }
    return new RequestQueues.Filter(
        blank(agency), s, blank(assignee), unassigned, overdue, blank(service), blank(team));
  }

  private static Optional<String> blank(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  @Operation(summary = "The queue as CSV, with the same filters as the list")
  public Response export(
      @QueryParam("state") String state,
      @QueryParam("agency") String agency,
      @QueryParam("assignee") String assignee,
      @QueryParam("unassigned") boolean unassigned,
      @QueryParam("overdue") boolean overdue,
      @QueryParam("service") String service,
      @QueryParam("team") String team) {
    requireSignedIn();
    RequestQueues.Filter filter =
        filter(state, agency, assignee, unassigned, overdue, service, team);
    List<ServiceRequest> visible = queues.visible(filter);
    return Response.ok(queues.exportCsv(filter))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"requests.csv\"")
        .header(
            CLASSIFICATION, labels.highest(visible.stream().map(ServiceRequest::marking).toList()))
        .build();
  }

  @GET
  @Path("dashboard")
  @Operation(summary = "Counts for the agency dashboard, over what the caller may see")
  public Response dashboard(@QueryParam("agency") String agency) {
    requireSignedIn();
    RequestQueues.Filter filter = filter(null, agency, null, false, false, null, null);
    List<ServiceRequest> visible = queues.visible(filter);
    return Response.ok(queues.dashboard(filter))
        .header(
            CLASSIFICATION, labels.highest(visible.stream().map(ServiceRequest::marking).toList()))
        .build();
  }

  @GET
  @Path("{reference}")
  @Operation(summary = "One request, if the caller may see it (404 otherwise)")
  public Response get(@PathParam("reference") String reference, @Context UriInfo uri) {
    requireSignedIn();
    return detail(Response.ok(), found(reference), uri);
  }

  @POST
  @Operation(
      summary =
          "Submit a request: {service, language, answers, email, files:[{question, name,"
              + " content(base64)}], classification}. A classification above the service's"
              + " ceiling, or one the submitter may not set, is refused (400), never replaced."
              + " Send an Idempotency-Key header so that a retry makes one request.")
  public Response submit(
      NewRequest body,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context UriInfo uri) {
    if (body == null || body.service() == null) {
      throw new InvalidInputException(
          "service", "Send a JSON object with service (its code), answers and, for guests, email.");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 80)) {
      throw new InvalidInputException("Idempotency-Key", "Use 1 to 80 characters.");
    }
    List<Submission.NewFile> files = new ArrayList<>();
    if (body.files() != null) {
      for (NewFile f : body.files()) {
        try {
          files.add(
              new Submission.NewFile(
                  f.question(),
                  f.name(),
                  Base64.getMimeDecoder().decode(f.content() == null ? "" : f.content())));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("files", "A file's content must be base64.");
        }
      }
    }
    Subject subject = subjects.get();
    ServiceRequest created =
        requests.submit(
            new Submission(
                body.service(),
                body.language() == null ? "en" : body.language(),
                Answers.of(body.answers() == null ? Map.of() : body.answers()),
                Optional.empty(),
                Optional.ofNullable(body.email()),
                RequestChannel.API,
                Optional.ofNullable(idempotencyKey).map(k -> "api-" + subject.name() + "-" + k),
                Optional.empty(),
                Optional.empty(),
                files,
                Optional.ofNullable(body.classification())),
            BaseUrl.of(servlet));
    // a guest cannot read the request through this API afterwards: they follow it by their link
    if (!subject.isSignedIn()) {
      return Response.created(uri.getAbsolutePathBuilder().path(created.reference()).build())
          .entity(Map.of("reference", created.reference(), "state", created.state().external()))
          .build();
    }
    return detail(
        Response.created(uri.getAbsolutePathBuilder().path(created.reference()).build()),
        created,
        uri);
  }

  @POST
  @Path("{reference}/transitions")
  @Operation(
      summary = "Move a request on (case workers): {state, note}; note is shown to the citizen")
  public Response move(
      @PathParam("reference") String reference, Transition body, @Context UriInfo uri) {
    requireSignedIn();
    if (body == null || body.state() == null) {
      throw new InvalidInputException("state", "Send {state, note}.");
    }
    RequestState to =
        RequestState.ofExternal(body.state())
            .orElseThrow(
                () -> new InvalidInputException("state", "Unknown state " + body.state() + "."));
    ServiceRequest r = casework.move(reference, to, body.note(), BaseUrl.of(servlet));
    return detail(Response.ok(), r, uri);
  }

  @POST
  @Path("{reference}/assignment")
  @Operation(summary = "Assign a request to a case worker of its agency: {assignee}")
  public Response assign(
      @PathParam("reference") String reference, Assignment body, @Context UriInfo uri) {
    requireSignedIn();
    ServiceRequest r = casework.assign(reference, body == null ? null : body.assignee());
    return detail(Response.ok(), r, uri);
  }

  @POST
  @Path("{reference}/team")
  @Operation(summary = "Route a request to a team of its agency (case workers): {team}")
  public Response route(
      @PathParam("reference") String reference, Assignment body, @Context UriInfo uri) {
    requireSignedIn();
    return detail(Response.ok(), casework.route(reference, body == null ? null : body.team()), uri);
  }

  @POST
  @Path("assignments")
  @Operation(summary = "Assign several requests at once: {references, assignee}; all or none")
  public Response assignAll(BulkAssignment body) {
    requireSignedIn();
    if (body == null || body.references() == null || body.references().isEmpty()) {
      throw new InvalidInputException("references", "Name the requests to assign.");
    }
    int n = casework.assignAll(body.references(), body.assignee());
    return Response.ok(Map.of("assigned", n)).build();
  }

  @POST
  @Path("{reference}/withdrawal")
  @Operation(summary = "The citizen withdraws their request before it is assigned")
  public Response withdraw(@PathParam("reference") String reference, @Context UriInfo uri) {
    requireSignedIn();
    return detail(Response.ok(), requests.withdraw(reference), uri);
  }

  @POST
  @Path("{reference}/messages")
  @Operation(summary = "Write to the other side (citizen or case worker): {body}")
  public Response write(@PathParam("reference") String reference, Text body, @Context UriInfo uri) {
    requireSignedIn();
    requests.write(reference, body == null ? null : body.body(), BaseUrl.of(servlet));
    return detail(Response.ok(), found(reference), uri);
  }

  @POST
  @Path("{reference}/notes")
  @Operation(
      summary = "An internal note (case workers): {body, classification}; never shown to citizens")
  public Response note(@PathParam("reference") String reference, Note body, @Context UriInfo uri) {
    requireSignedIn();
    if (body == null) {
      throw new InvalidInputException("body", "Send {body, classification}.");
    }
    casework.note(reference, body.body(), body.classification());
    return detail(Response.ok(), found(reference), uri);
  }

  @GET
  @Path("{reference}/files/{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A file of the request, as given")
  public Response file(@PathParam("reference") String reference, @PathParam("id") String id) {
    requireSignedIn();
    ServiceRequest r = found(reference);
    long fileId;
    try {
      fileId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NoSuchRecordException("No such file.");
    }
    var meta =
        requests.files(r).stream()
            .filter(f -> f.id() == fileId)
            .findFirst()
            .orElseThrow(() -> new NoSuchRecordException("No such file."));
    byte[] bytes =
        requests.content(r, fileId).orElseThrow(() -> new NoSuchRecordException("No such file."));
    return FileDownloads.of(bytes, meta.mediaType(), fileId, meta.fileName(), r.marking());
  }

  private ServiceRequest found(String reference) {
    return requests
        .find(reference)
        .orElseThrow(() -> new NoSuchRecordException("No request " + reference + "."));
  }

  private Response detail(Response.ResponseBuilder builder, ServiceRequest r, UriInfo uri) {
    Subject subject = subjects.get();
    boolean staff = subject.clearance().isPresent();
    List<RequestMessage> thread = requests.thread(r);
    String title = requests.serviceTitle(r, r.language());
    String base =
        uri.getBaseUri().toString().replaceAll("/$", "") + "/requests/" + r.reference() + "/files";
    List<String> markings = new ArrayList<>();
    markings.add(r.marking());
    thread.forEach(m -> markings.add(m.marking()));
    return builder
        .entity(
            RequestDetail.of(r, title, staff, requests.history(r), thread, requests.files(r), base))
        .header(CLASSIFICATION, labels.highest(markings))
        .build();
  }

  private Subject requireSignedIn() {
    Subject subject = subjects.get();
    if (!subject.isSignedIn()) {
      throw new NotAuthorizedException("Sign in to see requests.", "Basic realm=\"civic\"");
    }
    return subject;
  }

  /** A request as submitted through the API. */
  public record NewRequest(
      String service,
      String language,
      Map<String, List<String>> answers,
      String email,
      List<NewFile> files,
      String classification) {}

  /** A file sent with a request, its bytes in base64. */
  public record NewFile(String question, String name, String content) {}

  public record Transition(String state, String note) {}

  /** An assignee or a team, as the route needs. */
  public record Assignment(String assignee, String team) {}

  public record BulkAssignment(List<String> references, String assignee) {}

  public record Text(String body) {}

  public record Note(String body, String classification) {}
}
