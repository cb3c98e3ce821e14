package org.civicportal.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.civicportal.search.schema.SearchFields;

/**
 * Builds the HTML snippet of each hit: up to two passages of the body around the matches, else of
 * the summary, else the start of the summary or body. Every character of document text is escaped,
 * because snippets go into web pages and JSON and documents may contain markup.
 */
final class Snippets {

  static final String MARK = "<mark>";
  static final String END_MARK = "</mark>";

  private static final int PASSAGES = 2;
  // Passages built from word boundaries around a match rather than sentences: administrative
  // pages have sentences of several hundred characters, and a snippet must stay near 300.
  private static final int PASSAGE_LENGTH = 120;
  private static final int FALLBACK_LENGTH = 200;
  private static final int MAX_ANALYSED_LENGTH = 100_000;
  private static final String ELLIPSIS = "… ";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final UnifiedHighlighter highlighter;

  Snippets(IndexSearcher searcher, Analyzer analyzer) {
    this.highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter(MARK, END_MARK, ELLIPSIS, true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f))
            .withMaxNoHighlightPassages(0)
            .withMaxLength(MAX_ANALYSED_LENGTH)
            .build();
  }

  /** One snippet per hit of {@code top}, in the same order; {@code stored} holds their fields. */
  List<String> forHits(
      Query query, TopDocs top, Collection<String> languages, List<Document> stored)
      throws IOException {
    List<String> fields = new ArrayList<>();
    for (String language : languages) {
      fields.add(SearchFields.body(language));
      fields.add(SearchFields.summary(language));
    }
    int[] maxPassages = new int[fields.size()];
    Arrays.fill(maxPassages, PASSAGES);
    Map<String, String[]> passages =
        highlighter.highlightFields(fields.toArray(String[]::new), query, top, maxPassages);
    List<String> snippets = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      String language = stored.get(i).get(SearchFields.LANGUAGE);
      String snippet = passage(passages, SearchFields.body(language), i);
      if (snippet == null) {
        snippet = passage(passages, SearchFields.summary(language), i);
      }
      if (snippet == null) {
        snippet = opening(stored.get(i), language);
      }
      snippets.add(WHITESPACE.matcher(snippet).replaceAll(" ").strip());
    }
    return snippets;
  }

  private static String passage(Map<String, String[]> passages, String field, int hit) {
    String[] perHit = passages.get(field);
    String passage = perHit == null ? null : perHit[hit];
    return passage == null || passage.isBlank() ? null : passage;
  }

  /** The escaped start of the summary, or of the body when there is no summary. */
  private static String opening(Document stored, String language) {
    String text = stored.get(SearchFields.summary(language));
    if (text == null || text.isBlank()) {
      text = stored.get(SearchFields.body(language));
    }
    text = WHITESPACE.matcher(text == null ? "" : text).replaceAll(" ").strip();
    if (text.length() > FALLBACK_LENGTH) {
      int cut = text.lastIndexOf(' ', FALLBACK_LENGTH);
      text = text.substring(0, cut > 0 ? cut : FALLBACK_LENGTH) + " …";
    }
    return escape(text);
  }

  /** Escapes as {@link DefaultPassageFormatter} does, so every snippet follows one rule. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
