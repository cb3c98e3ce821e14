package org.civicportal.record.control;

import org.civicportal.classification.control.Label;

/** Where a kind keeps a device's edit that it could not apply: beside the server's version. */
public interface Conflicts {

  /**
   * Keeps the pushed edit of a record as a conflict under this label; returns the conflict's id.
   */
  long keep(long recordId, long serverVersion, Label label);
}
