package org.civicportal.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.civicportal.search.schema.SearchFields;

/**
 * Facet counts over exactly the documents a search matched (query, audience and filters: the
 * documents of the total), as {@link VisibleMatches} visits them, one segment at a time.
 *
 * <p>Keyword dimensions are counted per segment from the fields' sorted-set doc values (the {@code
 * KeywordField}s the filters also use), then merged by value: no ordinal map across segments to
 * build per commit, and only values that a matched document has are ever read, so a value that only
 * invisible documents have cannot appear, not even with a count of 0. Date ranges are counted in
 * the same pass, from the doc values of {@code updated}, as Lucene's {@code LongRangeFacetCounts}
 * counts them (a document once per range holding one of its dates).
 *
 * <p>Each segment's {@link Leaf} is filled by one thread; {@link #result()} merges them after every
 * segment has been counted.
 */
final class FacetCounts {

  /** Most values listed per dimension; counts stay exact, the rarest values are left out. */
  static final int MAX_VALUES = 100;

  private static final Map<String, String> KEYWORD_DIMENSIONS = new LinkedHashMap<>();

  static {
    KEYWORD_DIMENSIONS.put("type", SearchFields.TYPE);
    KEYWORD_DIMENSIONS.put("agency", SearchFields.AGENCY);
    KEYWORD_DIMENSIONS.put("category", SearchFields.CATEGORY);
    KEYWORD_DIMENSIONS.put("language", SearchFields.LANGUAGE);
    KEYWORD_DIMENSIONS.put("level", SearchFields.LEVEL_RANK);
  }

  static final String UPDATED = "updated";

  private static final List<String> KEYWORD_FIELDS = List.copyOf(KEYWORD_DIMENSIONS.values());

  private final long[] min;
  private final long[] max;
  private final Leaf[] leaves;

  /**
   * @param now the instant the date ranges count back from
   * @param leafCount the number of segments of the searcher's reader
   */
  FacetCounts(Instant now, int leafCount) {
    UpdatedWithin[] ranges = UpdatedWithin.values();
    min = new long[ranges.length];
    max = new long[ranges.length];
    for (int r = 0; r < ranges.length; r++) {
      min[r] = ranges[r].min(now);
      max[r] = ranges[r].max(now);
    }
    leaves = new Leaf[leafCount];
  }

  /** The counts of segment number {@code ord}, to fill on the calling thread. */
  Leaf leaf(int ord, LeafReader reader) throws IOException {
    Leaf leaf = new Leaf(reader, min, max);
    leaves[ord] = leaf;
    return leaf;
  }

  /** Every dimension, values by count then value, zero counts left out. */
  Map<String, Map<String, Long>> result() throws IOException {
    List<Map<String, Long>> totals = new ArrayList<>();
    KEYWORD_FIELDS.forEach(field -> totals.add(new HashMap<>()));
    long[] dates = new long[min.length];
    for (Leaf leaf : leaves) {
      if (leaf != null) {
        leaf.addTo(totals, dates);
      }
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    int i = 0;
    for (String dimension : KEYWORD_DIMENSIONS.keySet()) {
      facets.put(dimension, ordered(totals.get(i++)));
    }
    UpdatedWithin[] ranges = UpdatedWithin.values();
    Map<String, Long> byLabel = new HashMap<>();
    for (int r = 0; r < ranges.length; r++) {
      byLabel.put(ranges[r].label(), dates[r]);
    }
    facets.put(UPDATED, ordered(byLabel));
    return facets;
  }

  /**
   * One segment's counts: per keyword field by ordinal (merged by value at the end), and per date
   * range, where a document counts once in each range that holds one of its dates.
   */
  static final class Leaf {
    private final long[] min;
    private final long[] max;
    private final SortedSetDocValues[] values;
    // Each field as a single value per document where the segment has no more (the usual case:
    // one type, one language...), read without the multi-valued iteration.
    private final SortedDocValues[] single;
    private final int[][] perOrd;
    private final SortedNumericDocValues updated;
    private final NumericDocValues singleDate;
    private final long[] dates;

    private Leaf(LeafReader reader, long[] min, long[] max) throws IOException {
      this.min = min;
      this.max = max;
      int fields = KEYWORD_FIELDS.size();
      values = new SortedSetDocValues[fields];
      single = new SortedDocValues[fields];
      perOrd = new int[fields][];
      for (int f = 0; f < fields; f++) {
        values[f] = DocValues.getSortedSet(reader, KEYWORD_FIELDS.get(f));
        single[f] = DocValues.unwrapSingleton(values[f]);
        perOrd[f] = new int[Math.toIntExact(values[f].getValueCount())];
      }
      updated = DocValues.getSortedNumeric(reader, SearchFields.UPDATED);
      singleDate = DocValues.unwrapSingleton(updated);
      dates = new long[min.length];
    }

    /** Counts one matched document; documents come in increasing order. */
    void collect(int doc) throws IOException {
      for (int f = 0; f < values.length; f++) {
        if (single[f] != null) {
          if (single[f].advanceExact(doc)) {
            perOrd[f][single[f].ordValue()]++;
          }
        } else if (values[f].advanceExact(doc)) {
          for (int n = values[f].docValueCount(); n > 0; n--) {
            perOrd[f][(int) values[f].nextOrd()]++;
          }
        }
      }
      if (singleDate != null) {
        if (singleDate.advanceExact(doc)) {
          countDate(singleDate.longValue(), min, max, dates);
        }
      } else if (updated.advanceExact(doc)) {
        countDates(updated, min, max, dates);
      }
    }

    private void addTo(List<Map<String, Long>> totals, long[] allDates) throws IOException {
      for (int f = 0; f < values.length; f++) {
        for (int ord = 0; ord < perOrd[f].length; ord++) {
          if (perOrd[f][ord] > 0) {
            String value = values[f].lookupOrd(ord).utf8ToString();
            totals.get(f).merge(value, (long) perOrd[f][ord], Long::sum);
          }
        }
      }
      for (int r = 0; r < dates.length; r++) {
        allDates[r] += dates[r];
      }
    }
  }

  private static void countDates(
      SortedNumericDocValues updated, long[] min, long[] max, long[] dates) throws IOException {
    int count = updated.docValueCount();
    if (count == 1) {
      countDate(updated.nextValue(), min, max, dates);
      return;
    }
    long[] all = new long[count];
    for (int n = 0; n < count; n++) {
      all[n] = updated.nextValue();
    }
    for (int r = 0; r < dates.length; r++) {
      for (long date : all) {
        if (date >= min[r] && date <= max[r]) {
          dates[r]++;
          break;
        }
      }
    }
  }

  private static void countDate(long date, long[] min, long[] max, long[] dates) {
    for (int r = 0; r < dates.length; r++) {
      if (date >= min[r] && date <= max[r]) {
        dates[r]++;
      }
    }
  }

  private static Map<String, Long> ordered(Map<String, Long> counts) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_VALUES)
        .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
    return ordered;
  }
}
