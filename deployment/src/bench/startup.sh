#!/usr/bin/env bash
# Time from `java -jar` to /health/ready UP, and idle RSS 30 s later, on port 8080.
# Usage, from the repository root after a build: deployment/src/bench/startup.sh <data-dir>
set -euo pipefail
jar=deployment/target/civic-portal.jar; data=$1
start=$(date +%s%N)
PORTAL_DATA_DIR="$data" java -jar "$jar" > "$data.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/health/ready)" = 200 ]; do sleep 0.1; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 30
rss=$(ps -o rss= -p $pid)
echo "ready_ms=$ready idle_rss_mb=$((rss / 1024))"
kill $pid; wait $pid 2>/dev/null || true
