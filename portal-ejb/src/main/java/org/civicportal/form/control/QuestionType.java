package org.civicportal.form.control;

import java.util.Locale;
import java.util.Optional;

/** The kinds of question a service form asks, each with its own answer format and checks. */
public enum QuestionType {
  TEXT("string"),
  LONG_TEXT("text"),
  NUMBER("number"),
  DATE("datetime"),
  CHOICE("singlevaluelist"),
  MULTIPLE_CHOICE("multivaluelist"),
  YES_NO("singlevaluelist"),
  ADDRESS("string"),
  LOCATION("string"),
  FILE("string");

  private final String open311;

  QuestionType(String open311) {
    this.open311 = open311;
  }

  /** The Open311 GeoReport v2 attribute datatype this question is offered as. */
  public String open311Datatype() {
    return open311;
  }

  /** The name in form definitions and the API, e.g. {@code long-text}. */
  public String external() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<QuestionType> ofExternal(String name) {
    for (QuestionType t : values()) {
      if (t.external().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
