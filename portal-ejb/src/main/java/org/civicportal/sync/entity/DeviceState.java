package org.civicportal.sync.entity;

/** Where a device stands with its tenant. */
public enum DeviceState {
  /** Syncs, within its scope. */
  ACTIVE,
  /** Refused until an admin resumes it; keeps what it holds. */
  SUSPENDED,
  /** Cut off for good: every call is answered 410 Gone with the instruction to wipe. */
  WIPED
}
