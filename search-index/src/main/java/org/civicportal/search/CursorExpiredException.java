package org.civicportal.search;

/**
 * A cursor's page can no longer be served: the index state its search ran on was released (15
 * minutes after a newer commit replaced it) or the index was reopened since. The caller should
 * start the search again from the first page; the cursor itself was well formed.
 */
public final class CursorExpiredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CursorExpiredException(String message) {
    super(message);
  }
}
