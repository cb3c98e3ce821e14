package org.civicportal.catalog.entity;

/**
 * Where a service stands in its editorial life; only {@link #PUBLISHED} services reach citizens.
 */
public enum ServiceState {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
