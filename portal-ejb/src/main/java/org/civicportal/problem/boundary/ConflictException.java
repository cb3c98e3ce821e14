package org.civicportal.problem.boundary;

/**
 * The action is allowed in general but not in the record's present state, such as publishing a
 * draft that was never submitted (a 409). Nothing was changed.
 */
public class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
