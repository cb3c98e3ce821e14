package org.civicportal.persistence.control;

import java.util.regex.Pattern;

/**
 * The rule every language column follows: a language code as browsers and scripts send it ({@code
 * en}, {@code fr}, {@code pt-BR}), at most 10 characters, the width of the columns. Checked before
 * the database, which otherwise refuses a longer value with an error that reads like a clash.
 */
public final class LanguageCode {
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,6})?");

  private LanguageCode() {}

  public static boolean valid(String language) {
    return language != null && CODE.matcher(language).matches();
  }

  /**
   * The code itself.
   *
   * @throws IllegalArgumentException naming {@code field} when it is not a language code
   */
  public static String of(String field, String language) {
    if (!valid(language)) {
      throw new IllegalArgumentException(field + ": use a language code such as en or fr");
    }
    return language;
  }
}
