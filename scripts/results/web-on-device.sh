#!/usr/bin/env bash
# On-device query embedding in the web page against the server's own time, one command: builds the API, the indexer
# and web-bench (Release), installs the page's onnxruntime-web files if missing (scripts/build-web.sh), starts the API
# on a schema of its own (bench_web) in the private database, indexes a small gallery of photo-pool photos (OpenCV's
# sample images and the Lomiri wallpapers) with the teacher, and runs `web-bench compare` (headless chromium, both
# query models, the default twenty photos) into docs/results/web/web-on-device-<date>.{json,md}, then
# `web-bench screenshots` into docs/images/. Extra arguments go to `web-bench compare` (e.g. --repeat 3).
# Needs the photo pool (scripts/fetch-photos.sh) and chromium (scripts/install-browser.sh).
# Env: PORT (5098), OUT (the results folder), NAME (the results' file name), SCREENSHOTS (1; 0 skips them).
#
# The API embeds on one intra-op thread (Embedding__Inference__IntraOpThreads=1), as onnxruntime-web does in the page,
# so the comparison is thread for thread; with Api__Batching__MaxDelayMs=0 a lone query is not held for a batch, so
# the server's embedMs is its inference. Quotas are lifted: the page's thumbnails and the bench's searches share a key.
# A build (not a publish) has no wwwroot beside its dll, so --webroot points the API at the page's sources.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${PORT:-5098}
OUT=${OUT:-docs/results/web}
STAMP=$(date +%F)
NAME=${NAME:-web-on-device-$STAMP}
SCREENSHOTS=${SCREENSHOTS:-1}
DEBS=data/sources/debs
mkdir -p "$OUT"

dotnet build src/RetrievalService.Api -c Release --nologo -v quiet
dotnet build src/RetrievalService.Indexer -c Release --nologo -v quiet
dotnet build bench/RetrievalService.WebBench -c Release --nologo -v quiet
[ -f src/RetrievalService.Api/wwwroot/vendor/ort/ort.wasm.min.mjs ] || scripts/build-web.sh
DB=$(scripts/db.sh start)

export GalleryStore__ConnectionString=$DB GalleryStore__Schema=bench_web
export Models__Directory=$ROOT/models
INDEXER="dotnet src/RetrievalService.Indexer/bin/Release/net10.0/indexer.dll"
for folder in opencv-doc/usr/share/doc/opencv-doc/examples/data lomiri-wallpapers-16.04/usr/share/backgrounds; do
  $INDEXER index "$DEBS/$folder" --no-progress || [ $? -eq 3 ]   # 3 = some files rejected (reported), not fatal
done

# The key goes to web-bench in a file only this user can read, never on a command line.
KEY_FILE=$(mktemp -t web-bench-key.XXXXXX)
LOG=$(mktemp -t web-bench-api.XXXXXX.log)
API_PID=
cleanup() {
  [ -z "$API_PID" ] || { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
  rm -f "$KEY_FILE"
}
trap cleanup EXIT
(umask 077; $INDEXER keys create --name web-bench --scopes search,index,admin > "$KEY_FILE")

Models__Students__0=teacher-resnet18-gem-int8 Models__Students__1=student-mnv2-regression-int8 \
  Embedding__Inference__IntraOpThreads=1 Api__Batching__MaxDelayMs=0 \
  Api__Quotas__Search__Burst=1000000 Api__Quotas__Search__PerMinute=600000 Api__Quotas__Index__Burst=1000000 \
  Api__Quotas__Index__PerMinute=600000 Api__Quotas__Admin__Burst=1000000 Api__Quotas__Admin__PerMinute=600000 \
  dotnet src/RetrievalService.Api/bin/Release/net10.0/RetrievalService.Api.dll --urls "http://127.0.0.1:$PORT" \
  --webroot src/RetrievalService.Api/wwwroot > "$LOG" 2>&1 &
API_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break
  kill -0 "$API_PID" 2>/dev/null || { echo "web-on-device: the API exited; see $LOG" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" || { echo "web-on-device: the API is not ready; see $LOG" >&2; exit 1; }

WEB_BENCH="dotnet bench/RetrievalService.WebBench/bin/Release/net10.0/web-bench.dll"
echo "web-on-device: load before: $(uptime)" >&2
$WEB_BENCH compare --url "http://127.0.0.1:$PORT" --key-file "$KEY_FILE" --json "$OUT/$NAME.json" "$@" | tee "$OUT/$NAME.md"
if [ "$SCREENSHOTS" = 1 ]; then
  $WEB_BENCH screenshots --url "http://127.0.0.1:$PORT" --key-file "$KEY_FILE" --out docs/images
fi
echo "web-on-device: load after: $(uptime); API log: $LOG" >&2
