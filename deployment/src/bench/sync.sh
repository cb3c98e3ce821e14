#!/usr/bin/env bash
# Sync under load (issue #7): starts the runnable jar on an empty data directory (embedded H2, demo data), then runs the
# reference client's load driver (portal-web test sources, org.civicportal.sync.client.SyncLoad): a device pushes
# 10,000 documents, five fresh devices accredited SECRET each pull the whole feed from zero (1,000 changes a page), then
# 200 devices push and pull at once for 60 s, and a last device checks that every applied op is there exactly once.
# Usage, from the repository root after `./mvnw -B -q install -DskipTests`:
#   deployment/src/bench/sync.sh [devices] [seconds] [documents] [port]
set -euo pipefail
devices=${1:-200}
seconds=${2:-60}
documents=${3:-10000}
port=${4:-18096}
jar=deployment/target/civic-portal.jar
data=$(mktemp -d)
base=http://127.0.0.1:$port
PORTAL_DATA_DIR="$data" PORTAL_PORT=$port java -jar "$jar" > deployment/target/sync-bench-portal.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/health/ready)" = 200 ]; do sleep 0.5; done
./mvnw -B -q -pl portal-web org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=org.civicportal.sync.client.SyncLoad -Dexec.classpathScope=test \
  -Dexec.args="$base/ $devices $seconds $documents"
grep -c "SEVERE" deployment/target/sync-bench-portal.log | sed 's/^/server log SEVERE lines: /' || true
