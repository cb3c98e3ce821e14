package org.civicportal.catalog.entity;

import java.util.Locale;

/**
 * Where one revision of a service stands. An editor writes a {@link #DRAFT} and submits it {@link
 * #IN_REVIEW}; a reviewer sends it back to draft with a comment, publishes it now, or approves it
 * for a later time ({@link #SCHEDULED}). A {@link #PUBLISHED} revision is what citizens read until
 * a newer revision is published ({@link #SUPERSEDED}) or the service is taken down ({@link
 * #ARCHIVED}). Only a draft can be changed.
 */
public enum RevisionState {
  DRAFT,
  IN_REVIEW,
  SCHEDULED,
  PUBLISHED,
  SUPERSEDED,
  ARCHIVED;

  /** The state's name in the API and on pages, e.g. {@code in-review}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
