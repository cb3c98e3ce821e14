package org.civicportal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.civicportal.search.analysis.SuggestionWords;
import org.civicportal.search.query.CitizenQueryParser;
import org.civicportal.search.schema.SearchFields;

/**
 * Completions of a word being typed and corrections of a query that found (almost) nothing, both
 * from the suggestion-words fields and both leak-free: a word is offered only if a document the
 * audience may see contains it, and every choice between words is made on counts of visible
 * documents only, so documents the audience may not see change nothing it is offered.
 */
final class Suggestions {

  /** Shortest last word, in characters, that gets completions: shorter ones match too much. */
  static final int MIN_PREFIX = 2;

  /** Longest text, in words, that gets a correction: a correction is for a few typed words. */
  static final int MAX_WORDS_TO_CORRECT = 8;

  /** Shortest word, in characters, that may be corrected; shorter ones have too many neighbours. */
  static final int MIN_WORD_TO_CORRECT = 3;

  private record Candidate(String written, int distance, long visible) {}

  private Suggestions() {}

  /**
   * Completions of the last word of {@code text}, each the whole text with its last word completed:
   * the visible-most words first, then alphabetical.
   */
  static List<String> complete(
      AudienceSearcher searcher, String text, List<String> languages, int max) throws IOException {
    int start = lastWordStart(text);
    String folded = SuggestionWords.fold(text.substring(start));
    if (folded.codePointCount(0, folded.length()) < MIN_PREFIX) {
      return List.of();
    }
    BytesRef prefix = SuggestionWords.prefix(folded);
    Map<String, Long> visible = new HashMap<>();
    for (String language : languages) {
      String field = SearchFields.words(language);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        LeafVisibility visibility = searcher.visibility(leaf);
        TermsEnum terms = termsFrom(leaf, field, prefix, visibility);
        for (BytesRef term = terms == null ? null : terms.term();
            term != null && StringHelper.startsWith(term, prefix);
            term = terms.next()) {
          long count = visibility.termStatistics(new Term(field, term), terms)[0];
          if (count > 0) {
            visible.merge(SuggestionWords.written(term), count, Long::sum);
          }
        }
      }
    }
    String before = text.substring(0, start);
    return visible.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(max)
        .map(entry -> before + entry.getKey())
        .toList();
  }

  /** The total a search for a parsed text would show, counted as the page counts its own. */
  interface Totals {
    long of(Query text) throws IOException;
  }

  /**
   * The text with each word that finds nothing visible replaced by the nearest word (edit distance,
   * then visible count, then alphabet) that visible documents contain, if the corrected text finds
   * more than {@code total} records with the same audience, filters and languages; otherwise empty.
   */
  static Optional<String> didYouMean(
      AudienceSearcher searcher,
      CitizenQueryParser parser,
      SearchQuery query,
      Totals totals,
      long total)
      throws IOException {
    String text = query.text();
    List<int[]> words = wordSpans(text);
    if (words.isEmpty() || words.size() > MAX_WORDS_TO_CORRECT) {
      return Optional.empty();
    }
    StringBuilder corrected = new StringBuilder();
    int copied = 0;
    boolean changed = false;
    for (int[] span : words) {
      String word = text.substring(span[0], span[1]);
      if (word.codePointCount(0, word.length()) < MIN_WORD_TO_CORRECT
          || isFound(searcher, parser, word, query.languages())) {
        continue;
      }
      Optional<String> nearest = nearest(searcher, word, query.languages());
      if (nearest.isPresent()) {
        corrected.append(text, copied, span[0]).append(nearest.get());
        copied = span[1];
        changed = true;
      }
    }
    if (!changed) {
      return Optional.empty();
    }
    corrected.append(text.substring(copied));
    Optional<Query> parsed = parser.parse(corrected.toString(), query.languages());
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return totals.of(parsed.get()) > total ? Optional.of(corrected.toString()) : Optional.empty();
  }

  /** Whether the word alone finds a visible document (a stop word counts as found). */
  private static boolean isFound(
      AudienceSearcher searcher, CitizenQueryParser parser, String word, List<String> languages)
      throws IOException {
    Optional<Query> alone = parser.parse(word, languages);
    if (alone.isEmpty()) {
      return true;
    }
    Query visible =
        new BooleanQuery.Builder()
            .add(alone.get(), Occur.MUST)
            .add(searcher.visibleDocs(), Occur.FILTER)
            .build();
    return searcher.count(visible) > 0;
  }

  /** The best visible word within the edit distance, sharing the first letter (as typos do). */
  private static Optional<String> nearest(
      AudienceSearcher searcher, String word, List<String> languages) throws IOException {
    String folded = SuggestionWords.fold(word);
    int[] target = folded.codePoints().toArray();
    int maxEdits = target.length <= 4 ? 1 : 2;
    BytesRef prefix = SuggestionWords.prefix(new String(target, 0, 1));
    Map<String, Integer> distances = new HashMap<>();
    Map<String, Candidate> candidates = new HashMap<>();
    for (String language : languages) {
      String field = SearchFields.words(language);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        LeafVisibility visibility = searcher.visibility(leaf);
        TermsEnum terms = termsFrom(leaf, field, prefix, visibility);
        for (BytesRef term = terms == null ? null : terms.term();
            term != null && StringHelper.startsWith(term, prefix);
            term = terms.next()) {
          String candidate = SuggestionWords.folded(term);
          int distance =
              distances.computeIfAbsent(
                  candidate, c -> EditDistance.atMost(target, c.codePoints().toArray(), maxEdits));
          if (distance == 0 || distance > maxEdits) {
            continue;
          }
          long count = visibility.termStatistics(new Term(field, term), terms)[0];
          if (count > 0) {
            String written = SuggestionWords.written(term);
            candidates.merge(
                written,
                new Candidate(written, distance, count),
                (a, b) -> new Candidate(written, distance, a.visible() + b.visible()));
          }
        }
      }
    }
    return candidates.values().stream()
        .min(
            Comparator.comparingInt(Candidate::distance)
                .thenComparing(Candidate::visible, Comparator.reverseOrder())
                .thenComparing(Candidate::written))
        .map(Candidate::written);
  }

  /** A terms enum of the field standing on the first term at or after the prefix, or null. */
  private static TermsEnum termsFrom(
      LeafReaderContext leaf, String field, BytesRef prefix, LeafVisibility visibility)
      throws IOException {
    if (visibility.count() == 0) {
      return null;
    }
    Terms terms = leaf.reader().terms(field);
    if (terms == null) {
      return null;
    }
    TermsEnum termsEnum = terms.iterator();
    return termsEnum.seekCeil(prefix) == TermsEnum.SeekStatus.END ? null : termsEnum;
  }

  /** Where the trailing run of letters and digits starts (the text's length if there is none). */
  static int lastWordStart(String text) {
    int start = text.length();
    while (start > 0) {
      int codePoint = text.codePointBefore(start);
      if (!Character.isLetterOrDigit(codePoint)) {
        break;
      }
      start -= Character.charCount(codePoint);
    }
    return start;
  }

  /** Start and end of each run of letters and digits. */
  static List<int[]> wordSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (Character.isLetterOrDigit(codePoint)) {
        int start = i;
        while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
        spans.add(new int[] {start, i});
      } else {
        i += Character.charCount(codePoint);
      }
    }
    return spans;
  }
}
