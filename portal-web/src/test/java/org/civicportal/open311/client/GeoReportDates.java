package org.civicportal.open311.client;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Datetimes as real servers write them. The spec asks for W3C/ISO 8601 with an offset ({@code
 * 2010-04-14T06:37:38-08:00}); San Francisco wrote {@code 2010-11-15 01:00:36.113} (space, no
 * offset, one to nine fraction digits), others drop the colon of the offset ({@code -0800}) or the
 * time. A value without an offset is taken in the zone the caller names: the jurisdiction's local
 * time is the only reading that makes sense, and the body does not say which zone that is.
 */
public final class GeoReportDates {

  private static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private GeoReportDates() {}

  /**
   * The instant {@code value} names, or empty for a blank value, {@code "null"}, {@code "true"} or
   * anything else that is not a date.
   */
  public static Optional<OffsetDateTime> parse(String value, ZoneId zoneOfLocalTimes) {
    if (value == null || !Payload.meaningful(value)) {
      return Optional.empty();
    }
    try {
      TemporalAccessor parsed =
          LENIENT.parseBest(
              value.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime offset) {
        return Optional.of(offset);
      }
      LocalDateTime local =
          parsed instanceof LocalDateTime time ? time : ((LocalDate) parsed).atStartOfDay();
      return Optional.of(local.atZone(zoneOfLocalTimes).toOffsetDateTime());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The first of {@code values} that is a date (real JSON repeats a key with "null" first). */
  static Optional<OffsetDateTime> first(List<String> values, ZoneId zoneOfLocalTimes) {
    return values.stream()
        .map(v -> parse(v, zoneOfLocalTimes))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
