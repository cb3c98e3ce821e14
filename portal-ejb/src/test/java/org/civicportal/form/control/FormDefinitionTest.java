package org.civicportal.form.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormDefinitionTest {
  static final String FORM =
      """
      {"guests": true, "maxFileBytes": 1000, "fileTypes": ["image/png"],
       "questions": [
        {"code": "kind", "type": "choice", "required": true, "label": {"en": "What?"},
         "options": [{"value": "pothole", "label": {"en": "Pothole"}},
                     {"value": "light", "label": {"en": "Light"}}]},
        {"code": "dangerous", "type": "yes-no", "required": true, "label": {"en": "Dangerous?"}},
        {"code": "why", "type": "text", "required": true, "maxLength": 10, "label": {"en": "Why?"},
         "showIf": {"question": "dangerous", "equals": "yes"}},
        {"code": "count", "type": "number", "min": 1, "max": 5, "label": {"en": "How many?"}},
        {"code": "when", "type": "date", "label": {"en": "When?"}},
        {"code": "where", "type": "location", "label": {"en": "Where?"}},
        {"code": "tags", "type": "multiple-choice", "label": {"en": "Tags"},
         "options": [{"value": "a", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}}]},
        {"code": "postcode", "type": "text", "pattern": "[0-9]{5}", "label": {"en": "Postcode"}},
        {"code": "photo", "type": "file", "label": {"en": "Photo"}}
       ]}
      """;

  static Answers answers(String... pairs) {
    Answers a = Answers.none();
    for (int i = 0; i < pairs.length; i += 2) {
      a.put(pairs[i], pairs[i + 1]);
    }
    return a;
  }

  static List<String> errors(FormDefinition form, Answers answers) {
    return form.check(answers).stream().map(e -> e.question() + ":" + e.key()).toList();
  }

  @Test
  void readsAndWritesTheSameForm() {
    FormDefinition form = FormDefinition.parse(FORM);
    assertThat(FormDefinition.parse(form.toJson())).isEqualTo(form);
    assertThat(form.questions()).hasSize(9);
    assertThat(form.guests()).isTrue();
    assertThat(form.maxFileBytes()).isEqualTo(1000);
  }

  @Test
  void aConditionalQuestionIsAskedOnlyForItsAnswer() {
    FormDefinition form = FormDefinition.parse(FORM);
    assertThat(form.asked(answers("dangerous", "no")).stream().map(Question::code))
        .doesNotContain("why");
    assertThat(form.asked(answers("dangerous", "yes")).stream().map(Question::code))
        .contains("why");
    assertThat(errors(form, answers("kind", "pothole", "dangerous", "yes")))
        .containsExactly("why:form.error.required");
    assertThat(errors(form, answers("kind", "pothole", "dangerous", "no"))).isEmpty();
    // an answer to a question no longer asked is dropped, not kept behind the citizen's back
    assertThat(form.keepAsked(answers("dangerous", "no", "why", "old")).has("why")).isFalse();
  }

  @Test
  void eachTypeChecksItsAnswers() {
    FormDefinition form = FormDefinition.parse(FORM);
    Answers base = answers("kind", "pothole", "dangerous", "no");
    assertThat(check(form, base, "kind", "crater")).containsExactly("kind:form.error.option");
    assertThat(check(form, base, "dangerous", "maybe"))
        .containsExactly("dangerous:form.error.option");
    assertThat(check(form, base, "count", "many")).containsExactly("count:form.error.number");
    assertThat(check(form, base, "count", "0")).containsExactly("count:form.error.min");
    assertThat(check(form, base, "count", "6")).containsExactly("count:form.error.max");
    assertThat(check(form, base, "count", "2,5")).isEmpty();
    assertThat(check(form, base, "when", "2026-02-30")).containsExactly("when:form.error.date");
    assertThat(check(form, base, "when", "2026-02-28")).isEmpty();
    assertThat(check(form, base, "where", "91, 0")).containsExactly("where:form.error.location");
    assertThat(check(form, base, "where", "51.5, -0.14")).isEmpty();
    assertThat(check(form, base, "postcode", "1234a"))
        .containsExactly("postcode:form.error.pattern");
    assertThat(check(form, base, "postcode", "75001")).isEmpty();
    Answers tags = base.copy();
    tags.put("tags", List.of("a", "b"));
    assertThat(errors(form, tags)).isEmpty();
    tags.put("tags", List.of("a", "z"));
    assertThat(errors(form, tags)).containsExactly("tags:form.error.option");
    Answers two = base.copy();
    two.put("kind", List.of("pothole", "light"));
    assertThat(errors(form, two)).containsExactly("kind:form.error.one");
    Answers stranger = base.copy();
    stranger.put("admin", "true");
    assertThat(errors(form, stranger)).containsExactly("admin:form.error.unknown");
  }

  @Test
  void textLengthCountsCharactersNotBytes() {
    FormDefinition form = FormDefinition.parse(FORM);
    Answers a = answers("kind", "pothole", "dangerous", "yes", "why", "éééééééééé");
    assertThat(errors(form, a)).isEmpty();
    a.put("why", "ééééééééééé");
    assertThat(form.check(a))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.key()).isEqualTo("form.error.tooLong");
              assertThat(e.english()).isEqualTo("Use at most 10 characters.");
            });
  }

  private static List<String> check(FormDefinition form, Answers base, String code, String value) {
    Answers a = base.copy();
    a.put(code, value);
    return errors(form, a);
  }

  @Test
  void badDefinitionsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> FormDefinition.parse("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    "{\"questions\":[{\"code\":\"a\",\"type\":\"colour\",\"label\":{\"en\":\"A\"}}]}"))
        .hasMessageContaining("unknown type \"colour\"");
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    "{\"questions\":[{\"code\":\"b\",\"type\":\"text\",\"label\":{\"en\":\"B\"},"
                        + "\"showIf\":{\"question\":\"a\",\"equals\":\"x\"}}]}"))
        .hasMessageContaining("not an earlier question");
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    "{\"questions\":[{\"code\":\"a\",\"type\":\"choice\",\"label\":{\"en\":\"A\"}}]}"))
        .hasMessageContaining("at least one option");
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    "{\"questions\":[{\"code\":\"a\",\"type\":\"text\",\"label\":{\"en\":\"A\"},"
                        + "\"pattern\":\"(\"}]}"))
        .hasMessageContaining("not a regular expression");
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    "{\"fileTypes\":[\"text/html\"],\"questions\":[{\"code\":\"a\",\"type\":\"text\","
                        + "\"label\":{\"en\":\"A\"}}]}"))
        .hasMessageContaining("text/html");
    assertThatThrownBy(() -> FormDefinition.parse("{\"questions\":[]}"))
        .hasMessageContaining("at least one question");
  }

  @Test
  void theStandardFormAsksForADescription() {
    FormDefinition form = FormDefinition.standard();
    assertThat(errors(form, Answers.none())).containsExactly("description:form.error.required");
    assertThat(FormDefinition.parse(form.toJson())).isEqualTo(form);
  }
}
