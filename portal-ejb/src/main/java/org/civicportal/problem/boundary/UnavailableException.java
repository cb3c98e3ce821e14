package org.civicportal.problem.boundary;

/**
 * A part of the portal is not ready yet (still starting, catching up); the caller should try again
 * in a few seconds (a 503 with {@code Retry-After}). Nothing was changed. Features extend it with
 * their own cause, so that the problem mapping needs to know none of them.
 */
public class UnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}
