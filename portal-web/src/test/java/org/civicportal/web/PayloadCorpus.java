package org.civicportal.web;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The hostile inputs of {@code ../shared/corpus/security-test-payloads}: every line of the
 * payloadbox XSS list and of the 23 payloadbox SQL-injection lists, and every string of the Big
 * List of Naughty Strings ({@code blns.json}: the same strings as {@code blns.txt} without its
 * comment lines). Each distinct string counts once, in the first class it appears in.
 */
public record PayloadCorpus(Map<String, List<String>> byClass) {
  public static final Path DIR = Path.of("..", "..", "shared", "corpus", "security-test-payloads");

  public static boolean present() {
    return Files.isDirectory(DIR);
  }

  public static PayloadCorpus load() throws IOException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    Map<String, List<String>> byClass = new LinkedHashMap<>();
    byClass.put("xss", distinct(lines(DIR.resolve("payloadbox-xss/xss-payload-list.txt")), seen));
    List<String> sqli = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR.resolve("payloadbox-sqli"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        sqli.addAll(lines(file));
      }
    }
    byClass.put("sqli", distinct(sqli, seen));
    List<String> blns = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(DIR.resolve("blns/blns.json"));
        JsonReader json = Json.createReader(in)) {
      json.readArray().forEach(v -> blns.add(((JsonString) v).getString()));
    }
    byClass.put("blns", distinct(blns, seen));
    return new PayloadCorpus(byClass);
  }

  private static List<String> lines(Path file) throws IOException {
    // the lists are not all valid UTF-8: read bytes as a browser form would send them, undamaged
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static List<String> distinct(List<String> payloads, java.util.Set<String> seen) {
    List<String> kept = new ArrayList<>();
    for (String p : payloads) {
      if (!p.isEmpty() && seen.add(p)) {
        kept.add(p);
      }
    }
    return kept;
  }

  public int size() {
    return byClass.values().stream().mapToInt(List::size).sum();
  }

  /** Every payload with its class, in corpus order. */
  public List<Payload> all() {
    List<Payload> all = new ArrayList<>();
    byClass.forEach((c, list) -> list.forEach(p -> all.add(new Payload(c, p))));
    return all;
  }

  /**
   * The fixed rotation: each class's payloads shuffled once with this seed; the field at position
   * {@code index} of the sorted list of rotated fields takes the next {@code perClass.get(c)}
   * payloads of each class c after those of the fields before it (wrapping around at the end). So
   * every field gets payloads of every class, and the fields together walk through each class
   * before any payload of it comes twice.
   */
  public List<Payload> rotation(long seed, int index, Map<String, Integer> perClass) {
    List<Payload> chosen = new ArrayList<>();
    byClass.forEach(
        (c, list) -> {
          List<String> shuffled = new ArrayList<>(list);
          Collections.shuffle(shuffled, new Random(seed));
          int k = perClass.getOrDefault(c, 0);
          for (int j = 0; j < k; j++) {
            chosen.add(
                new Payload(c, shuffled.get(Math.floorMod((long) index * k + j, list.size()))));
          }
        });
    return chosen;
  }

  public record Payload(String kind, String text) {}
}
