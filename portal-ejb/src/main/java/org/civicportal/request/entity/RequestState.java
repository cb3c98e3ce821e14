package org.civicportal.request.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request stands. Staff move it submitted → triaged → in progress ⇄ waiting for citizen →
 * resolved or rejected → closed (a resolved request may be reopened); the citizen may withdraw it
 * while nobody is assigned. The server enforces these steps whoever asks.
 */
public enum RequestState {
  SUBMITTED,
  TRIAGED,
  IN_PROGRESS,
  WAITING_FOR_CITIZEN,
  RESOLVED,
  REJECTED,
  CLOSED,
  WITHDRAWN;

  /** The states staff may move a request in this state to. */
  public Set<RequestState> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(TRIAGED, REJECTED);
      case TRIAGED -> EnumSet.of(IN_PROGRESS, REJECTED);
      case IN_PROGRESS -> EnumSet.of(WAITING_FOR_CITIZEN, RESOLVED, REJECTED);
      case WAITING_FOR_CITIZEN -> EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED);
      case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
      case REJECTED -> EnumSet.of(CLOSED);
      case CLOSED, WITHDRAWN -> EnumSet.noneOf(RequestState.class);
    };
  }

  public boolean mayMoveTo(RequestState to) {
    return next().contains(to);
  }

  /**
   * Whether the citizen may still withdraw it (and nobody is assigned yet: checked by the request).
   */
  public boolean withdrawable() {
    return this == SUBMITTED || this == TRIAGED;
  }

  /** Finished for the citizen and for SLA purposes. */
  public boolean finished() {
    return this == RESOLVED || this == REJECTED || this == CLOSED || this == WITHDRAWN;
  }

  /** The Open311 GeoReport v2 status: {@code open} or {@code closed}. */
  public String open311() {
    return finished() ? "closed" : "open";
  }

  /** The name in the API, e.g. {@code in-progress}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<RequestState> ofExternal(String name) {
    for (RequestState s : values()) {
      if (s.external().equals(name) || s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
