package org.civicportal.audit.control;

/**
 * An anchor file or key that cannot be used: unreadable, unwritable, or holding a line that is not
 * a checkpoint the portal signed. The message says which file and line, for the auditor.
 */
public class AnchorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AnchorException(String message) {
    super(message);
  }

  public AnchorException(String message, Throwable cause) {
    super(message, cause);
  }
}
