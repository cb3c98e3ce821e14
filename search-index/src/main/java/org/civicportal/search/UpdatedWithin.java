package org.civicportal.search;

import java.time.Duration;
import java.time.Instant;

/**
 * The date ranges of the {@code updated} facet and filter, relative to the query's {@link
 * SearchQuery#now() now}. The first three are nested ("30d" includes what "7d" has), as a reader
 * expects of "changed in the last 30 days"; {@link #OLDER} is everything before the last 365 days.
 * A record without a date is in none of them.
 */
public enum UpdatedWithin {
  /** Changed at most 7 days before now (or later). */
  LAST_7_DAYS("7d", 7),
  /** Changed at most 30 days before now (or later). */
  LAST_30_DAYS("30d", 30),
  /** Changed at most 365 days before now (or later). */
  LAST_365_DAYS("365d", 365),
  /** Changed more than 365 days before now. */
  OLDER("older", 365);

  private final String label;
  private final long days;

  UpdatedWithin(String label, long days) {
    this.label = label;
    this.days = days;
  }

  /**
   * The facet value and the parameter spelling: {@code 7d}, {@code 30d}, {@code 365d}, {@code
   * older}.
   */
  public String label() {
    return label;
  }

  /**
   * The range with this label.
   *
   * @throws IllegalArgumentException if no range has it
   */
  public static UpdatedWithin fromLabel(String label) {
    for (UpdatedWithin range : values()) {
      if (range.label.equals(label)) {
        return range;
      }
    }
    throw new IllegalArgumentException(
        "Unknown date range '" + label + "'; use 7d, 30d, 365d or older");
  }

  /** Lowest epoch millisecond in the range, inclusive. */
  long min(Instant now) {
    return this == OLDER ? Long.MIN_VALUE : boundary(now);
  }

  /** Highest epoch millisecond in the range, inclusive. */
  long max(Instant now) {
    return this == OLDER ? boundary(now) - 1 : Long.MAX_VALUE;
  }

  private long boundary(Instant now) {
    return now.minus(Duration.ofDays(days)).toEpochMilli();
  }
}
