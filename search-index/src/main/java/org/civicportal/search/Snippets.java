package org.civicportal.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.civicportal.search.schema.SearchFields;

/**
 * Builds the HTML snippet of each hit: up to two passages of the body around the matches, else of
 * the summary, else of the attachments' text (so a record found only through an attached file shows
 * where), else the start of the summary or body. Every character of document text is escaped,
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

  /**
   * @param readerFields the fields of the searcher's whole reader, which the highlighter would
   *     otherwise merge from every segment again for each search
   */
  Snippets(IndexSearcher searcher, Analyzer analyzer, FieldInfos readerFields) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter(MARK, END_MARK, ELLIPSIS, true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f))
            .withMaxNoHighlightPassages(0)
            .withMaxLength(MAX_ANALYSED_LENGTH);
    this.highlighter =
        new UnifiedHighlighter(builder) {
          {
            this.fieldInfos = readerFields;
          }
        };
  }

  /**
   * One snippet per hit, in the same order; {@code languages} are the hits' languages. Fields are
   * highlighted in the order a snippet prefers them, each only for the hits still without one: most
   * hits match in the body, so the summary and the attachments (which may be long) are rarely read
   * at all.
   */
  List<String> forHits(Query query, int[] docs, List<String> languages, StoredFields storedFields)
      throws IOException {
    String[] snippets = new String[docs.length];
    for (Function<String, String> field :
        List.<Function<String, String>>of(
            SearchFields::body, SearchFields::summary, SearchFields::attachments)) {
      highlight(query, field, docs, languages, snippets);
    }
    List<String> all = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      String snippet = snippets[i];
      if (snippet == null) {
        snippet = opening(storedFields, docs[i], languages.get(i));
      }
      all.add(WHITESPACE.matcher(snippet).replaceAll(" ").strip());
    }
    return all;
  }

  /** Fills the snippets still missing with passages of one field of each hit's language. */
  private void highlight(
      Query query,
      Function<String, String> field,
      int[] docs,
      List<String> languages,
      String[] snippets)
      throws IOException {
    List<Integer> missing = new ArrayList<>();
    Set<String> fields = new TreeSet<>();
    for (int i = 0; i < docs.length; i++) {
      if (snippets[i] == null) {
        missing.add(i);
        fields.add(field.apply(languages.get(i)));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    int[] ids = missing.stream().mapToInt(i -> docs[i]).toArray();
    int[] maxPassages = new int[fields.size()];
    Arrays.fill(maxPassages, PASSAGES);
    Map<String, String[]> passages =
        highlighter.highlightFields(fields.toArray(String[]::new), query, ids, maxPassages);
    for (int m = 0; m < missing.size(); m++) {
      int hit = missing.get(m);
      String[] perHit = passages.get(field.apply(languages.get(hit)));
      String passage = perHit == null ? null : perHit[m];
      snippets[hit] = passage == null || passage.isBlank() ? null : passage;
    }
  }

  /** The escaped start of the summary, or of the body when there is no summary. */
  private static String opening(StoredFields storedFields, int doc, String language)
      throws IOException {
    Document stored =
        storedFields.document(
            doc, Set.of(SearchFields.summary(language), SearchFields.body(language)));
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
