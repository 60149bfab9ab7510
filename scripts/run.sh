#!/usr/bin/env bash
# The main job, from a fresh clone: set up (models, photo pool), start the private PostgreSQL + pgvector
# unless a connection string is configured, index a demo gallery of Debian photos with the teacher, and
# serve the API on http://localhost:8080 (Ctrl-C stops it; `scripts/db.sh stop` stops the database).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# Where the API will listen (ASPNETCORE_URLS, else localhost:8080), checked before minutes of set-up and indexing.
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:8080}
BASE=$(echo "${ASPNETCORE_URLS%%;*}" | sed -E 's#//(\+|\*|0\.0\.0\.0|\[::\])#//localhost#; s#/$##')
PORT=$(echo "$BASE" | sed -nE 's#.*:([0-9]+)$#\1#p')
if [ -n "$PORT" ] && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "run: port $PORT is taken; free it, or choose another: ASPNETCORE_URLS=http://localhost:8081 scripts/run.sh" >&2
  exit 1
fi

scripts/setup.sh
# The hosts take the database and the models only from their settings: this checkout's, unless already given.
# (The indexer's default teacher manifest, models/…, is relative to the current directory, this checkout.)
# Assigned on its own line so that a failing db.sh stops the script here (set -e), not at the indexer.
if [ -z "${GalleryStore__ConnectionString:-}" ]; then
  GalleryStore__ConnectionString=$(scripts/db.sh start)
else
  echo "run: using the configured database (GalleryStore__ConnectionString): the demo gallery and a demo key go there" >&2
fi
export GalleryStore__ConnectionString
export Models__Directory=${Models__Directory:-$ROOT/models}

# Demo gallery: the photographs of the pool (wallpapers, OpenCV and scikit-image samples, darknet, stereo pairs), one
# JSON line each, as DemoGallery (src/RetrievalService.DataSources) defines them. OpenCV's graf1.png is left out: it is
# the example query below, and graf3.png, the same graffiti wall from a strongly oblique viewpoint, is in the gallery.
DEMO="$ROOT/data/demo"
DEBS="$ROOT/data/sources/debs"
dotnet src/RetrievalService.DatasetTool/bin/Release/net10.0/dataset-tool.dll photo-pool demo-gallery \
  --data "$ROOT/data" --out "$DEMO/gallery.jsonl" >/dev/null
echo "run: indexing $(wc -l < "$DEMO/gallery.jsonl") demo photos with the teacher (unchanged ones are skipped)" >&2
dotnet src/RetrievalService.Indexer/bin/Release/net10.0/indexer.dll index --manifest "$DEMO/gallery.jsonl" \
  --report "$DEMO/index-report.json" --no-progress || [ $? -eq 3 ]   # 3 = some files rejected (reported), not fatal

# A demo key with every scope, kept in a file only this user can read and reused while it is active (docs/security.md).
INDEXER="dotnet src/RetrievalService.Indexer/bin/Release/net10.0/indexer.dll"
KEY_FILE="$DEMO/demo-api-key"
if [ ! -s "$KEY_FILE" ] || ! $INDEXER keys list | awk -F'\t' -v id="$(cut -c5-16 "$KEY_FILE")" '$1 == id && $5 == "-" { found = 1 } END { exit !found }'; then
  (umask 077; $INDEXER keys create --name "demo (scripts/run.sh)" --scopes search,index,admin > "$KEY_FILE")
fi
KEY=$(cat "$KEY_FILE")

QUERY="$DEBS/opencv-doc/usr/share/doc/opencv-doc/examples/data/graf1.png"
cat >&2 <<MSG

run: API starting on $BASE (OpenAPI: /openapi/v1.json). The demo key (scopes search, index, admin)
is in $KEY_FILE. Try, in another terminal:

  curl -s -H "Authorization: Bearer $KEY" -F image=@$QUERY '$BASE/search?k=5'

  (a graffiti wall. opencv-doc:graf3.png is the same wall seen from an oblique viewpoint, embedded by the
   teacher; the default query model (the teacher in int8) ranks it first, well ahead of the next image. Add
   &mode=symmetric to embed the query with the teacher itself, or send -F model=<id> to pick another served query
   model (GET /models lists them).)

The web page is at $BASE/ (paste the key into its API key field).

MSG
# The content root is the build's folder (its appsettings.json); a build (unlike a publish) leaves the page's files in
# the project folder, so the web root is named.
API_BIN="$ROOT/src/RetrievalService.Api/bin/Release/net10.0"
exec dotnet "$API_BIN/RetrievalService.Api.dll" \
  --contentRoot "$API_BIN" --webroot "$ROOT/src/RetrievalService.Api/wwwroot"
