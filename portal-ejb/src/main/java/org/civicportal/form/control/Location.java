package org.civicportal.form.control;

import java.util.Optional;

/** A point given as "latitude, longitude" in decimal degrees. */
public record Location(double latitude, double longitude) {
  public Location {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("Not a point on Earth: " + latitude + ", " + longitude);
    }
  }

  public static Optional<Location> parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Location(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return latitude + ", " + longitude;
  }
}
