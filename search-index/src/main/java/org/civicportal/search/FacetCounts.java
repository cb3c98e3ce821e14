package org.civicportal.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiLongValuesSource;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.civicportal.search.schema.SearchFields;

/**
 * Facet counts over exactly the documents a search matched (query, audience and filters: the
 * documents of the total), as {@link FacetsCollector} gathered them.
 *
 * <p>Keyword dimensions are counted per segment from the fields' sorted-set doc values (the {@code
 * KeywordField}s the filters also use), then merged by value: no ordinal map across segments to
 * build per commit, and only values that a matched document has are ever read, so a value that only
 * invisible documents have cannot appear, not even with a count of 0. Dates are counted by {@link
 * LongRangeFacetCounts}.
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

  private FacetCounts() {}

  /** Every dimension, values by count then value, zero counts left out. */
  static Map<String, Map<String, Long>> count(FacetsCollector hits, Instant now)
      throws IOException {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    List<String> fields = List.copyOf(KEYWORD_DIMENSIONS.values());
    List<Map<String, Long>> counts = countKeywords(hits, fields);
    int i = 0;
    for (String dimension : KEYWORD_DIMENSIONS.keySet()) {
      facets.put(dimension, ordered(counts.get(i++)));
    }
    facets.put(UPDATED, ordered(countDates(hits, now)));
    return facets;
  }

  private static List<Map<String, Long>> countKeywords(FacetsCollector hits, List<String> fields)
      throws IOException {
    List<Map<String, Long>> totals = new ArrayList<>();
    fields.forEach(field -> totals.add(new HashMap<>()));
    for (FacetsCollector.MatchingDocs segment : hits.getMatchingDocs()) {
      if (segment.totalHits == 0) {
        continue;
      }
      DocIdSetIterator docs = segment.bits.iterator();
      if (docs == null) {
        continue;
      }
      SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
      int[][] perOrd = new int[fields.size()][];
      for (int f = 0; f < fields.size(); f++) {
        values[f] = DocValues.getSortedSet(segment.context.reader(), fields.get(f));
        perOrd[f] = new int[Math.toIntExact(values[f].getValueCount())];
      }
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        for (int f = 0; f < values.length; f++) {
          if (values[f].advanceExact(doc)) {
            for (int n = values[f].docValueCount(); n > 0; n--) {
              perOrd[f][Math.toIntExact(values[f].nextOrd())]++;
            }
          }
        }
      }
      for (int f = 0; f < values.length; f++) {
        for (int ord = 0; ord < perOrd[f].length; ord++) {
          if (perOrd[f][ord] > 0) {
            String value = values[f].lookupOrd(ord).utf8ToString();
            totals.get(f).merge(value, (long) perOrd[f][ord], Long::sum);
          }
        }
      }
    }
    return totals;
  }

  private static Map<String, Long> countDates(FacetsCollector hits, Instant now)
      throws IOException {
    List<LongRange> ranges = new ArrayList<>();
    for (UpdatedWithin range : UpdatedWithin.values()) {
      ranges.add(new LongRange(range.label(), range.min(now), true, range.max(now), true));
    }
    LongRangeFacetCounts counts =
        new LongRangeFacetCounts(
            UPDATED,
            MultiLongValuesSource.fromLongField(SearchFields.UPDATED),
            hits,
            ranges.toArray(LongRange[]::new));
    FacetResult result = counts.getAllChildren(UPDATED);
    Map<String, Long> byLabel = new HashMap<>();
    for (LabelAndValue labelAndValue : result.labelValues) {
      byLabel.put(labelAndValue.label, labelAndValue.value.longValue());
    }
    return byLabel;
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
