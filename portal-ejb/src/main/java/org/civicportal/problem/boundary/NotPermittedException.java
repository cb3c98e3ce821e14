package org.civicportal.problem.boundary;

/** The caller may not perform this action at all, whatever record it concerns (a 403). */
public class NotPermittedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
