package org.civicportal.benchmark;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civicportal.search.SearchIndex;

/**
 * Runs one query kind's secured search with facets in a loop on one calling thread, for a profiler
 * to sample (for example {@code -XX:StartFlightRecording}), and logs rough latencies per third of
 * the run. Not a benchmark: JMH ({@link SearchBenchmarkMain}) makes the numbers in {@code
 * docs/benchmarks.md}; this shows where a search's time goes.
 *
 * <p>Arguments: the index directory, the {@link QueryKind}, the threads per search and the seconds
 * to run after 5 seconds of warm-up.
 */
public final class SearchLoop {

  private static final System.Logger LOG = System.getLogger(SearchLoop.class.getName());

  private SearchLoop() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    QueryKind kind = QueryKind.valueOf(args[1]);
    int threadsPerSearch = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    List<BenchQuery> queries = QuerySet.of(kind);
    try (SearchIndex index = SearchIndex.open(dir, threadsPerSearch)) {
      int next = 0;
      long warm = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < warm) {
        search(index, queries.get(next++ % queries.size()));
      }
      for (int third = 0; third < 3; third++) {
        long[] times = new long[100_000];
        int count = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L / 3;
        while (System.nanoTime() < end && count < times.length) {
          long start = System.nanoTime();
          search(index, queries.get(next++ % queries.size()));
          times[count++] = System.nanoTime() - start;
        }
        long[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        int searches = count;
        LOG.log(
            Level.INFO,
            () ->
                String.format(
                    Locale.ROOT,
                    "%s, %d threads per search: %d searches, p50 %.2f ms, p99 %.2f ms",
                    kind,
                    threadsPerSearch,
                    searches,
                    sorted[searches / 2] / 1e6,
                    sorted[searches * 99 / 100] / 1e6));
      }
    }
  }

  private static void search(SearchIndex index, BenchQuery query) throws IOException {
    index.search(query.searchQuery().withFacets(true).at(SearchBenchmark.FACETS_NOW));
  }
}
