package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The UI message bundles, read straight from the sources as UTF-8: every translation has exactly
 * the keys of the English base bundle, with the same {@code {n}} placeholders and a real
 * translation, and every key that a page or theme template uses exists. Needs no server.
 */
class MessageBundlesTest {
  /** The language of the base bundle, {@code messages.properties}. */
  private static final String BASE = "en";

  private static final Path BUNDLES = Path.of("src/main/resources/i18n");
  private static final Path PAGES = Path.of("src/main/webapp");
  private static final Path THEME_TEMPLATES =
      Path.of("../themes/src/main/resources/META-INF/resources/templates");

  /** The argument index of a MessageFormat element: {@code {0}}, {@code {1,number}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)");

  /** A key used in a Facelets page, as in {@code #{msg['home.title']}}. */
  private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([^']+)'\\]");

  /**
   * Keys whose Arabic value may legitimately contain no Arabic letter, such as a product name kept
   * as it is. Empty today: every Arabic value has Arabic text.
   */
  private static final Set<String> UNTRANSLATED_IN_ARABIC = Set.of();

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ar"})
  void translationHasEveryKeyOfTheBase(String language) throws IOException {
    Map<String, String> base = bundle(BASE);
    Map<String, String> translation = bundle(language);

    Set<String> missing = new TreeSet<>(base.keySet());
    missing.removeAll(translation.keySet());

    assertThat(missing).withFailMessage("%s lacks keys: %s", fileName(language), missing).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ar"})
  void translationHasNoKeyTheBaseLacks(String language) throws IOException {
    Map<String, String> base = bundle(BASE);
    Map<String, String> translation = bundle(language);

    Set<String> extra = new TreeSet<>(translation.keySet());
    extra.removeAll(base.keySet());

    assertThat(extra)
        .withFailMessage("%s has keys that %s lacks: %s", fileName(language), fileName(BASE), extra)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, "fr", "ar"})
  void noKeyIsDefinedTwice(String language) throws IOException {
    Set<String> duplicates = load(language).duplicates;

    assertThat(duplicates)
        .withFailMessage("%s defines keys more than once: %s", fileName(language), duplicates)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, "fr", "ar"})
  void noValueIsBlank(String language) throws IOException {
    Set<String> blank = new TreeSet<>();
    bundle(language)
        .forEach(
            (key, value) -> {
              if (value.isBlank()) {
                blank.add(key);
              }
            });

    assertThat(blank)
        .withFailMessage("%s has blank values for keys: %s", fileName(language), blank)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "ar"})
  void translationHasTheSamePlaceholdersAsTheBase(String language) throws IOException {
    Map<String, String> base = bundle(BASE);
    Map<String, String> translation = bundle(language);

    List<String> mismatches = new ArrayList<>();
    base.forEach(
        (key, english) -> {
          String translated = translation.get(key);
          if (translated != null && !placeholders(english).equals(placeholders(translated))) {
            mismatches.add(
                key
                    + " (base "
                    + placeholders(english)
                    + ", "
                    + language
                    + " "
                    + placeholders(translated)
                    + ")");
          }
        });

    assertThat(mismatches)
        .withFailMessage(
            "%s has other {n} placeholders than %s for keys: %s",
            fileName(language), fileName(BASE), mismatches)
        .isEmpty();
  }

  /**
   * MessageFormat drops a lone {@code '} and treats what follows as quoted text, so a value with
   * placeholders (formatted by {@code h:outputFormat} or MessageFormat) writes an apostrophe as
   * {@code ''}; a value without placeholders is shown as it is, so it writes a single {@code '}.
   */
  @ParameterizedTest
  @ValueSource(strings = {BASE, "fr", "ar"})
  void apostrophesFollowMessageFormatRules(String language) throws IOException {
    List<String> wrong = new ArrayList<>();
    bundle(language)
        .forEach(
            (key, value) -> {
              boolean formatted = !placeholders(value).isEmpty();
              if (formatted && value.replace("''", "").contains("'")) {
                wrong.add(key + " (has placeholders: write '' for an apostrophe)");
              } else if (!formatted && value.contains("''")) {
                wrong.add(key + " (no placeholders: write a single ' for an apostrophe)");
              }
            });

    assertThat(wrong)
        .withFailMessage("%s has misquoted apostrophes for keys: %s", fileName(language), wrong)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, "fr", "ar"})
  void noValueIsAMachineCopyOrAKey(String language) throws IOException {
    Set<String> baseKeys = bundle(BASE).keySet();

    Set<String> suspicious = new TreeSet<>();
    bundle(language)
        .forEach(
            (key, value) -> {
              if (value.contains("???")
                  || value.contains("(Automatic Copy)")
                  || baseKeys.contains(value.strip())) {
                suspicious.add(key);
              }
            });

    assertThat(suspicious)
        .withFailMessage(
            "%s has values that are a key, \"???\" or \"(Automatic Copy)\" for keys: %s",
            fileName(language), suspicious)
        .isEmpty();
  }

  @Test
  void arabicValuesAreTranslated() throws IOException {
    Map<String, String> base = bundle(BASE);
    Map<String, String> arabic = bundle("ar");

    Set<String> untranslated = new TreeSet<>();
    arabic.forEach(
        (key, value) -> {
          String english = base.get(key);
          if (english != null
              && english.codePoints().anyMatch(Character::isLetter)
              && value.codePoints().noneMatch(MessageBundlesTest::isArabicLetter)
              && !UNTRANSLATED_IN_ARABIC.contains(key)) {
            untranslated.add(key);
          }
        });
    Set<String> staleAllowed = new TreeSet<>(UNTRANSLATED_IN_ARABIC);
    staleAllowed.removeAll(base.keySet());

    assertThat(untranslated)
        .withFailMessage("%s has no Arabic text for keys: %s", fileName("ar"), untranslated)
        .isEmpty();
    assertThat(staleAllowed)
        .withFailMessage(
            "UNTRANSLATED_IN_ARABIC names keys that %s lacks: %s", fileName(BASE), staleAllowed)
        .isEmpty();
  }

  @Test
  void everyKeyUsedByThePagesExists() throws IOException {
    assertKeysUsedUnderExist(PAGES);
  }

  @Test
  void everyKeyUsedByTheThemeTemplatesExists() throws IOException {
    assumeTrue(
        Files.isDirectory(THEME_TEMPLATES), () -> "no theme templates at " + THEME_TEMPLATES);
    assertKeysUsedUnderExist(THEME_TEMPLATES);
  }

  private static void assertKeysUsedUnderExist(Path root) throws IOException {
    Set<String> baseKeys = bundle(BASE).keySet();

    Map<String, Set<String>> missing = new TreeMap<>();
    List<Path> pages;
    try (Stream<Path> files = Files.walk(root)) {
      pages = files.filter(file -> file.toString().endsWith(".xhtml")).sorted().toList();
    }
    for (Path page : pages) {
      Matcher matcher = PAGE_KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (matcher.find()) {
        String key = matcher.group(1);
        if (!baseKeys.contains(key)) {
          missing.computeIfAbsent(key, k -> new TreeSet<>()).add(root.relativize(page).toString());
        }
      }
    }

    assertThat(pages).as("pages under %s", root).isNotEmpty();
    assertThat(missing)
        .withFailMessage(
            "%s lacks keys used by the pages under %s (key=[pages]): %s",
            fileName(BASE), root, missing)
        .isEmpty();
  }

  private static Set<Integer> placeholders(String value) {
    Set<Integer> indices = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(value);
    while (matcher.find()) {
      indices.add(Integer.valueOf(matcher.group(1)));
    }
    return indices;
  }

  private static boolean isArabicLetter(int codePoint) {
    return Character.isLetter(codePoint)
        && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
  }

  private static String fileName(String language) {
    return language.equals(BASE) ? "messages.properties" : "messages_" + language + ".properties";
  }

  private static Map<String, String> bundle(String language) throws IOException {
    Map<String, String> values = new TreeMap<>();
    load(language).forEach((key, value) -> values.put((String) key, (String) value));
    return values;
  }

  /** Reads a bundle as UTF-8; a byte that is not UTF-8 fails the read. */
  private static DuplicateTrackingProperties load(String language) throws IOException {
    DuplicateTrackingProperties properties = new DuplicateTrackingProperties();
    try (Reader reader =
        Files.newBufferedReader(BUNDLES.resolve(fileName(language)), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  /** Properties that remember the keys {@link Properties#load} saw more than once. */
  private static final class DuplicateTrackingProperties extends Properties {
    private static final long serialVersionUID = 1L;

    final Set<String> duplicates = new TreeSet<>();

    @Override
    public synchronized Object put(Object key, Object value) {
      Object previous = super.put(key, value);
      if (previous != null) {
        duplicates.add((String) key);
      }
      return previous;
    }
  }
}
