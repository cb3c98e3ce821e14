package org.civicportal.open311.client;

/**
 * A body that cannot be read as the GeoReport document asked for: not well-formed XML or JSON, a
 * DOCTYPE (refused, so no entity is ever expanded or fetched), or the wrong root element.
 */
public class GeoReportFormatException extends RuntimeException {

  public GeoReportFormatException(String message) {
    super(message);
  }

  public GeoReportFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
