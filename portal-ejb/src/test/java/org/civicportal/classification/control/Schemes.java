package org.civicportal.classification.control;

import java.util.List;
import java.util.Set;

/** The two example schemes the tests share: a UK-style and a US-style scale. */
final class Schemes {
  static final ClassificationScheme UK_STYLE =
      ClassificationScheme.of(
          "DEMOLAND",
          List.of("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"),
          Set.of("ALPHA", "BRAVO", "CHARLIE"),
          Set.of("SAMPLESTAN", "EXAMPLIA", "TESTONIA"));

  static final ClassificationScheme US_STYLE =
      ClassificationScheme.of(
          "SAMPLESTAN",
          List.of("UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET"),
          Set.of("ALPHA", "BRAVO"),
          Set.of("DEMOLAND", "EXAMPLIA"));

  private Schemes() {}

  static Label uk(String marking) {
    return Marking.parse(UK_STYLE, marking);
  }

  static Label us(String marking) {
    return Marking.parse(US_STYLE, marking);
  }
}
