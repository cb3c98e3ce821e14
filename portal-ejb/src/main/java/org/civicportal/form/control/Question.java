package org.civicportal.form.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One question of a form. {@code label} and {@code hint} are per language; {@code showIf} names an
 * earlier question and the answer for which this one is asked. Rules: {@code maxLength} for text,
 * {@code min}/{@code max} for numbers, {@code pattern} (a whole-answer regular expression) for
 * text.
 */
public record Question(
    String code,
    QuestionType type,
    boolean required,
    Map<String, String> label,
    Map<String, String> hint,
    List<Option> options,
    Optional<Integer> maxLength,
    Optional<Double> min,
    Optional<Double> max,
    Optional<String> pattern,
    Optional<Condition> showIf) {

  /** Codes are what Open311 attribute codes and answer keys are made of. */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,59}");

  public Question {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "A question code is 1 to 60 lower-case letters, digits, '-' or '_', starting with a"
              + " letter: "
              + code);
    }
    Objects.requireNonNull(type, "type");
    label = Map.copyOf(label);
    if (label.isEmpty() || label.values().stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("Question " + code + " needs a label");
    }
    hint = Map.copyOf(hint);
    options = List.copyOf(options);
    boolean choice = type == QuestionType.CHOICE || type == QuestionType.MULTIPLE_CHOICE;
    if (choice && options.isEmpty()) {
      throw new IllegalArgumentException("Question " + code + " needs at least one option");
    }
    if (!choice && !options.isEmpty()) {
      throw new IllegalArgumentException("Only choice questions have options: " + code);
    }
    if (options.stream().map(Option::value).distinct().count() != options.size()) {
      throw new IllegalArgumentException("Question " + code + " repeats an option");
    }
    if (maxLength.isPresent() && (maxLength.get() < 1 || maxLength.get() > 8000)) {
      throw new IllegalArgumentException("maxLength of " + code + " must be between 1 and 8000");
    }
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      throw new IllegalArgumentException("min of " + code + " is above its max");
    }
    if (pattern.isPresent()) {
      try {
        Pattern.compile(pattern.get());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "pattern of " + code + " is not a regular expression: " + e.getDescription(), e);
      }
    }
  }

  /** The label in this language, else in any language the form has. */
  public String labelIn(String language) {
    return in(label, language);
  }

  public String hintIn(String language) {
    return hint.isEmpty() ? "" : in(hint, language);
  }

  static String in(Map<String, String> texts, String language) {
    String text = texts.get(language);
    if (text != null) {
      return text;
    }
    return texts.containsKey("en") ? texts.get("en") : texts.values().iterator().next();
  }

  /** A value a choice question offers. */
  public record Option(String value, Map<String, String> label) {
    public Option {
      Objects.requireNonNull(value, "value");
      if (value.isBlank() || value.length() > 100) {
        throw new IllegalArgumentException("An option value is 1 to 100 characters");
      }
      label = Map.copyOf(label);
      if (label.isEmpty()) {
        throw new IllegalArgumentException("Option " + value + " needs a label");
      }
    }

    public String labelIn(String language) {
      return in(label, language);
    }
  }

  /** Ask the question only when an earlier one was answered with this value. */
  public record Condition(String question, String equals) {
    public Condition {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(equals, "equals");
    }
  }
}
