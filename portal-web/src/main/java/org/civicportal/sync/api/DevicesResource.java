package org.civicportal.sync.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.sync.boundary.Devices;
import org.civicportal.sync.entity.Device;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Devices for offline work: employees register theirs (the token is shown once); tenant admins
 * list, accredit, suspend, approve again and wipe them, and set the grace period.
 */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {
  @Inject Devices devices;

  /** A device as listed: never its token. */
  public record DeviceView(
      long id,
      String owner,
      String name,
      String platform,
      String accreditation,
      String state,
      boolean needsApproval,
      Instant registeredAt,
      Instant approvedAt,
      Instant lastSeenAt) {}

  DeviceView view(Device d) {
    return view(d, devices.gracePeriod());
  }

  static DeviceView view(Device d, Duration grace) {
    boolean stale =
        d.state() == org.civicportal.sync.entity.DeviceState.ACTIVE
            && d.isStale(Instant.now(), grace);
    return new DeviceView(
        d.id(),
        d.owner(),
        d.name(),
        d.platform(),
        d.accreditation(),
        d.state().name().toLowerCase(java.util.Locale.ROOT),
        stale,
        d.registeredAt(),
        d.approvedAt(),
        d.lastSeenAt().orElse(null));
  }

  @POST
  @Operation(
      summary = "Register a device: {name, platform} → {id, token}; the token is shown only now")
  public Response register(Map<String, String> body) {
    Devices.Registered r =
        devices.register(
            body == null ? null : body.get("name"), body == null ? null : body.get("platform"));
    return Response.status(201)
        .entity(Map.of("id", r.id(), "token", r.token()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Operation(summary = "Devices: all of the tenant's for admins, one's own for others")
  public List<DeviceView> list(@jakarta.ws.rs.QueryParam("mine") boolean mine) {
    List<Device> list;
    try {
      list = mine ? devices.mine() : devices.all();
    } catch (org.civicportal.problem.boundary.NotPermittedException e) {
      list = devices.mine();
    }
    Duration grace = devices.gracePeriod();
    return list.stream().map(d -> view(d, grace)).toList();
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One device, for an admin or its owner")
  public DeviceView get(@PathParam("id") long id) {
    return view(
        devices.find(id).orElseThrow(() -> new NoSuchRecordException("No device " + id + ".")));
  }

  @PUT
  @Path("{id: [0-9]+}")
  @Operation(summary = "Set a device's accreditation: {accreditation: \"<marking>\"} (admins)")
  public DeviceView accredit(@PathParam("id") long id, Map<String, String> body) {
    return view(devices.accredit(id, body == null ? null : body.get("accreditation")));
  }

  @POST
  @Path("{id: [0-9]+}/suspension")
  @Operation(summary = "Suspend a device: sync refuses it until it is approved again (admins)")
  public DeviceView suspend(@PathParam("id") long id) {
    return view(devices.suspend(id));
  }

  @POST
  @Path("{id: [0-9]+}/approval")
  @Operation(summary = "Resume or approve again a device (admins)")
  public DeviceView approve(@PathParam("id") long id) {
    return view(devices.approve(id));
  }

  @POST
  @Path("{id: [0-9]+}/wipe")
  @Operation(
      summary = "Wipe a device: its next call gets 410 Gone and the instruction to wipe (admins)")
  public DeviceView wipe(@PathParam("id") long id) {
    return view(devices.wipe(id));
  }

  @GET
  @Path("grace-period")
  @Operation(summary = "How long a device may stay silent before it must be approved again")
  public Map<String, String> gracePeriod() {
    return Map.of("gracePeriod", devices.gracePeriod().toString());
  }

  @PUT
  @Path("grace-period")
  @Operation(summary = "Set the grace period: {gracePeriod: \"PT72H\"} (admins)")
  public Map<String, String> gracePeriod(Map<String, String> body) {
    String text = body == null ? null : body.get("gracePeriod");
    Duration grace;
    try {
      grace = Duration.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "gracePeriod", "Give the grace period as an ISO 8601 duration, e.g. PT72H.");
    }
    return Map.of("gracePeriod", devices.gracePeriod(grace).toString());
  }
}
