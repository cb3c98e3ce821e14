package org.civicportal.form.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What someone answered, by question code; each answer is a list of values (one for most questions,
 * several for multiple choice and files). Stored as a JSON object of string arrays.
 */
public final class Answers {
  private final Map<String, List<String>> values;

  private Answers(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Answers none() {
    return new Answers(new LinkedHashMap<>());
  }

  public static Answers of(Map<String, List<String>> values) {
    Answers answers = none();
    values.forEach(answers::put);
    return answers;
  }

  /** Answers from their JSON form; a value may be a string or an array of strings. */
  public static Answers parse(String json) {
    Answers answers = none();
    if (json == null || json.isBlank()) {
      return answers;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      object.forEach(
          (code, value) -> {
            List<String> list = new ArrayList<>();
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
              value.asJsonArray().forEach(v -> list.add(text(v)));
            } else {
              list.add(text(value));
            }
            answers.put(code, list);
          });
    }
    return answers;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  /** Sets an answer; blank values are dropped, and an answer with no value is removed. */
  public void put(String code, List<String> answer) {
    List<String> kept = new ArrayList<>();
    for (String value : answer) {
      if (value != null && !value.isBlank()) {
        kept.add(value.strip());
      }
    }
    if (kept.isEmpty()) {
      values.remove(code);
    } else {
      values.put(code, List.copyOf(kept));
    }
  }

  public void put(String code, String answer) {
    put(code, answer == null ? List.of() : List.of(answer));
  }

  public List<String> get(String code) {
    return values.getOrDefault(code, List.of());
  }

  /** The first value, or "" when unanswered. */
  public String first(String code) {
    List<String> answer = get(code);
    return answer.isEmpty() ? "" : answer.get(0);
  }

  public boolean has(String code) {
    return values.containsKey(code);
  }

  public void remove(String code) {
    values.remove(code);
  }

  public Map<String, List<String>> asMap() {
    return Map.copyOf(values);
  }

  public String toJson() {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach(
        (code, answer) -> {
          JsonArrayBuilder array = Json.createArrayBuilder();
          answer.forEach(array::add);
          object.add(code, array);
        });
    return object.build().toString();
  }

  public Answers copy() {
    return of(values);
  }
}
