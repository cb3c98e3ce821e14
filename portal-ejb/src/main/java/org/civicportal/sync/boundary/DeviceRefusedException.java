package org.civicportal.sync.boundary;

/** A sync call whose device token does not open the API now, and why. */
public class DeviceRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why: decides the answer (401, 403, or 410 with the instruction to wipe). */
  public enum Reason {
    /** No live device has this token (401). */
    UNKNOWN,
    /** An admin suspended the device (403). */
    SUSPENDED,
    /** Silent longer than the tenant's grace period; an admin must approve it again (403). */
    STALE,
    /** Wiped: the device must erase what it holds; the token never works again (410). */
    WIPED
  }

  private final Reason reason;

  public DeviceRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
