#!/usr/bin/env bash
# Hostile-client benchmark, one command: builds the API and attack-bench (Release), starts the API on a schema of its own
# (bench_attack) in the private database, indexes 40 photos of the pool through POST /index, runs both scenarios (slow
# clients, 64-client overload) and writes docs/results/security/attack-<date>.{json,md}. Extra arguments go to attack-bench
# (e.g. --scenarios memory). Needs the photo pool (scripts/fetch-photos.sh). Env: PORT (5099), OUT (the results folder),
# NAME (the results' file name, attack-<date>). The script creates a key (search, index, admin) on the bench schema for
# the bench, and lifts the per-key quotas: what is measured here is the service under load, not its quota refusals
# (tests/RetrievalService.Api.Tests/QuotaTests.cs covers those).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${PORT:-5099}
OUT=${OUT:-docs/results/security}
STAMP=$(date +%F)
NAME=${NAME:-attack-$STAMP}
mkdir -p "$OUT"

dotnet build src/RetrievalService.Api -c Release --nologo -v quiet
dotnet build src/RetrievalService.Indexer -c Release --nologo -v quiet
dotnet build bench/RetrievalService.AttackBench -c Release --nologo -v quiet
DB=$(scripts/db.sh start)

# The API as scripts/run.sh starts it (same defaults and limits), but on its own schema and port; its log stays out of the results.
LOG=$(mktemp -t attack-bench-api.XXXXXX.log)
export GalleryStore__ConnectionString=$DB GalleryStore__Schema=bench_attack
RETRIEVAL_API_KEY=$(dotnet src/RetrievalService.Indexer/bin/Release/net10.0/indexer.dll keys create --name attack-bench --scopes search,index,admin)
export RETRIEVAL_API_KEY
Api__Quotas__Search__Burst=1000000 Api__Quotas__Search__PerMinute=600000 Api__Quotas__Index__Burst=1000000 \
  Api__Quotas__Index__PerMinute=600000 Api__Quotas__Admin__Burst=1000000 Api__Quotas__Admin__PerMinute=600000 \
  dotnet src/RetrievalService.Api/bin/Release/net10.0/RetrievalService.Api.dll --urls "http://127.0.0.1:$PORT" > "$LOG" 2>&1 &
API_PID=$!
trap 'kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true' EXIT
# /health/live, not /ready: a fresh schema has no gallery yet, and ready waits for one; attack-bench indexes it.
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/live" 2>/dev/null && break
  kill -0 "$API_PID" 2>/dev/null || { echo "security-attack: the API exited; see $LOG" >&2; exit 1; }
  sleep 1
done

echo "security-attack: load before: $(uptime)" >&2
dotnet bench/RetrievalService.AttackBench/bin/Release/net10.0/attack-bench.dll \
  --url "http://127.0.0.1:$PORT" --pid "$API_PID" \
  --index-folder data/sources/debs/opencv-doc/usr/share/doc/opencv-doc/examples/data --index-count 40 \
  --json "$OUT/$NAME.json" "$@" | tee "$OUT/$NAME.md"
echo "security-attack: load after: $(uptime); API log: $LOG" >&2
