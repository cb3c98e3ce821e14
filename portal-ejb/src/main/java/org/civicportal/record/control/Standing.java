package org.civicportal.record.control;

/** Where a record stands for a device now. */
public sealed interface Standing {

  /** The device may hold it: at this version, with this marking and data. */
  record Holdable(long version, String classification, Object data) implements Standing {}

  /** Its label or the device's scope puts it out of reach: purge it (revoke). */
  record Forbidden() implements Standing {}

  /** Not in the device's channels any more, or gone: drop it (delete). */
  record Outside() implements Standing {}
}
