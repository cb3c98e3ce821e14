package org.civicportal.identity.entity;

import java.util.Locale;

/** What a person may do in the portal, beyond reading what their clearance allows. */
public enum Role {
  CITIZEN,
  EMPLOYEE,
  AGENCY_EDITOR,
  AGENCY_REVIEWER,
  CASE_WORKER,
  DECLASSIFIER,
  TENANT_ADMIN,
  AUDITOR;

  /** The role's name in Jakarta Security and in the API, e.g. {@code agency-editor}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
