package org.civicportal.catalog.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.form.control.FileTypes;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.form.control.Question;
import org.civicportal.form.control.QuestionType;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * {@code /staff/service-form?id=}: editors build a service's online form: questions of ten types,
 * required or optional, with rules and a condition on an earlier answer, labels in each of the
 * tenant's languages, and the files the form takes. Saving writes the form into the service's
 * draft, so it is reviewed and published with the revision.
 */
@Named
@ViewScoped
public class FormBuilderBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ServiceEditor editor;
  @Inject StaffAccess access;
  @Inject Tenants tenants;
  @Inject BannerBacking banner;
  @Inject StaffDocuments labels;
  @Inject FacesContext faces;

  private String id;
  private String serviceName;
  private int revision;
  private boolean own;
  private List<String> languages = List.of();
  private final List<Row> rows = new ArrayList<>();
  private boolean guests;
  private long maxFileMegabytes;
  private List<String> fileTypes = new ArrayList<>();

  /** One question being edited; every field a plain string so that bad input stays on screen. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String code = "";
    private String type = "text";
    private boolean required;
    private final Map<String, String> label = new LinkedHashMap<>();
    private final Map<String, String> hint = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private String maxLength = "";
    private String min = "";
    private String max = "";
    private String pattern = "";
    private String showIfQuestion = "";
    private String showIfEquals = "";

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code == null ? "" : code.strip();
    }

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    public Map<String, String> getLabel() {
      return label;
    }

    public Map<String, String> getHint() {
      return hint;
    }

    /** Per language, one option per line as {@code value = label}. */
    public Map<String, String> getOptions() {
      return options;
    }

    public String getMaxLength() {
      return maxLength;
    }

    public void setMaxLength(String maxLength) {
      this.maxLength = maxLength == null ? "" : maxLength.strip();
    }

    public String getMin() {
      return min;
    }

    public void setMin(String min) {
      this.min = min == null ? "" : min.strip();
    }

    public String getMax() {
      return max;
    }

    public void setMax(String max) {
      this.max = max == null ? "" : max.strip();
    }

    public String getPattern() {
      return pattern;
    }

    public void setPattern(String pattern) {
      this.pattern = pattern == null ? "" : pattern;
    }

    public String getShowIfQuestion() {
      return showIfQuestion;
    }

    public void setShowIfQuestion(String showIfQuestion) {
      this.showIfQuestion = showIfQuestion == null ? "" : showIfQuestion.strip();
    }

    public String getShowIfEquals() {
      return showIfEquals;
    }

    public void setShowIfEquals(String showIfEquals) {
      this.showIfEquals = showIfEquals == null ? "" : showIfEquals.strip();
    }

    public boolean isChoice() {
      return "choice".equals(type) || "multiple-choice".equals(type);
    }
  }

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    PublicService service;
    try {
      service = editor.find(Long.parseLong(id)).orElse(null);
    } catch (NumberFormatException | NoSuchRecordException e) {
      service = null;
    }
    if (service == null || !access.isEditor()) {
      faces.getExternalContext().responseSendError(404, "No such service");
      faces.responseComplete();
      return;
    }
    banner.show(labels.highest(List.of()), 0);
    if (faces.isPostback()) {
      return;
    }
    languages = tenants.byCode(CurrentTenant.code()).orElseThrow().locales();
    show(service.latest(), service);
  }

  private void show(ServiceRevision latest, PublicService service) {
    serviceName = service.translation(languages.get(0)).map(t -> t.title()).orElse(service.code());
    revision = latest.number();
    own = latest.ownForm().isPresent();
    FormDefinition form = latest.form();
    guests = form.guests();
    maxFileMegabytes = Math.max(1, form.maxFileBytes() / (1024 * 1024));
    fileTypes = new ArrayList<>(form.fileTypes());
    rows.clear();
    for (Question q : form.questions()) {
      Row row = new Row();
      row.code = q.code();
      row.type = q.type().external();
      row.required = q.required();
      for (String language : languages) {
        row.label.put(language, q.label().getOrDefault(language, ""));
        row.hint.put(language, q.hint().getOrDefault(language, ""));
        StringBuilder options = new StringBuilder();
        for (Question.Option o : q.options()) {
          options
              .append(o.value())
              .append(" = ")
              .append(o.label().getOrDefault(language, ""))
              .append('\n');
        }
        row.options.put(language, options.toString());
      }
      row.maxLength = q.maxLength().map(String::valueOf).orElse("");
      row.min = q.min().map(FormBuilderBacking::plain).orElse("");
      row.max = q.max().map(FormBuilderBacking::plain).orElse("");
      row.pattern = q.pattern().orElse("");
      row.showIfQuestion = q.showIf().map(Question.Condition::question).orElse("");
      row.showIfEquals = q.showIf().map(Question.Condition::equals).orElse("");
      rows.add(row);
    }
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  public void add() {
    Row row = new Row();
    row.code = "question-" + (rows.size() + 1);
    languages.forEach(
        l -> {
          row.label.put(l, "");
          row.hint.put(l, "");
          row.options.put(l, "");
        });
    rows.add(row);
  }

  public void remove(int index) {
    rows.remove(index);
  }

  public void up(int index) {
    if (index > 0) {
      rows.add(index - 1, rows.remove(index));
    }
  }

  public void down(int index) {
    if (index < rows.size() - 1) {
      rows.add(index + 1, rows.remove(index));
    }
  }

  public void save() {
    String json;
    try {
      json = toJson();
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return;
    }
    try {
      ServiceRevision draft = editor.defineForm(Long.parseLong(id), json);
      revision = draft.number();
      own = true;
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, text("formBuilder.saved"), null));
    } catch (InvalidInputException | ConflictException | NotPermittedException e) {
      error(e.getMessage());
    }
  }

  /** Goes back to the portal's standard form. */
  public void useStandard() {
    try {
      ServiceRevision draft = editor.defineForm(Long.parseLong(id), "");
      PublicService service = editor.find(Long.parseLong(id)).orElseThrow();
      show(draft, service);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, text("formBuilder.saved"), null));
    } catch (InvalidInputException | ConflictException | NotPermittedException e) {
      error(e.getMessage());
    }
  }

  private void error(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static String text(String key) {
    return org.civicportal.web.Messages.text(key);
  }

  /** The form as JSON; numbers that are not numbers are refused here, the rest by the form. */
  String toJson() {
    JsonArrayBuilder questions = Json.createArrayBuilder();
    for (Row row : rows) {
      JsonObjectBuilder q =
          Json.createObjectBuilder()
              .add("code", row.code)
              .add("type", row.type)
              .add("required", row.required)
              .add("label", texts(row.label, row.code, "label"));
      if (row.hint.values().stream().anyMatch(h -> h != null && !h.isBlank())) {
        q.add("hint", texts(row.hint, row.code, null));
      }
      if (row.isChoice()) {
        q.add("options", options(row));
      }
      if (!row.maxLength.isEmpty()) {
        q.add("maxLength", integer(row.maxLength, row.code, "maxLength"));
      }
      if (!row.min.isEmpty()) {
        q.add("min", number(row.min, row.code, "min"));
      }
      if (!row.max.isEmpty()) {
        q.add("max", number(row.max, row.code, "max"));
      }
      if (!row.pattern.isEmpty()) {
        q.add("pattern", row.pattern);
      }
      if (!row.showIfQuestion.isEmpty()) {
        q.add(
            "showIf",
            Json.createObjectBuilder()
                .add("question", row.showIfQuestion)
                .add("equals", row.showIfEquals));
      }
      questions.add(q);
    }
    JsonArrayBuilder types = Json.createArrayBuilder();
    fileTypes.forEach(types::add);
    return Json.createObjectBuilder()
        .add("guests", guests)
        .add("maxFileBytes", maxFileMegabytes * 1024 * 1024)
        .add("fileTypes", types)
        .add("questions", questions)
        .build()
        .toString();
  }

  private static JsonObjectBuilder texts(Map<String, String> texts, String code, String what) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    texts.forEach(
        (language, text) -> {
          if (text != null && !text.isBlank()) {
            b.add(language, text.strip());
          }
        });
    return b;
  }

  private JsonArrayBuilder options(Row row) {
    Map<String, Map<String, String>> byValue = new LinkedHashMap<>();
    for (String language : languages) {
      String text = row.options.getOrDefault(language, "");
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int eq = line.indexOf('=');
        String value = (eq < 0 ? line : line.substring(0, eq)).strip();
        String label = (eq < 0 ? line : line.substring(eq + 1)).strip();
        byValue.computeIfAbsent(value, v -> new LinkedHashMap<>()).put(language, label);
      }
    }
    JsonArrayBuilder options = Json.createArrayBuilder();
    byValue.forEach(
        (value, names) -> {
          JsonObjectBuilder label = Json.createObjectBuilder();
          names.forEach(label::add);
          options.add(Json.createObjectBuilder().add("value", value).add("label", label));
        });
    return options;
  }

  private static int integer(String text, String code, String field) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          field + " of " + code + " must be a whole number: " + text);
    }
  }

  private static double number(String text, String code, String field) {
    try {
      return Double.parseDouble(text.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " of " + code + " must be a number: " + text);
    }
  }

  public List<String> getTypes() {
    return Arrays.stream(QuestionType.values()).map(QuestionType::external).toList();
  }

  public List<String> getKnownFileTypes() {
    return FileTypes.KNOWN;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getLanguages() {
    return languages;
  }

  public String getServiceName() {
    return serviceName;
  }

  public int getRevision() {
    return revision;
  }

  public boolean isOwn() {
    return own;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isGuests() {
    return guests;
  }

  public void setGuests(boolean guests) {
    this.guests = guests;
  }

  public long getMaxFileMegabytes() {
    return maxFileMegabytes;
  }

  public void setMaxFileMegabytes(long maxFileMegabytes) {
    this.maxFileMegabytes = maxFileMegabytes;
  }

  public List<String> getFileTypes() {
    return fileTypes;
  }

  public void setFileTypes(List<String> fileTypes) {
    this.fileTypes = new ArrayList<>(fileTypes);
  }
}
