package org.civicportal.indexing.boundary;

import org.civicportal.problem.boundary.UnavailableException;

/** The search index is still being built or caught up; the caller should try again shortly. */
public class IndexUnavailableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public IndexUnavailableException() {
    super("Search is starting up; try again in a few seconds.");
  }
}
