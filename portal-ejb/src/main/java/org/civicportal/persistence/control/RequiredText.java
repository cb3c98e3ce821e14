package org.civicportal.persistence.control;

/**
 * The rule every required text column follows: not blank, stripped, and no longer than its column.
 */
public final class RequiredText {
  private RequiredText() {}

  /**
   * The stripped value.
   *
   * @throws IllegalArgumentException naming {@code field} when the value is blank or too long
   */
  public static String of(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    return stripped;
  }
}
