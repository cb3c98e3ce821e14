package org.civicportal.open311.client;

/**
 * The answer to POST requests or GET tokens/{token}: a {@code serviceRequestId} (realtime) or a
 * {@code token} to ask for it later (batch), or both once a token has been resolved. Empty strings
 * for what the server left out.
 */
public record PostResult(
    String serviceRequestId, String token, String serviceNotice, String accountId) {

  static PostResult from(Payload.Obj obj) {
    return new PostResult(
        obj.text("service_request_id"),
        obj.text("token"),
        obj.text("service_notice"),
        obj.text("account_id"));
  }
}
