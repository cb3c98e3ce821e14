package org.civicportal.open311.client;

import java.net.URI;
import java.util.List;

/** A GeoReport endpoint answered with an HTTP error; {@link #errors()} holds its error list. */
public class GeoReportErrorException extends RuntimeException {

  private final int status;
  private final List<Error> errors;

  public GeoReportErrorException(URI uri, int status, List<Error> errors) {
    super("HTTP " + status + " from " + uri + (errors.isEmpty() ? "" : ": " + errors));
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public List<Error> errors() {
    return errors;
  }
}
