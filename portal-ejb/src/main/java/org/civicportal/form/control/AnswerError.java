package org.civicportal.form.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why an answer was refused: a message key of the pages' bundles ({@code form.error.*}) with its
 * arguments, and the same in English for the API.
 */
public record AnswerError(String question, String key, List<Object> args) {
  public AnswerError {
    args = List.copyOf(args);
  }

  static AnswerError of(String question, String key, Object... args) {
    return new AnswerError(question, key, List.of(args));
  }

  /** The English message, for REST problems and Open311 errors. */
  public String english() {
    String pattern =
        switch (key) {
          case "form.error.required" -> "Answer this question.";
          case "form.error.tooLong" -> "Use at most {0} characters.";
          case "form.error.pattern" -> "This answer is not in the expected format.";
          case "form.error.number" -> "Enter a number, for example 12 or 3.5.";
          case "form.error.min" -> "Enter {0} or more.";
          case "form.error.max" -> "Enter {0} or less.";
          case "form.error.date" -> "Enter a real date as year-month-day, for example 2026-03-31.";
          case "form.error.option" -> "Choose one of the options offered.";
          case "form.error.one" -> "Choose only one option.";
          case "form.error.location" ->
              "Enter a latitude and a longitude, for example 51.5014, -0.1419.";
          case "form.error.file" -> "Attach a file.";
          case "form.error.unknown" -> "This form has no such question.";
          default -> key;
        };
    return new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
  }
}
