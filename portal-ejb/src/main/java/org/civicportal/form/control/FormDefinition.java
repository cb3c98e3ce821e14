package org.civicportal.form.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's online form: its questions in order, whether guests (with an e-mail, not signed in)
 * may submit, and the size and types of files it takes. Kept as JSON on each service revision, so a
 * form changes with the service's review and publication and a request keeps the revision it was
 * made with.
 */
public record FormDefinition(
    List<Question> questions, boolean guests, long maxFileBytes, List<String> fileTypes) {

  /** At most 25 MB per file, whatever a form says. */
  public static final long LARGEST_FILE = 25L * 1024 * 1024;

  public static final List<String> DEFAULT_FILE_TYPES =
      List.of("application/pdf", "image/jpeg", "image/png");

  private static final int DEFAULT_TEXT = 400;
  private static final int DEFAULT_LONG_TEXT = 4000;

  public FormDefinition {
    questions = List.copyOf(questions);
    fileTypes = List.copyOf(fileTypes);
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("A form asks at least one question");
    }
    Set<String> seen = new HashSet<>();
    for (Question q : questions) {
      if (q.showIf().isPresent() && !seen.contains(q.showIf().get().question())) {
        throw new IllegalArgumentException(
            "Question "
                + q.code()
                + " depends on "
                + q.showIf().get().question()
                + ", which is not an earlier question");
      }
      if (!seen.add(q.code())) {
        throw new IllegalArgumentException("Two questions have the code " + q.code());
      }
    }
    if (maxFileBytes < 1 || maxFileBytes > LARGEST_FILE) {
      throw new IllegalArgumentException(
          "maxFileBytes must be between 1 and " + LARGEST_FILE + " (25 MB)");
    }
    for (String type : fileTypes) {
      if (!FileTypes.KNOWN.contains(type)) {
        throw new IllegalArgumentException(
            "File type " + type + " is not one the portal recognises: " + FileTypes.KNOWN);
      }
    }
  }

  /**
   * The form of a service whose editors have not written one: what happened (required), where (an
   * address or a point on the map, both optional), and a photo or document.
   */
  public static FormDefinition standard() {
    return new FormDefinition(
        List.of(
            question(
                "description",
                QuestionType.LONG_TEXT,
                true,
                Map.of(
                    "en", "What is your request about?",
                    "fr", "Quel est l'objet de votre demande ?",
                    "ar", "ما موضوع طلبك؟")),
            question(
                "address",
                QuestionType.ADDRESS,
                false,
                Map.of(
                    "en",
                    "Address (if any)",
                    "fr",
                    "Adresse (le cas échéant)",
                    "ar",
                    "العنوان (إن وجد)")),
            question(
                "location",
                QuestionType.LOCATION,
                false,
                Map.of(
                    "en", "Latitude and longitude (if any)",
                    "fr", "Latitude et longitude (le cas échéant)",
                    "ar", "خط العرض وخط الطول (إن وجد)")),
            question(
                "file",
                QuestionType.FILE,
                false,
                Map.of(
                    "en", "A photo or document (optional)",
                    "fr", "Une photo ou un document (facultatif)",
                    "ar", "صورة أو مستند (اختياري)"))),
        true,
        10L * 1024 * 1024,
        DEFAULT_FILE_TYPES);
  }

  private static Question question(
      String code, QuestionType type, boolean required, Map<String, String> label) {
    return new Question(
        code,
        type,
        required,
        label,
        Map.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Optional<Question> question(String code) {
    return questions.stream().filter(q -> q.code().equals(code)).findFirst();
  }

  /**
   * The questions asked given these answers: those without a condition or whose condition holds.
   */
  public List<Question> asked(Answers answers) {
    List<Question> asked = new ArrayList<>();
    Set<String> askedCodes = new HashSet<>();
    for (Question q : questions) {
      boolean ask =
          q.showIf()
              .map(
                  c ->
                      askedCodes.contains(c.question())
                          && answers.get(c.question()).contains(c.equals()))
              .orElse(true);
      if (ask) {
        asked.add(q);
        askedCodes.add(q.code());
      }
    }
    return asked;
  }

  /** The answers without those to questions no longer asked or not in the form. */
  public Answers keepAsked(Answers answers) {
    Answers kept = Answers.none();
    for (Question q : asked(answers)) {
      if (answers.has(q.code())) {
        kept.put(q.code(), answers.get(q.code()));
      }
    }
    return kept;
  }

  /** Checks one answer against its question's type and rules. */
  public Optional<AnswerError> check(Question q, Answers answers) {
    List<String> values = answers.get(q.code());
    if (values.isEmpty()) {
      return q.required()
          ? Optional.of(
              AnswerError.of(
                  q.code(),
                  q.type() == QuestionType.FILE ? "form.error.file" : "form.error.required"))
          : Optional.empty();
    }
    if (q.type() != QuestionType.MULTIPLE_CHOICE
        && q.type() != QuestionType.FILE
        && values.size() > 1) {
      return Optional.of(AnswerError.of(q.code(), "form.error.one"));
    }
    String value = values.get(0);
    return switch (q.type()) {
      case TEXT, ADDRESS -> text(q, value, DEFAULT_TEXT);
      case LONG_TEXT -> text(q, value, DEFAULT_LONG_TEXT);
      case NUMBER -> number(q, value);
      case DATE -> date(q, value);
      case CHOICE, MULTIPLE_CHOICE -> options(q, values);
      case YES_NO ->
          value.equals("yes") || value.equals("no")
              ? Optional.empty()
              : Optional.of(AnswerError.of(q.code(), "form.error.option"));
      case LOCATION ->
          Location.parse(value).isPresent()
              ? Optional.empty()
              : Optional.of(AnswerError.of(q.code(), "form.error.location"));
      case FILE -> Optional.empty();
    };
  }

  /** Every error in these answers, in question order; empty when they may be submitted. */
  public List<AnswerError> check(Answers answers) {
    List<AnswerError> errors = new ArrayList<>();
    for (String code : answers.asMap().keySet()) {
      if (question(code).isEmpty()) {
        errors.add(AnswerError.of(code, "form.error.unknown"));
      }
    }
    for (Question q : asked(answers)) {
      check(q, answers).ifPresent(errors::add);
    }
    return errors;
  }

  private static Optional<AnswerError> text(Question q, String value, int defaultMax) {
    int max = q.maxLength().orElse(defaultMax);
    if (value.codePointCount(0, value.length()) > max) {
      return Optional.of(AnswerError.of(q.code(), "form.error.tooLong", Integer.toString(max)));
    }
    if (q.pattern().isPresent() && !value.matches(q.pattern().get())) {
      return Optional.of(AnswerError.of(q.code(), "form.error.pattern"));
    }
    return Optional.empty();
  }

  private static Optional<AnswerError> number(Question q, String value) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.replace(',', '.'));
    } catch (NumberFormatException e) {
      return Optional.of(AnswerError.of(q.code(), "form.error.number"));
    }
    if (q.min().isPresent() && number.compareTo(BigDecimal.valueOf(q.min().get())) < 0) {
      return Optional.of(AnswerError.of(q.code(), "form.error.min", plain(q.min().get())));
    }
    if (q.max().isPresent() && number.compareTo(BigDecimal.valueOf(q.max().get())) > 0) {
      return Optional.of(AnswerError.of(q.code(), "form.error.max", plain(q.max().get())));
    }
    return Optional.empty();
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static Optional<AnswerError> date(Question q, String value) {
    try {
      LocalDate.parse(value);
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(AnswerError.of(q.code(), "form.error.date"));
    }
  }

  private static Optional<AnswerError> options(Question q, List<String> values) {
    Set<String> offered = new HashSet<>();
    q.options().forEach(o -> offered.add(o.value()));
    return offered.containsAll(values) && new HashSet<>(values).size() == values.size()
        ? Optional.empty()
        : Optional.of(AnswerError.of(q.code(), "form.error.option"));
  }

  /**
   * Reads a form definition from its JSON form.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static FormDefinition parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return of(reader.readObject());
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException("The form is not valid JSON: " + e.getMessage(), e);
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("The form is not a form definition: " + e.getMessage(), e);
    }
  }

  /** Reads a form definition from a JSON object. */
  public static FormDefinition of(JsonObject json) {
    List<Question> questions = new ArrayList<>();
    if (!json.containsKey("questions")) {
      throw new IllegalArgumentException("A form needs \"questions\"");
    }
    for (JsonValue value : json.getJsonArray("questions")) {
      JsonObject q = value.asJsonObject();
      String code = q.getString("code");
      String typeName = q.getString("type", "");
      QuestionType type =
          QuestionType.ofExternal(typeName)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Question " + code + " has an unknown type \"" + typeName + "\""));
      List<Question.Option> options = new ArrayList<>();
      if (q.containsKey("options")) {
        for (JsonValue o : q.getJsonArray("options")) {
          JsonObject option = o.asJsonObject();
          options.add(
              new Question.Option(option.getString("value"), texts(option.getJsonObject("label"))));
        }
      }
      Optional<Question.Condition> showIf = Optional.empty();
      if (q.containsKey("showIf")) {
        JsonObject c = q.getJsonObject("showIf");
        showIf =
            Optional.of(new Question.Condition(c.getString("question"), c.getString("equals")));
      }
      questions.add(
          new Question(
              code,
              type,
              q.getBoolean("required", false),
              texts(q.getJsonObject("label")),
              q.containsKey("hint") ? texts(q.getJsonObject("hint")) : Map.of(),
              options,
              q.containsKey("maxLength") ? Optional.of(q.getInt("maxLength")) : Optional.empty(),
              number(q, "min"),
              number(q, "max"),
              q.containsKey("pattern") ? Optional.of(q.getString("pattern")) : Optional.empty(),
              showIf));
    }
    List<String> types = new ArrayList<>();
    if (json.containsKey("fileTypes")) {
      json.getJsonArray("fileTypes").forEach(t -> types.add(((JsonString) t).getString()));
    } else {
      types.addAll(DEFAULT_FILE_TYPES);
    }
    return new FormDefinition(
        questions,
        json.getBoolean("guests", false),
        json.containsKey("maxFileBytes")
            ? json.getJsonNumber("maxFileBytes").longValueExact()
            : 10L * 1024 * 1024,
        types);
  }

  private static Optional<Double> number(JsonObject q, String name) {
    return q.containsKey(name) && q.get(name) instanceof JsonNumber n
        ? Optional.of(n.doubleValue())
        : Optional.empty();
  }

  private static Map<String, String> texts(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("A label is an object of texts by language");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    json.forEach((language, text) -> texts.put(language, ((JsonString) text).getString()));
    return texts;
  }

  /** The JSON form, as {@link #parse} reads it. */
  public String toJson() {
    return toJsonObject().toString();
  }

  public JsonObject toJsonObject() {
    JsonArrayBuilder qs = Json.createArrayBuilder();
    for (Question q : questions) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("code", q.code())
              .add("type", q.type().external())
              .add("required", q.required())
              .add("label", texts(q.label()));
      if (!q.hint().isEmpty()) {
        b.add("hint", texts(q.hint()));
      }
      if (!q.options().isEmpty()) {
        JsonArrayBuilder os = Json.createArrayBuilder();
        q.options()
            .forEach(
                o ->
                    os.add(
                        Json.createObjectBuilder()
                            .add("value", o.value())
                            .add("label", texts(o.label()))));
        b.add("options", os);
      }
      q.maxLength().ifPresent(m -> b.add("maxLength", m));
      q.min().ifPresent(m -> b.add("min", m));
      q.max().ifPresent(m -> b.add("max", m));
      q.pattern().ifPresent(p -> b.add("pattern", p));
      q.showIf()
          .ifPresent(
              c ->
                  b.add(
                      "showIf",
                      Json.createObjectBuilder()
                          .add("question", c.question())
                          .add("equals", c.equals())));
      qs.add(b);
    }
    JsonArrayBuilder types = Json.createArrayBuilder();
    fileTypes.forEach(types::add);
    return Json.createObjectBuilder()
        .add("guests", guests)
        .add("maxFileBytes", maxFileBytes)
        .add("fileTypes", types)
        .add("questions", qs)
        .build();
  }

  private static JsonObjectBuilder texts(Map<String, String> texts) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    new java.util.TreeMap<>(texts).forEach(b::add);
    return b;
  }
}
