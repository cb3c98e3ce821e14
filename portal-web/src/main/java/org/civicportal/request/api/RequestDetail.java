package org.civicportal.request.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicportal.request.entity.RequestAttachment;
import org.civicportal.request.entity.RequestEvent;
import org.civicportal.request.entity.RequestMessage;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;

/**
 * A request in full, as the caller may see it: citizens get the history's public notes and the
 * messages; staff also get the assignee, the internal notes their clearance reads, and the states
 * the request may move to.
 */
public record RequestDetail(
    String reference,
    String service,
    String serviceTitle,
    String agency,
    String state,
    String status,
    String assignee,
    String channel,
    Instant submittedAt,
    Instant updatedAt,
    Instant dueAt,
    boolean overdue,
    String classification,
    Map<String, List<String>> answers,
    String description,
    String address,
    Double latitude,
    Double longitude,
    List<Step> history,
    List<Message> messages,
    List<File> files,
    List<String> nextStates,
    boolean withdrawable) {

  /** One step of the history. */
  public record Step(Instant at, String state, String note, String by) {}

  /** A message (citizen and agency) or an internal note (staff only). */
  public record Message(
      long id,
      Instant at,
      String kind,
      String author,
      boolean fromAgency,
      String body,
      String classification) {}

  /** A file, with the address it is downloaded from. */
  public record File(
      long id, String name, String mediaType, long size, String sha256, String url) {}

  static RequestDetail of(
      ServiceRequest r,
      String title,
      boolean staff,
      List<RequestEvent> events,
      List<RequestMessage> messages,
      List<RequestAttachment> files,
      String base) {
    return new RequestDetail(
        r.reference(),
        r.serviceCode(),
        title,
        r.agency(),
        r.state().external(),
        r.state().open311(),
        staff ? r.assignee().orElse(null) : null,
        r.channel().name().toLowerCase(java.util.Locale.ROOT),
        r.submittedAt(),
        r.updatedAt(),
        r.dueAt().orElse(null),
        r.overdue(Instant.now()),
        r.marking(),
        r.answers().asMap(),
        r.description().orElse(null),
        r.address().orElse(null),
        r.latitude().orElse(null),
        r.longitude().orElse(null),
        events.stream()
            .filter(e -> e.isStateChange() || staff)
            .map(
                e ->
                    new Step(
                        e.at(),
                        e.to().external(),
                        e.publicNote().orElse(null),
                        staff ? e.actor() + e.assignee().map(a -> " → " + a).orElse("") : null))
            .toList(),
        messages.stream()
            .map(
                m ->
                    new Message(
                        m.id(),
                        m.at(),
                        m.kind().name().toLowerCase(java.util.Locale.ROOT),
                        staff || !m.fromStaff() ? m.author() : r.agency(),
                        m.fromStaff(),
                        m.body(),
                        m.marking()))
            .toList(),
        files.stream()
            .map(
                f ->
                    new File(
                        f.id(),
                        f.fileName(),
                        f.mediaType(),
                        f.size(),
                        f.sha256(),
                        base + "/" + f.id()))
            .toList(),
        staff ? r.state().next().stream().map(RequestState::external).toList() : List.of(),
        !staff && r.state().withdrawable() && r.assignee().isEmpty());
  }
}
