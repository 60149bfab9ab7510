#!/usr/bin/env bash
# Hostile-client benchmark, one command: builds the API and attack-bench (Release), starts the API on a schema of its own
# (bench_attack) in the private database, indexes 40 photos of the pool through POST /index, runs both scenarios (slow
# clients, 64-client overload) and writes docs/results/security/attack-<date>.{json,md}. Extra arguments go to attack-bench
# (e.g. --attack-seconds 30). Needs the photo pool (scripts/fetch-photos.sh). Env: PORT (5099), OUT (the results folder),
# RETRIEVAL_API_KEY (sent as a bearer key). The API inherits this environment, so a build that requires keys is given its
# key setting the same way (export it before running this).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${PORT:-5099}
OUT=${OUT:-docs/results/security}
STAMP=$(date +%F)
mkdir -p "$OUT"

dotnet build src/RetrievalService.Api -c Release --nologo -v quiet
dotnet build bench/RetrievalService.AttackBench -c Release --nologo -v quiet
DB=$(scripts/db.sh start)

# The API as scripts/run.sh starts it (same defaults and limits), but on its own schema and port; its log stays out of the results.
LOG=$(mktemp -t attack-bench-api.XXXXXX.log)
GalleryStore__ConnectionString=$DB GalleryStore__Schema=bench_attack \
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
  --json "$OUT/attack-$STAMP.json" "$@" | tee "$OUT/attack-$STAMP.md"
echo "security-attack: load after: $(uptime); API log: $LOG" >&2
