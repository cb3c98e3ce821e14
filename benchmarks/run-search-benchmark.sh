#!/usr/bin/env bash
# Search benchmark (issue #6): SearchIndex (secured, with and without facets) against raw Lucene on the same index and
# against PostgreSQL full-text search on the same documents, for one-term, two-term, phrase and prefix queries, in one
# run that prints one Markdown table (p50, p99, queries/s), plus bulk indexing and PostgreSQL load times.
#
# Usage, from anywhere, with the shared corpus beside the repository (or SHARED_DIR=/path/to/shared):
#   benchmarks/run-search-benchmark.sh [documents]      # default 1,000,000 documents: about 20 minutes on 2 cores
#   BENCH_QUICK=1 benchmarks/run-search-benchmark.sh    # 50,000 documents and short iterations: a check that all works
# BENCH_REUSE=1 reuses the index and database built by an earlier run for the same count (their build figures are
# reported as measured then); BENCH_OPTS passes more -D settings (see JmhRuns.Settings), e.g.
# BENCH_OPTS="-Dbench.kinds=PHRASE -Dbench.variants=RAW_LUCENE,SECURED".
#
# The run takes /tmp/civic-maven.lock for its whole length (the Maven build, then the measurements), so nothing else
# builds or measures on the machine meanwhile; do not wrap it in another flock on the same file.
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
if [ "${CIVIC_BENCH_LOCKED:-}" != 1 ]; then
  exec env CIVIC_BENCH_LOCKED=1 flock /tmp/civic-maven.lock "$script" "$@"
fi
cd "$(dirname "$script")/.."

quick=()
if [ "${BENCH_QUICK:-}" = 1 ]; then
  docs=${1:-50000}
  quick=(-Dbench.warmups=1 -Dbench.warmupSeconds=2 -Dbench.measurements=2 -Dbench.measurementSeconds=3
         -Dbench.throughputWarmupSeconds=2 -Dbench.throughputMeasurements=1 -Dbench.throughputSeconds=3)
else
  docs=${1:-1000000}
fi
shared=${SHARED_DIR:-$(cd .. && pwd)/shared}

# Offline: the build needs nothing that the project's other modules have not already fetched, except JMH, fetched
# once by running this line without -o.
./mvnw -B -q -o package -pl benchmarks -am -DskipTests
classpath="benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
report="benchmarks/target/bench-data/report-$docs.md"
rm -f "$report"

# 8 GiB holds the generated documents in memory while they are indexed and copied; each JMH fork gets 3 GiB.
# shellcheck disable=SC2086
java -Xms8g -Xmx8g -Dshared.dir="$shared" -Dbench.reuse="$([ "${BENCH_REUSE:-}" = 1 ] && echo true || echo false)" \
  -Dbench.report="$report" -Djava.util.logging.SimpleFormatter.format='%1$tT %4$s %5$s%6$s%n' \
  "${quick[@]}" ${BENCH_OPTS:-} -cp "$classpath" org.civicportal.benchmark.SearchBenchmarkMain "$docs"

echo
echo "## Search benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo
echo "Java: $(java -version 2>&1 | head -1). search-index at $(git rev-parse --short HEAD 2>/dev/null || cat HEAD_COMMIT 2>/dev/null || echo '?')$(git status --porcelain search-index 2>/dev/null | grep -q . && echo ' with uncommitted changes')."
echo
cat "$report"
