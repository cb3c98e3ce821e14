package org.civicportal.classification.control;

/** A banner marking that does not parse under a scheme; the message names the offending part. */
public class MarkingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MarkingException(String message) {
    super(message);
  }
}
