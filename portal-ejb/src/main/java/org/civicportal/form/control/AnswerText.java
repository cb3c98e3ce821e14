package org.civicportal.form.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An answer as people read it: an option's label instead of its value, a file's name instead of its
 * id, yes and no in the reader's words. One rule for the check page, the request pages, the receipt
 * and the staff view.
 */
public final class AnswerText {
  private AnswerText() {}

  /**
   * @param fileName the name of the file a FILE answer's value stands for
   * @param yesNo the words for {@code yes} and {@code no}
   */
  public static List<String> of(
      Question q,
      List<String> values,
      String language,
      UnaryOperator<String> fileName,
      UnaryOperator<String> yesNo) {
    List<String> shown = new ArrayList<>();
    for (String v : values) {
      shown.add(
          switch (q.type()) {
            case YES_NO -> yesNo.apply(v);
            case CHOICE, MULTIPLE_CHOICE ->
                q.options().stream()
                    .filter(o -> o.value().equals(v))
                    .findFirst()
                    .map(o -> o.labelIn(language))
                    .orElse(v);
            case FILE -> fileName.apply(v);
            default -> v;
          });
    }
    return shown;
  }
}
