package org.civicportal.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link SearchBenchmark} twice over every kind and variant: first in SampleTime mode with one
 * thread, for the latency distribution (p50, p99) of a query on an otherwise idle machine; then in
 * Throughput mode with one thread per core, for the queries per second the machine sustains. One
 * fork per case; iteration counts and lengths come from system properties so a quick check can
 * shorten them.
 */
final class JmhRuns {

  /** Latency of one kind answered one way, in milliseconds, and throughput in queries/s. */
  record Measured(double p50, double p99, double mean, long samples, double throughput) {}

  /** How long each case runs; see {@link #fromSystemProperties()}. */
  record Settings(
      int warmups,
      int warmupSeconds,
      int measurements,
      int measurementSeconds,
      int throughputWarmupSeconds,
      int throughputMeasurements,
      int throughputSeconds,
      int threads,
      String forkHeap,
      List<QueryKind> kinds,
      List<Variant> variants) {

    /**
     * {@code bench.warmups} (2) x {@code bench.warmupSeconds} (4) then {@code bench.measurements}
     * (3) x {@code bench.measurementSeconds} (7) in SampleTime; {@code
     * bench.throughputWarmupSeconds} (4) then {@code bench.throughputMeasurements} (2) x {@code
     * bench.throughputSeconds} (5) in Throughput with {@code bench.threads} threads (the cores);
     * {@code bench.forkHeap} (3g); {@code bench.kinds} and {@code bench.variants} (all), comma
     * separated enum names.
     */
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("bench.warmups", 2),
          Integer.getInteger("bench.warmupSeconds", 4),
          Integer.getInteger("bench.measurements", 3),
          Integer.getInteger("bench.measurementSeconds", 7),
          Integer.getInteger("bench.throughputWarmupSeconds", 4),
          Integer.getInteger("bench.throughputMeasurements", 2),
          Integer.getInteger("bench.throughputSeconds", 5),
          Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors()),
          System.getProperty("bench.forkHeap", "3g"),
          enums(QueryKind.class, System.getProperty("bench.kinds", "")),
          enums(Variant.class, System.getProperty("bench.variants", "")));
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, String names) {
      return names.isBlank()
          ? List.of(type.getEnumConstants())
          : Arrays.stream(names.split(",")).map(name -> Enum.valueOf(type, name.strip())).toList();
    }
  }

  private JmhRuns() {}

  static Map<QueryKind, Map<Variant, Measured>> run(
      Settings settings, Path indexDir, String postgresUrl, Path resultsDir)
      throws RunnerException {
    Collection<RunResult> latency =
        new Runner(
                common(settings, indexDir, postgresUrl)
                    .mode(Mode.SampleTime)
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .threads(1)
                    .warmupIterations(settings.warmups())
                    .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
                    .measurementIterations(settings.measurements())
                    .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
                    .result(resultsDir.resolve("jmh-latency.json").toString())
                    .build())
            .run();
    Collection<RunResult> throughput =
        new Runner(
                common(settings, indexDir, postgresUrl)
                    .mode(Mode.Throughput)
                    .timeUnit(TimeUnit.SECONDS)
                    .threads(settings.threads())
                    .warmupIterations(1)
                    .warmupTime(TimeValue.seconds(settings.throughputWarmupSeconds()))
                    .measurementIterations(settings.throughputMeasurements())
                    .measurementTime(TimeValue.seconds(settings.throughputSeconds()))
                    .result(resultsDir.resolve("jmh-throughput.json").toString())
                    .build())
            .run();
    Map<QueryKind, Map<Variant, Measured>> measured = new EnumMap<>(QueryKind.class);
    for (RunResult result : latency) {
      Statistics statistics = result.getPrimaryResult().getStatistics();
      double queriesPerSecond =
          throughput.stream()
              .filter(other -> sameCase(result, other))
              .mapToDouble(other -> other.getPrimaryResult().getScore())
              .findFirst()
              .orElse(Double.NaN);
      measured
          .computeIfAbsent(kindOf(result), kind -> new EnumMap<>(Variant.class))
          .put(
              variantOf(result),
              new Measured(
                  statistics.getPercentile(50),
                  statistics.getPercentile(99),
                  statistics.getMean(),
                  statistics.getN(),
                  queriesPerSecond));
    }
    return measured;
  }

  private static ChainedOptionsBuilder common(
      Settings settings, Path indexDir, String postgresUrl) {
    return new OptionsBuilder()
        .include(SearchBenchmark.class.getName() + ".search")
        .param("kind", settings.kinds().stream().map(Enum::name).toArray(String[]::new))
        .param("variant", settings.variants().stream().map(Enum::name).toArray(String[]::new))
        .param("indexDir", indexDir.toAbsolutePath().toString())
        .param("postgresUrl", postgresUrl)
        .forks(1)
        .jvmArgs("-Xms" + settings.forkHeap(), "-Xmx" + settings.forkHeap())
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON);
  }

  private static boolean sameCase(RunResult one, RunResult other) {
    return kindOf(one) == kindOf(other) && variantOf(one) == variantOf(other);
  }

  private static QueryKind kindOf(RunResult result) {
    return QueryKind.valueOf(result.getParams().getParam("kind"));
  }

  private static Variant variantOf(RunResult result) {
    return Variant.valueOf(result.getParams().getParam("variant"));
  }
}
