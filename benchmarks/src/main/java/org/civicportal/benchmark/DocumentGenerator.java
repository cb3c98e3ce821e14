package org.civicportal.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;
import org.civicportal.search.Visibility;

/**
 * Deterministic documents made of real sentences: document {@code n} depends only on the seed,
 * {@code n} and the corpus, so the index and the database hold the same text without storing it.
 *
 * <p>Each document takes a real page of its language: its title, its summary, and a run of 4 to 12
 * consecutive sentences of its body (so words that go together stay together, as phrase and
 * two-word queries expect), sometimes with one or two sentences of other pages mixed in. Pages
 * without a body of their own (the Canadian inventory) get sentences of other pages. Labels are
 * random: tenant (2), level 0 to 3 (fewer documents the higher), compartments (none for most),
 * releasability (none for most), type, agency, category and date.
 *
 * <p>Languages: English and French, and Spanish (10%) since the search index supports it; the
 * Spanish text comes from the USA.gov benefit pages.
 */
public final class DocumentGenerator implements Iterable<BenchDocument> {

  public static final long SEED = 20261126L;

  static final List<String> TENANTS = List.of("north", "south");
  static final List<String> COMPARTMENTS = List.of("alpha", "bravo", "charlie", "delta");
  static final List<String> NATIONS = List.of("CAN", "FRA", "GBR", "USA");
  static final List<String> TYPES = List.of("service", "page", "guide", "form", "news");
  static final List<String> AGENCIES =
      List.of(
          "interior",
          "justice",
          "health",
          "labour",
          "finance",
          "education",
          "transport",
          "housing",
          "environment",
          "culture",
          "defence",
          "foreign-affairs");
  static final List<String> CATEGORIES =
      List.of(
          "family",
          "work",
          "money",
          "travel",
          "health",
          "housing",
          "business",
          "education",
          "citizenship",
          "justice");
  private static final LocalDate FIRST_UPDATE = LocalDate.of(2015, 1, 1);
  private static final int UPDATE_DAYS = 11 * 365;
  private static final long MIX = 0x9E3779B97F4A7C15L;

  // Shares of the documents per language; a language the index does not support is left out.
  private static final Map<String, Integer> LANGUAGE_WEIGHTS = languageWeights();

  private final long seed;
  private final long count;
  private final List<String> languages = new ArrayList<>();
  private final int[] cumulativeWeights;
  private final Map<String, List<SourcePage>> pages = new LinkedHashMap<>();
  private final Map<String, List<String>> sentences = new LinkedHashMap<>();

  /**
   * @param corpus pages to draw from; pages of languages not generated are ignored
   * @param count how many documents the iteration yields
   * @param seed what makes a run differ from another; {@link #SEED} for the recorded runs
   */
  public DocumentGenerator(List<SourcePage> corpus, long count, long seed) {
    this.seed = seed;
    this.count = count;
    for (SourcePage page : corpus) {
      if (LANGUAGE_WEIGHTS.containsKey(page.language()) && !page.title().isBlank()) {
        pages.computeIfAbsent(page.language(), l -> new ArrayList<>()).add(page);
        sentences.computeIfAbsent(page.language(), l -> new ArrayList<>()).addAll(page.sentences());
      }
    }
    int total = 0;
    List<Integer> cumulative = new ArrayList<>();
    for (Map.Entry<String, Integer> weight : LANGUAGE_WEIGHTS.entrySet()) {
      if (pages.containsKey(weight.getKey()) && !sentences.get(weight.getKey()).isEmpty()) {
        languages.add(weight.getKey());
        total += weight.getValue();
        cumulative.add(total);
      }
    }
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("No page in any generated language");
    }
    cumulativeWeights = cumulative.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Languages that documents are generated in, e.g. {@code [en, fr]}. */
  public List<String> languages() {
    return List.copyOf(languages);
  }

  public long count() {
    return count;
  }

  /** Document {@code n}, the same for the same seed, corpus and {@code n}. */
  public BenchDocument document(long n) {
    SplittableRandom random = new SplittableRandom(seed ^ (n * MIX));
    String language = pickLanguage(random);
    List<SourcePage> ofLanguage = pages.get(language);
    SourcePage page = ofLanguage.get(random.nextInt(ofLanguage.size()));
    String body = body(random, page, sentences.get(language));
    String summary = page.summary().isBlank() ? firstSentence(body) : page.summary();
    String id = Long.toString(n);
    String type = pick(random, TYPES);
    var visibility = visibility(random);
    String agency = pick(random, AGENCIES);
    String category = pick(random, CATEGORIES);
    var updated = FIRST_UPDATE.plusDays(random.nextInt(UPDATE_DAYS));
    IndexDocument document =
        new IndexDocument("doc:" + id, type, id, language, page.title(), summary, body, visibility)
            .withDetails(
                agency, category, updated.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    return new BenchDocument(n, document, agency, category, updated);
  }

  /** Documents 0 to count - 1, generated as they are iterated. */
  @Override
  public Iterator<BenchDocument> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public BenchDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return document(next++);
      }
    };
  }

  private String pickLanguage(SplittableRandom random) {
    int roll = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
    int i = 0;
    while (roll >= cumulativeWeights[i]) {
      i++;
    }
    return languages.get(i);
  }

  private static String body(SplittableRandom random, SourcePage page, List<String> pool) {
    List<String> chosen = new ArrayList<>();
    int length = 4 + random.nextInt(9);
    List<String> own = page.body().isBlank() ? List.of() : page.sentences();
    if (own.size() >= 3) {
      int start = random.nextInt(own.size());
      for (int i = 0; i < Math.min(length, own.size()); i++) {
        chosen.add(own.get((start + i) % own.size()));
      }
      int others = random.nextInt(3);
      for (int i = 0; i < others; i++) {
        chosen.add(random.nextInt(chosen.size() + 1), pick(random, pool));
      }
    } else {
      for (int i = 0; i < length; i++) {
        chosen.add(pick(random, pool));
      }
    }
    return String.join(" ", chosen);
  }

  private static Visibility visibility(SplittableRandom random) {
    int roll = random.nextInt(10);
    int level = roll < 4 ? 0 : roll < 7 ? 1 : roll < 9 ? 2 : 3;
    String tenant = pick(random, TENANTS);
    Set<String> compartments = subset(random, COMPARTMENTS, 6, 9);
    Set<String> nations = subset(random, NATIONS, 7, 9);
    // what the public may read is published: the same documents it searched before issue 14
    return level == 0 && compartments.isEmpty() && nations.isEmpty()
        ? Visibility.publicIn(tenant)
        : new Visibility(tenant, level, compartments, nations);
  }

  /** Empty below {@code none} out of 10, one value below {@code one}, else two. */
  private static Set<String> subset(
      SplittableRandom random, List<String> values, int none, int one) {
    int roll = random.nextInt(10);
    Set<String> subset = new TreeSet<>();
    int size = roll < none ? 0 : roll < one ? 1 : 2;
    while (subset.size() < size) {
      subset.add(pick(random, values));
    }
    return subset;
  }

  private static String firstSentence(String body) {
    int end = body.indexOf(". ");
    return end < 0 ? body : body.substring(0, end + 1);
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static Map<String, Integer> languageWeights() {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put("en", 45);
    weights.put("fr", 45);
    weights.put("es", 10);
    weights.keySet().removeIf(language -> !SearchLanguages.isSupported(language));
    return weights;
  }
}
