package org.civicportal.open311.client;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One service request of GET requests or GET requests/{id}. Text fields are never null (absent,
 * empty and {@code "null"} read as ""); ids, codes and zip codes are text even where JSON has
 * numbers. Datetimes are parsed leniently ({@link GeoReportDates}); where a key repeats, the first
 * value that is a date wins. Longitude is read from {@code long} (the spec) or {@code lon}.
 * Coordinates are kept as sent: San Francisco wrote 0.0/0.0 for an unknown place.
 */
public record ServiceRequest(
    String id,
    String status,
    String statusNotes,
    String serviceName,
    String serviceCode,
    String description,
    String agencyResponsible,
    String serviceNotice,
    Optional<OffsetDateTime> requestedDatetime,
    Optional<OffsetDateTime> updatedDatetime,
    Optional<OffsetDateTime> expectedDatetime,
    String address,
    String addressId,
    String zipcode,
    OptionalDouble lat,
    OptionalDouble lon,
    String mediaUrl) {

  /** {@code status} is "open", in any case ("Open" in San Francisco). */
  public boolean isOpen() {
    return status.equalsIgnoreCase("open");
  }

  static ServiceRequest from(Payload.Obj obj, ZoneId zoneOfLocalTimes) {
    return new ServiceRequest(
        obj.text("service_request_id"),
        obj.text("status"),
        obj.text("status_notes"),
        obj.text("service_name"),
        obj.text("service_code"),
        obj.text("description"),
        obj.text("agency_responsible"),
        obj.text("service_notice"),
        GeoReportDates.first(obj.texts("requested_datetime"), zoneOfLocalTimes),
        GeoReportDates.first(obj.texts("updated_datetime"), zoneOfLocalTimes),
        GeoReportDates.first(obj.texts("expected_datetime"), zoneOfLocalTimes),
        // "_address": the key as the San Francisco dashboard slices by zip code spell it
        obj.text("address", "_address"),
        obj.text("address_id"),
        obj.text("zipcode"),
        number(obj.text("lat")),
        number(obj.text("long", "lon")),
        obj.text("media_url"));
  }

  private static OptionalDouble number(String value) {
    try {
      double d = Double.parseDouble(value);
      return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
