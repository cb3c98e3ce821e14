package org.civicportal.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.civicportal.benchmark.JmhRuns.Measured;
import org.civicportal.search.Audience;

/** The run's results as Markdown: one table of latency and throughput, the targets, the totals. */
final class Report {

  private static final double WITHIN_RAW = 1.5;
  private static final double FASTER_THAN_POSTGRES = 10;
  private static final double INDEXING_TARGET = 10_000;

  private Report() {}

  static String markdown(
      DataFigures data,
      boolean reusedData,
      JmhRuns.Settings settings,
      Map<QueryKind, Map<Variant, Measured>> measured,
      List<QueryTotals> totals) {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "%,d documents (%s, %,d characters on average), %d warm-up x %d s + %d x %d s in"
            + " SampleTime (1 thread), %d s + %d x %d s in Throughput (%d threads), 1 fork per"
            + " case.",
        data.documents(),
        data.languages(),
        data.averageChars(),
        settings.warmups(),
        settings.warmupSeconds(),
        settings.measurements(),
        settings.measurementSeconds(),
        settings.throughputWarmupSeconds(),
        settings.throughputMeasurements(),
        settings.throughputSeconds(),
        settings.threads());
    line(out, "");
    line(
        out,
        "| Query kind | Engine | p50 (ms) | p99 (ms) | mean (ms) | q/s, 1 thread | q/s, %d threads |",
        settings.threads());
    line(out, "|---|---|---:|---:|---:|---:|---:|");
    for (Map.Entry<QueryKind, Map<Variant, Measured>> kind : measured.entrySet()) {
      for (Map.Entry<Variant, Measured> variant : kind.getValue().entrySet()) {
        Measured m = variant.getValue();
        line(
            out,
            "| %s | %s | %s | %s | %s | %,.0f | %,.0f |",
            kindName(kind.getKey()),
            variant.getKey().label(),
            millis(m.p50()),
            millis(m.p99()),
            millis(m.mean()),
            1000 / m.mean(),
            m.throughput());
      }
    }
    line(out, "");
    targets(out, data, reusedData, measured);
    line(out, "");
    totals(out, totals);
    return out.toString();
  }

  private static void targets(
      StringBuilder out,
      DataFigures data,
      boolean reusedData,
      Map<QueryKind, Map<Variant, Measured>> measured) {
    line(
        out,
        "Bulk indexing (`SearchIndex.rebuild`, one call, commit included): %,d documents in %.1f s"
            + " = **%,.0f documents/s** (target ≥ %,.0f: %s); index on disk %,d MB.%s",
        data.documents(),
        data.rebuildSeconds(),
        data.indexingDocumentsPerSecond(),
        INDEXING_TARGET,
        met(data.indexingDocumentsPerSecond() >= INDEXING_TARGET),
        data.indexBytes() >> 20,
        reusedData ? " (measured when this data was built, reused by this run)" : "");
    line(out, "");
    line(
        out,
        "PostgreSQL load: COPY (%d streams, tsvector computed by the server) %.1f s + GIN index"
            + " %.1f s + VACUUM ANALYZE %.1f s = **%.1f s** (%,.0f documents/s); table, TOAST and"
            + " indexes %,d MB.",
        PostgresLoad.STREAMS,
        data.copySeconds(),
        data.ginSeconds(),
        data.vacuumSeconds(),
        data.postgresLoadSeconds(),
        data.documents() / data.postgresLoadSeconds(),
        data.postgresBytes() >> 20);
    line(out, "");
    line(
        out,
        "Secured search with facets against raw Lucene (no facets) and against PostgreSQL with"
            + " facets:");
    line(out, "");
    line(
        out,
        "| Query kind | Secured | secured / raw, p50 | raw / secured, q/s | within %.1fx of raw |"
            + " PostgreSQL / secured, p50 | secured / PostgreSQL, q/s | ≥ %.0fx faster than"
            + " PostgreSQL |",
        WITHIN_RAW,
        FASTER_THAN_POSTGRES);
    line(out, "|---|---|---:|---:|---|---:|---:|---|");
    for (Map.Entry<QueryKind, Map<Variant, Measured>> kind : measured.entrySet()) {
      Measured raw = kind.getValue().get(Variant.RAW_LUCENE);
      Measured postgres = kind.getValue().get(Variant.POSTGRES_WITH_FACETS);
      for (Variant variant :
          List.of(Variant.SECURED_WITH_FACETS, Variant.SECURED_WITH_FACETS_ONE_THREAD)) {
        Measured secured = kind.getValue().get(variant);
        if (raw != null && secured != null && postgres != null) {
          targetRow(out, kindName(kind.getKey()), variant, raw, secured, postgres);
        }
      }
    }
  }

  private static void targetRow(
      StringBuilder out,
      String kind,
      Variant variant,
      Measured raw,
      Measured secured,
      Measured postgres) {
    double slowerP50 = secured.p50() / raw.p50();
    double slowerQps = raw.throughput() / secured.throughput();
    double fasterP50 = postgres.p50() / secured.p50();
    double fasterQps = secured.throughput() / postgres.throughput();
    line(
        out,
        "| %s | %s | %.1fx | %.1fx | %s | %.1fx | %.1fx | %s |",
        kind,
        variant.label(),
        slowerP50,
        slowerQps,
        met(slowerP50 <= WITHIN_RAW && slowerQps <= WITHIN_RAW),
        fasterP50,
        fasterQps,
        met(fasterP50 >= FASTER_THAN_POSTGRES && fasterQps >= FASTER_THAN_POSTGRES));
  }

  private static void totals(StringBuilder out, List<QueryTotals> totals) {
    line(
        out,
        "Matches per query (raw: whole index; secured and PostgreSQL: what the audience may see):");
    line(out, "");
    line(out, "| Query kind | Query | Language | Audience | raw | secured | PostgreSQL |");
    line(out, "|---|---|---|---|---:|---:|---:|");
    for (QueryTotals total : totals) {
      BenchQuery query = total.query();
      line(
          out,
          "| %s | `%s` | %s | %s | %,d | %,d | %,d |",
          kindName(query.kind()),
          query.text(),
          query.language(),
          audience(query.audience()),
          total.raw(),
          total.secured(),
          total.postgres());
    }
  }

  private static String audience(Audience audience) {
    return String.format(
        Locale.ROOT,
        "%s, level ≤ %d, %s, %s",
        audience.tenant(),
        audience.maxLevel(),
        audience.compartments().isEmpty()
            ? "no compartment"
            : String.join("+", new TreeSet<>(audience.compartments())),
        audience.nationality() == null ? "no nationality" : audience.nationality());
  }

  private static String kindName(QueryKind kind) {
    return switch (kind) {
      case ONE_TERM -> "one term";
      case TWO_TERMS -> "two terms";
      case PHRASE -> "phrase";
      case PREFIX -> "prefix";
    };
  }

  /** Milliseconds with the precision that means something at that size. */
  static String millis(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f", value);
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
