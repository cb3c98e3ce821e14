package org.civicportal.catalog.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicportal.catalog.boundary.ServiceEditor.ImportedService;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.catalog.entity.ServiceText;

/**
 * Reads an import file, one service text per line (JSON Lines) or record (CSV with a header row),
 * into lines to apply or lines to reject with a reason. The fields are described in {@code
 * docs/import.md}; a field not listed there is ignored. Line numbers are those of the file, so a
 * report can point at them (in CSV, the line where the record starts).
 */
public final class ImportLines {
  static final Set<String> REQUIRED =
      Set.of("externalId", "lang", "title", "summary", "body", "agency");

  private ImportLines() {}

  /** One line of the file: a service to import, or the reason it cannot be. */
  public record Line(int number, ImportedService service, boolean publish, String rejection) {
    static Line rejected(int number, String reason) {
      return new Line(number, null, false, reason);
    }
  }

  /** How many lines (JSON Lines) or records (CSV) the file has, for the progress bar. */
  public static int count(ImportJob.Format format, String content) {
    int[] count = {0};
    read(format, content, line -> count[0]++);
    return count[0];
  }

  /** Reads every line of the file, in order. */
  public static void read(ImportJob.Format format, String content, Consumer<Line> consumer) {
    if (format == ImportJob.Format.CSV) {
      readCsv(content, consumer);
    } else {
      readJsonLines(content, consumer);
    }
  }

  private static void readJsonLines(String content, Consumer<Line> consumer) {
    String[] lines = content.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i].strip();
      if (text.isEmpty()) {
        continue;
      }
      int number = i + 1;
      if (i == 0 && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      JsonObject object;
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        JsonValue value = reader.readValue();
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          consumer.accept(Line.rejected(number, "not a JSON object"));
          continue;
        }
        object = value.asJsonObject();
      } catch (JsonException e) {
        consumer.accept(Line.rejected(number, "not valid JSON: " + firstLine(e.getMessage())));
        continue;
      }
      Map<String, String> fields = new java.util.HashMap<>();
      String wrongType = null;
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        JsonValue v = e.getValue();
        if (v instanceof JsonString s) {
          fields.put(e.getKey(), s.getString());
        } else if (v.getValueType() == JsonValue.ValueType.NUMBER) {
          fields.put(e.getKey(), v.toString());
        } else if (v.getValueType() != JsonValue.ValueType.NULL && REQUIRED.contains(e.getKey())) {
          wrongType = e.getKey();
        }
      }
      consumer.accept(
          wrongType != null
              ? Line.rejected(number, wrongType + " must be a string")
              : line(number, fields));
    }
  }

  private static void readCsv(String content, Consumer<Line> consumer) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    int[] lineStarts = lineStarts(text);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.parse(text, format);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      consumer.accept(
          Line.rejected(1, "the header row is not valid: " + firstLine(e.getMessage())));
      return;
    }
    try (parser) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = new ArrayList<>();
      for (String required : List.of("externalId", "lang", "title", "summary", "body", "agency")) {
        if (!header.contains(required)) {
          missing.add(required);
        }
      }
      Iterator<CSVRecord> records = parser.iterator();
      int lastNumber = 1;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          consumer.accept(
              Line.rejected(lastNumber + 1, "malformed CSV: " + firstLine(e.getMessage())));
          break;
        }
        int start = (int) record.getCharacterPosition();
        // the position is where the parser stood, before the empty lines it skipped
        while (start < text.length()
            && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
          start++;
        }
        int number = lineOf(lineStarts, start);
        lastNumber = number;
        if (!missing.isEmpty()) {
          consumer.accept(Line.rejected(number, "the header row lacks the columns " + missing));
          continue;
        }
        if (!record.isConsistent()) {
          consumer.accept(
              Line.rejected(
                  number,
                  "has " + record.size() + " fields where the header has " + header.size()));
          continue;
        }
        consumer.accept(line(number, record.toMap()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where each line of the text starts, as character offsets. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The 1-based number of the line holding this character offset. */
  private static int lineOf(int[] lineStarts, int position) {
    int found = java.util.Arrays.binarySearch(lineStarts, position);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static Line line(int number, Map<String, String> fields) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("externalId", "lang", "title", "summary", "body", "agency")) {
      String value = fields.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      return Line.rejected(number, "missing " + String.join(", ", missing));
    }
    String state = fields.getOrDefault("state", "");
    boolean publish;
    if (state == null || state.isBlank() || state.strip().equals("draft")) {
      publish = false;
    } else if (state.strip().equals("published")) {
      publish = true;
    } else {
      return Line.rejected(number, "state must be draft or published, not '" + state + "'");
    }
    return new Line(
        number,
        new ImportedService(
            fields.get("externalId").strip(),
            fields.get("lang").strip(),
            fields.get("agency").strip(),
            fields.get("agencyName"),
            fields.get("category"),
            fields.get("categoryName"),
            new ServiceText(
                fields.get("title"),
                fields.get("summary"),
                fields.get("body"),
                fields.get("eligibility"),
                fields.get("documentsNeeded"),
                fields.get("fees"),
                fields.get("processingTime"),
                fields.get("contact"))),
        publish,
        null);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
