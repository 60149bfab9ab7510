#!/usr/bin/env bash
# A million-image gallery, one command: builds the API, the indexer and scale-bench (Release); in the private database
# (scripts/db.sh) it fills a schema of its own (bench_scale) with the teacher's vectors of photoviews' and real-shots'
# test images plus clustered synthetic vectors up to COUNT, builds HNSW with maintenance_work_mem and the parallel
# workers set for the build's connection only, measures sizes and recall@10 against exact search, then copies one
# streaming standby (scripts/db-replicas.sh start 1) and measures POST /search by query vector through the real API at
# concurrency 1 and 4, reading from the primary and then from the standby (GalleryStore__ReadConnectionString).
# Results: docs/results/scale/<NAME>.md. Extra arguments go to `scale-bench load` (e.g. --ef-search 40,100,200,400).
# Env: COUNT (1000000), PORT (5097), OUT, NAME (scale-<date>), SCHEMA (bench_scale), DURATION (seconds per run, 20),
# API_EF_SEARCH (the API's GalleryStore__EfSearch values to measure, "100 200 400").
# At the end it drops the schema, removes the standby it created, and stops the database if it started it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
COUNT=${COUNT:-1000000}
PORT=${PORT:-5097}
OUT=${OUT:-docs/results/scale}
NAME=${NAME:-scale-$(date +%F)}
SCHEMA=${SCHEMA:-bench_scale}
DURATION=${DURATION:-20}
API_EF_SEARCH=${API_EF_SEARCH:-100 200 400}
DATA_DIR=${DATA_DIR:-$ROOT/data}
mkdir -p "$OUT"

dotnet build src/RetrievalService.Api -c Release --nologo -v quiet
dotnet build src/RetrievalService.Indexer -c Release --nologo -v quiet
dotnet build bench/RetrievalService.ScaleBench -c Release --nologo -v quiet

db_was_running=0
scripts/db.sh status >/dev/null 2>&1 && db_was_running=1
standby_existed=0
[ -d "$DATA_DIR/pg-standby-1" ] && standby_existed=1
DB=$(scripts/db.sh start)
export GalleryStore__ConnectionString=$DB GalleryStore__Schema=$SCHEMA Models__Directory=$ROOT/models
BENCH="dotnet bench/RetrievalService.ScaleBench/bin/Release/net10.0/scale-bench.dll"
WORK=$(mktemp -d -t scale-bench.XXXXXX)
API_PID=

stop_api() {
  [ -z "$API_PID" ] || { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
  API_PID=
}
cleanup() {
  stop_api
  $BENCH drop --schema "$SCHEMA" || true
  [ "$standby_existed" = 1 ] || scripts/db-replicas.sh remove || true
  [ "$db_was_running" = 1 ] || scripts/db.sh stop || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The API as scripts/run.sh starts it, on the bench schema and its own port, quotas lifted: what is measured is search.
start_api() {
  env "$@" Api__Quotas__Search__Burst=1000000 Api__Quotas__Search__PerMinute=600000 \
    dotnet src/RetrievalService.Api/bin/Release/net10.0/RetrievalService.Api.dll --urls "http://127.0.0.1:$PORT" \
    > "$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && return 0
    kill -0 "$API_PID" 2>/dev/null || break
    sleep 1
  done
  echo "scale-million: the API did not become ready:" >&2
  tail -20 "$WORK/api.log" >&2
  exit 1
}

{
  echo "# scripts/results/scale-million.sh, $(date -u '+%F %H:%M') UTC, COUNT=$COUNT"
  echo
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  $BENCH load --count "$COUNT" --schema "$SCHEMA" --queries-out "$WORK/queries.json" "$@"
} | tee "$OUT/$NAME.md"

started=$(date +%s)
READ=$(scripts/db-replicas.sh start 1)
echo "Standby copied and started (pg_basebackup -X stream -c fast) in $(( $(date +%s) - started )) s." | tee -a "$OUT/$NAME.md"
(umask 077; dotnet src/RetrievalService.Indexer/bin/Release/net10.0/indexer.dll keys create --name scale-bench --scopes search > "$WORK/key")

PRIMARY_PID=$(head -1 "$DATA_DIR/pg/cluster/postmaster.pid")
STANDBY_PID=$(head -1 "$DATA_DIR/pg-standby-1/cluster/postmaster.pid")
LATENCY=(latency --url "http://127.0.0.1:$PORT" --key-file "$WORK/key" --queries "$WORK/queries.json"
  --duration "$DURATION" --concurrency 1,4 --node "primary=$PRIMARY_PID" --node "standby=$STANDBY_PID")
echo | tee -a "$OUT/$NAME.md"
header=true
for ef in $API_EF_SEARCH; do
  start_api GalleryStore__EfSearch="$ef"
  $BENCH "${LATENCY[@]}" --api-pid "$API_PID" --label primary --ef-search "$ef" --header "$header" | tee -a "$OUT/$NAME.md"
  stop_api
  header=false
  start_api GalleryStore__EfSearch="$ef" GalleryStore__ReadConnectionString="$READ"
  $BENCH "${LATENCY[@]}" --api-pid "$API_PID" --label standby --ef-search "$ef" --header false | tee -a "$OUT/$NAME.md"
  stop_api
done
{ echo; echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."; } | tee -a "$OUT/$NAME.md"
