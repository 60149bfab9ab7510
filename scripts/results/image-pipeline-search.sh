#!/usr/bin/env bash
# POST /search end to end with one query image (search-bench: 10k clustered teacher vectors, asymmetric, k=10,
# expand=0, concurrency 1, 4 and 64, 15 s each after 3 s of warm-up), sampling the API process's peak resident set
# (VmHWM) while it runs. Usage: image-pipeline-search.sh QUERY_IMAGE LABEL [CHECKOUT]; CHECKOUT (default: this one)
# is the repository whose build is measured, with its API and search-bench built in Release. Writes
# $OUT/LABEL.md (search-bench's table), LABEL.log and LABEL.peak-kb (OUT defaults to docs/results/image-pipeline/search).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 QUERY_IMAGE LABEL [CHECKOUT]" >&2; exit 2; }
query=$(realpath "$1"); label=$2; checkout=$(realpath "${3:-$ROOT}")
out=$(realpath -m "${OUT:-$ROOT/docs/results/image-pipeline/search}")
mkdir -p "$out"
export OMP_NUM_THREADS=1
sample_peak() {
  local peak=0 value
  while true; do
    for pid in $(pgrep -f RetrievalService.Api.dll || true); do
      value=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      if [ -n "$value" ] && [ "$value" -gt "$peak" ]; then peak=$value; fi
    done
    echo "$peak" > "$out/$label.peak-kb"
    sleep 0.2
  done
}
sample_peak &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
cd "$checkout"
# search-bench and the API it starts take the database from GalleryStore__ConnectionString (docs/database.md).
export GalleryStore__ConnectionString=${GalleryStore__ConnectionString:-$(scripts/db.sh start)}
dotnet bench/RetrievalService.SearchBench/bin/Release/net10.0/search-bench.dll --sizes 10000 --concurrency 1,4,64 \
  --modes asymmetric --duration 15 --warmup 3 --query "$query" > "$out/$label.md" 2> "$out/$label.log"
