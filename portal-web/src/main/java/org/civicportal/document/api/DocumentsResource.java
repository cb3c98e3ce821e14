package org.civicportal.document.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.document.entity.DocumentAttachment;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.web.FileDownloads;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Staff documents for signed-in employees. A document above the caller's clearance does not exist
 * here: it is absent from the list and its address answers 404, never 403. Every response carries
 * the highest label of what it contains in a {@code Classification} header; {@code classification}
 * fields are markings in the tenant's banner syntax, e.g. {@code SECRET//ALPHA//REL TO DEMOLAND}.
 */
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentsResource {
  static final String CLASSIFICATION = "Classification";

  @Inject StaffDocuments documents;
  @Inject CurrentSubject subjects;

  @GET
  @Operation(summary = "The documents the caller may read, newest first")
  public Response list() {
    requireSignedIn();
    List<StaffDocument> visible = documents.visible();
    return Response.ok(visible.stream().map(DocumentSummary::of).toList())
        .header(
            CLASSIFICATION,
            documents.highest(visible.stream().map(StaffDocument::marking).toList()))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One document, if the caller may read it")
  public Response get(@PathParam("id") String id) {
    requireSignedIn();
    StaffDocument document = documents.read(parse(id)).orElseThrow(DocumentsResource::notFound);
    return detail(Response.ok(), document);
  }

  @POST
  @Operation(summary = "Write a document at or below the caller's clearance")
  public Response create(DocumentDraft draft, @Context UriInfo uri) {
    requireSignedIn();
    DocumentDraft d = DocumentDraft.require(draft);
    StaffDocument created =
        documents.create(
            d.agency(), d.languageOrDefault(), d.title(), d.body(), d.classification());
    return detail(
        Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()),
        created);
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Edit a document; its label may stay or rise, never fall")
  public Response update(@PathParam("id") String id, DocumentDraft draft) {
    requireSignedIn();
    DocumentDraft d = DocumentDraft.require(draft);
    StaffDocument updated =
        documents
            .update(parse(id), d.title(), d.body(), d.classification())
            .orElseThrow(DocumentsResource::notFound);
    return detail(Response.ok(), updated);
  }

  @POST
  @Path("{id}/declassification")
  @Operation(summary = "Lower a document's label (declassifiers only, with a reason; audited)")
  public Response declassify(@PathParam("id") String id, Declassification request) {
    requireSignedIn();
    if (request == null) {
      throw new InvalidInputException("body", "Send {classification, reason}.");
    }
    StaffDocument lowered =
        documents
            .declassify(parse(id), request.classification(), request.reason())
            .orElseThrow(DocumentsResource::notFound);
    return detail(Response.ok(), lowered);
  }

  @POST
  @Path("{id}/attachments")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Attach a file (the request body; name it with ?name=): PDF, DOCX, ODT or plain text,"
              + " up to 25 MB; its text is searched under the document's label")
  public Response attach(
      @PathParam("id") String id,
      @jakarta.ws.rs.QueryParam("name") String name,
      java.io.InputStream body,
      @Context UriInfo uri)
      throws java.io.IOException {
    requireSignedIn();
    byte[] bytes =
        body == null ? new byte[0] : body.readNBytes((int) StaffDocuments.MAX_ATTACHMENT + 1);
    DocumentAttachment a =
        documents.attach(parse(id), name, bytes).orElseThrow(DocumentsResource::notFound);
    StaffDocument document = documents.read(parse(id)).orElseThrow(DocumentsResource::notFound);
    return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
        .entity(AttachmentSummary.of(a))
        .header(CLASSIFICATION, document.marking())
        .build();
  }

  @GET
  @Path("{id}/attachments")
  @Operation(summary = "The files attached to the document")
  public Response attachments(@PathParam("id") String id) {
    requireSignedIn();
    StaffDocument document = documents.read(parse(id)).orElseThrow(DocumentsResource::notFound);
    return Response.ok(
            documents.attachments(document.id()).stream().map(AttachmentSummary::of).toList())
        .header(CLASSIFICATION, document.marking())
        .build();
  }

  @GET
  @Path("{id}/attachments/{attachment}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A file of the document, as attached")
  public Response attachment(
      @PathParam("id") String id, @PathParam("attachment") String attachment) {
    requireSignedIn();
    long documentId = parse(id);
    long attachmentId = parse(attachment);
    DocumentAttachment a =
        documents.attachments(documentId).stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(DocumentsResource::notFound);
    byte[] bytes =
        documents
            .attachmentContent(documentId, attachmentId)
            .orElseThrow(DocumentsResource::notFound);
    StaffDocument document = documents.read(documentId).orElseThrow(DocumentsResource::notFound);
    return FileDownloads.of(bytes, a.mediaType(), attachmentId, a.fileName(), document.marking());
  }

  /** A file as listed with its document. */
  public record AttachmentSummary(
      long id, String name, String mediaType, long size, String sha256) {
    static AttachmentSummary of(DocumentAttachment a) {
      return new AttachmentSummary(a.id(), a.fileName(), a.mediaType(), a.size(), a.sha256());
    }
  }

  private static Response detail(Response.ResponseBuilder response, StaffDocument document) {
    return response
        .entity(DocumentDetail.of(document))
        .header(CLASSIFICATION, document.marking())
        .build();
  }

  private void requireSignedIn() {
    if (!subjects.get().isSignedIn()) {
      throw new NotAuthorizedException("Sign in to read staff documents.", "Basic realm=\"civic\"");
    }
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw notFound();
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("There is no document at this address.");
  }

  /** A declassifier's decision: the new, lower label and why. */
  public record Declassification(String classification, String reason) {}

  /** A document as a writer sends it. */
  public record DocumentDraft(
      String title, String body, String agency, String classification, String language) {
    static DocumentDraft require(DocumentDraft draft) {
      if (draft == null) {
        throw new InvalidInputException(
            "body", "Send a JSON object with title, body, agency and classification.");
      }
      if (draft.classification() == null || draft.classification().isBlank()) {
        throw new InvalidInputException(
            "classification", "classification is required, e.g. OFFICIAL");
      }
      return draft;
    }

    String languageOrDefault() {
      return language == null || language.isBlank() ? "en" : language;
    }
  }
}
