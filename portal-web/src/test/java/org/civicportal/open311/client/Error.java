package org.civicportal.open311.client;

/**
 * One entry of a GeoReport error response. {@code code} is text, as servers send numbers (usually
 * the HTTP status) or their own identifiers. Shadows {@code java.lang.Error} inside this package.
 */
public record Error(String code, String description) {

  static Error from(Payload.Obj obj) {
    return new Error(obj.text("code"), obj.text("description"));
  }
}
