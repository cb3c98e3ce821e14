package org.civicportal.problem.boundary;

/**
 * The record does not exist for this caller: absent, or one they may not know about (a 404, never a
 * 403, so its existence is not revealed).
 */
public class NoSuchRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchRecordException(String message) {
    super(message);
  }
}
