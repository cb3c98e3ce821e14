package org.civicportal.audit.entity;

/**
 * What an audit entry records. The constant's name is stored and hashed, so renaming a constant
 * would break the verification of every entry written under the old name: add constants, never
 * rename them.
 */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  DOCUMENT_READ,
  LABEL_CHANGED,
  ROLE_CHANGED,
  CLEARANCE_CHANGED,
  ADMIN_ACTION,
  SERVICE_CHANGED,
  IMPORT,
  /** A device was registered, accredited or approved again. */
  DEVICE_CHANGED,
  DEVICE_SUSPENDED,
  DEVICE_WIPED,
  /** A device was told to purge a record it may no longer hold. */
  SYNC_REVOKED,
  /** Someone made an API token for their scripts. */
  TOKEN_ISSUED,
  TOKEN_REVOKED,
  DOCUMENT_CREATED,
  DOCUMENT_EDITED,
  ATTACHMENT_ADDED,
  /** A case worker moved, assigned, routed, wrote in or annotated a service request. */
  REQUEST_HANDLED,
  /** Records above the lowest level appeared in a list or a page of search results. */
  RECORDS_LISTED
}
