package org.civicportal.catalog.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.control.RevisionDiff;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.language.api.ContentLanguages;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The service catalogue. Citizens read published services by slug; until a service is published,
 * its slug answers 404. Agency editors create and edit drafts by id and submit them; agency
 * reviewers publish them (now or at a time), send them back with a comment, or archive them.
 * Editorial calls need a signed-in editor or reviewer of the service's agency; to anyone else an
 * unpublished service's id is a 404.
 */
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {
  @Inject PublicServices services;
  @Inject ServiceEditor editor;
  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;

  @GET
  @Operation(
      summary =
          "Every published service, in the requested language where it has a text in it, else in"
              + " the portal's default language (fallback: true), by title")
  public List<ServiceSummary> list(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
    String language = ContentLanguages.requested(lang, headers);
    return services.catalogue(language, defaultLanguage()).stream()
        .map(ServiceSummary::of)
        .toList();
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary =
          "One published service by the slug of any of its texts; with lang, the text in that"
              + " language if it has one (else the slug's own, with fallback: true)")
  public ServiceDetail get(@PathParam("slug") String slug, @QueryParam("lang") String lang) {
    if (lang != null) {
      ContentLanguages.requested(lang, null);
    }
    ServiceTranslation found =
        services
            .publishedBySlug(slug)
            .orElseThrow(
                () -> new NotFoundException("No published service has the slug '" + slug + "'."));
    ServiceTranslation chosen =
        lang == null ? found : found.service().translation(lang).orElse(found);
    return ServiceDetail.of(chosen, lang != null && !chosen.language().equals(lang));
  }

  // --- editorial ------------------------------------------------------------------------------

  @POST
  @Operation(summary = "Start a service as a draft (agency editors)")
  public Response create(NewService request, @Context UriInfo uri) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException(
          "body", "Send {title, summary, body, lang, category?, agency?}.");
    }
    PublicService created =
        editor.create(
            request.agency(),
            request.lang() == null ? defaultLanguage() : request.lang(),
            ServiceText.of(request.title(), request.summary(), request.body()),
            blankToNull(request.category()),
            blankToNull(request.externalId()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(EditorialService.of(created, locales()))
        .build();
  }

  @GET
  @Path("{id: [0-9]+}/editorial")
  @Operation(summary = "A service as its editors and reviewers see it: the newest revision")
  public EditorialService editorial(@PathParam("id") long id) {
    requireSignedIn();
    return EditorialService.of(found(id), locales());
  }

  @PUT
  @Path("{id: [0-9]+}")
  @Operation(
      summary =
          "Edit the draft (a published service gets a new draft): the text in lang (default: the"
              + " source language) and the service-wide facts sent")
  public EditorialService edit(@PathParam("id") long id, ServiceEdit request) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException("body", "Send the fields to change.");
    }
    PublicService service = found(id);
    String language = request.lang() == null ? service.latest().sourceLanguage() : request.lang();
    editor.edit(
        id,
        language,
        request.slug(),
        request.hasText() ? request.text() : null,
        request.hasFacts()
            ? new ServiceEditor.Facts(
                request.category(),
                request.channels(),
                request.tags(),
                request.related(),
                request.ceiling(),
                request.processingDays())
            : null);
    return EditorialService.of(found(id), locales());
  }

  @PUT
  @Path("{id: [0-9]+}/translations/{lang}")
  @Operation(summary = "Write the draft's text in one language")
  public EditorialService translate(
      @PathParam("id") long id, @PathParam("lang") String lang, ServiceEdit request) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException("body", "Send {title, summary, body}.");
    }
    editor.write(id, lang, request.slug(), request.text());
    return EditorialService.of(found(id), locales());
  }

  @DELETE
  @Path("{id: [0-9]+}/translations/{lang}")
  @Operation(summary = "Remove the draft's text in one language (not the source language)")
  public EditorialService removeTranslation(
      @PathParam("id") long id, @PathParam("lang") String lang) {
    requireSignedIn();
    editor.removeTranslation(id, lang);
    return EditorialService.of(found(id), locales());
  }

  @POST
  @Path("{id: [0-9]+}/submit")
  @Operation(summary = "Hand the draft to the agency's reviewers (editors): state in-review")
  public EditorialService submit(@PathParam("id") long id) {
    requireSignedIn();
    editor.submit(id);
    return EditorialService.of(found(id), locales());
  }

  @POST
  @Path("{id: [0-9]+}/publish")
  @Operation(
      summary =
          "Publish the revision in review now, or at {at} (ISO 8601) (reviewers, not the"
              + " submitter): state published or scheduled")
  public EditorialService publish(@PathParam("id") long id, String body) {
    requireSignedIn();
    editor.publish(id, instant(field(body, "at")));
    return EditorialService.of(found(id), locales());
  }

  @POST
  @Path("{id: [0-9]+}/reject")
  @Operation(summary = "Send the revision back to its editor with {comment} (reviewers)")
  public EditorialService reject(@PathParam("id") long id, String body) {
    requireSignedIn();
    editor.reject(id, field(body, "comment"));
    return EditorialService.of(found(id), locales());
  }

  @POST
  @Path("{id: [0-9]+}/archive")
  @Operation(summary = "Take the published service down now, or at {at} (reviewers)")
  public EditorialService archive(@PathParam("id") long id, String body) {
    requireSignedIn();
    editor.archive(id, instant(field(body, "at")));
    return EditorialService.of(found(id), locales());
  }

  @GET
  @Path("{id: [0-9]+}/revisions")
  @Operation(summary = "The service's revisions, oldest first")
  public List<RevisionSummary> revisions(@PathParam("id") long id) {
    requireSignedIn();
    return found(id).revisions().stream().map(RevisionSummary::of).toList();
  }

  @GET
  @Path("{id: [0-9]+}/revisions/{number: [0-9]+}")
  @Operation(summary = "One revision with its texts")
  public EditorialService revision(@PathParam("id") long id, @PathParam("number") int number) {
    requireSignedIn();
    PublicService service = found(id);
    ServiceRevision revision =
        service
            .revision(number)
            .orElseThrow(
                () -> new NotFoundException("Service " + id + " has no revision " + number));
    return EditorialService.of(service, revision, locales());
  }

  @GET
  @Path("{id: [0-9]+}/diff")
  @Operation(summary = "What changed from revision {from} to revision {to}, field by field")
  public List<RevisionDiff.Field> diff(
      @PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
    requireSignedIn();
    PublicService service = found(id);
    int toNumber = to == null ? service.latest().number() : to;
    int fromNumber = from == null ? toNumber - 1 : from;
    ServiceRevision a =
        service
            .revision(fromNumber)
            .orElseThrow(() -> new InvalidInputException("from", "No revision " + fromNumber));
    ServiceRevision b =
        service
            .revision(toNumber)
            .orElseThrow(() -> new InvalidInputException("to", "No revision " + toNumber));
    return RevisionDiff.between(a, b);
  }

  @GET
  @Path("{id: [0-9]+}/form")
  @Operation(
      summary =
          "The online form of the newest revision: {own, form}; own is false while the service"
              + " uses the portal's standard form")
  public Response form(@PathParam("id") long id) {
    requireSignedIn();
    return formOf(found(id).latest());
  }

  @PUT
  @Path("{id: [0-9]+}/form")
  @Operation(
      summary =
          "Set the draft's online form (a form definition: guests, maxFileBytes, fileTypes,"
              + " questions); an empty body goes back to the standard form")
  public Response defineForm(@PathParam("id") long id, String body) {
    requireSignedIn();
    return formOf(editor.defineForm(id, body));
  }

  private static Response formOf(ServiceRevision revision) {
    return Response.ok(
            Json.createObjectBuilder()
                .add("revision", revision.number())
                .add("own", revision.ownForm().isPresent())
                .add("form", revision.form().toJsonObject())
                .build()
                .toString())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private PublicService found(long id) {
    return editor
        .find(id)
        .orElseThrow(() -> new NotFoundException("No service with id " + id + "."));
  }

  private void requireSignedIn() {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException(
          "Sign in as an agency editor or reviewer.", "Basic realm=\"civic\"");
    }
  }

  private String defaultLanguage() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow().defaultLocale().getLanguage();
  }

  private List<String> locales() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow().locales();
  }

  private static Instant instant(String at) {
    if (at == null || at.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(at.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "at", "Write the time as ISO 8601 with an offset, e.g. 2026-12-01T09:00:00Z: " + at);
    }
  }

  /**
   * A string field of an optional JSON object body: these actions may be posted with no body at
   * all.
   */
  private static String field(String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(
            "body", "Send a JSON object, e.g. {\"" + name + "\": ...}.");
      }
      JsonValue field = value.asJsonObject().get(name);
      if (field == null || field.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (field instanceof JsonString text) {
        return text.getString();
      }
      throw new InvalidInputException(name, name + " must be a string.");
    } catch (JsonException e) {
      throw new InvalidInputException("body", "The body is not valid JSON.");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** A new service as an editor sends it. */
  public record NewService(
      String title,
      String summary,
      String body,
      String lang,
      String category,
      String agency,
      String externalId) {}

  /** Changes to a draft; absent fields stay as they are. */
  public record ServiceEdit(
      String lang,
      String slug,
      String title,
      String summary,
      String body,
      String eligibility,
      String documentsNeeded,
      String fees,
      String processingTime,
      String contact,
      String category,
      List<String> channels,
      List<String> tags,
      List<Long> related,
      String ceiling,
      Integer processingDays) {
    ServiceText text() {
      return new ServiceText(
          title, summary, body, eligibility, documentsNeeded, fees, processingTime, contact);
    }

    boolean hasText() {
      return title != null
          || summary != null
          || body != null
          || eligibility != null
          || documentsNeeded != null
          || fees != null
          || processingTime != null
          || contact != null;
    }

    boolean hasFacts() {
      return category != null
          || channels != null
          || tags != null
          || related != null
          || ceiling != null
          || processingDays != null;
    }
  }
}
