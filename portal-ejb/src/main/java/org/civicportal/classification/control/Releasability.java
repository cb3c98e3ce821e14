package org.civicportal.classification.control;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * To whom a labelled record may be released. From least to most restrictive: unrestricted, then
 * {@code REL TO} nation lists ordered by inclusion (a shorter list is more restrictive), then
 * {@code NOFORN}, which is more restrictive than every list, even one naming only the owner.
 */
public final class Releasability {
  /** The three forms a releasability caveat takes. */
  public enum Kind {
    UNRESTRICTED,
    REL_TO,
    NOFORN
  }

  private static final Releasability UNRESTRICTED =
      new Releasability(Kind.UNRESTRICTED, Collections.emptySortedSet());
  private static final Releasability NOFORN =
      new Releasability(Kind.NOFORN, Collections.emptySortedSet());

  private final Kind kind;
  private final SortedSet<String> nations;

  private Releasability(Kind kind, SortedSet<String> nations) {
    this.kind = kind;
    this.nations = Collections.unmodifiableSortedSet(nations);
  }

  public static Releasability unrestricted() {
    return UNRESTRICTED;
  }

  public static Releasability noforn() {
    return NOFORN;
  }

  /** Releasable only to these nations; a label checks that they include its owning nation. */
  public static Releasability relTo(Set<String> nations) {
    SortedSet<String> copy = new TreeSet<>(Objects.requireNonNull(nations, "nations"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("REL TO needs at least one nation");
    }
    return new Releasability(Kind.REL_TO, copy);
  }

  public Kind kind() {
    return kind;
  }

  /** The REL TO nations, empty for the other kinds. */
  public SortedSet<String> nations() {
    return nations;
  }

  public boolean isAtLeastAsRestrictiveAs(Releasability other) {
    return switch (kind) {
      case NOFORN -> true;
      case UNRESTRICTED -> other.kind == Kind.UNRESTRICTED;
      case REL_TO ->
          other.kind == Kind.UNRESTRICTED
              || other.kind == Kind.REL_TO && other.nations.containsAll(nations);
    };
  }

  /** The least restrictive caveat that is at least as restrictive as both. */
  public Releasability mostRestrictive(Releasability other) {
    if (kind == Kind.NOFORN || other.kind == Kind.NOFORN) {
      return NOFORN;
    }
    if (kind == Kind.UNRESTRICTED) {
      return other;
    }
    if (other.kind == Kind.UNRESTRICTED) {
      return this;
    }
    SortedSet<String> common = new TreeSet<>(nations);
    common.retainAll(other.nations);
    if (common.isEmpty()) {
      throw new IllegalArgumentException(
          "REL TO " + nations + " and " + other.nations + " share no nation");
    }
    return new Releasability(Kind.REL_TO, common);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Releasability other && kind == other.kind && nations.equals(other.nations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, nations);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case UNRESTRICTED -> "unrestricted";
      case REL_TO -> "REL TO " + String.join(", ", nations);
      case NOFORN -> "NOFORN";
    };
  }
}
