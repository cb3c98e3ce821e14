package org.civicportal.request.entity;

/** How a request came in. */
public enum RequestChannel {
  WEB,
  API,
  OPEN311
}
