#!/usr/bin/env bash
# Installs the web page's npm dependencies from web/package-lock.json and copies the onnxruntime-web files the page
# loads at run time into src/RetrievalService.Api/wwwroot/vendor/ort/ (git-ignored): the ES module of the wasm-only
# build, the Emscripten module it imports and the WebAssembly binary that module fetches. The Dockerfile's web stage
# runs this same script, so a container serves the same files.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

command -v npm >/dev/null || { echo "build-web: node and npm are required (scripts/setup.sh installs Debian's)" >&2; exit 1; }
# No install scripts: the page needs only the published dist files (protobufjs's postinstall is a version check).
# npm ci deletes and refills node_modules every time, so it runs only when the lockfile differs from the one the
# last install recorded.
STAMP=web/node_modules/.retrieval-lock-sha256
LOCK_SHA=$(sha256sum web/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$LOCK_SHA" ]; then
  (cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$LOCK_SHA" > "$STAMP"
fi

DIST=web/node_modules/onnxruntime-web/dist
VENDOR=src/RetrievalService.Api/wwwroot/vendor/ort
FILES=(ort.wasm.min.mjs ort-wasm-simd-threaded.mjs ort-wasm-simd-threaded.wasm)
rm -rf "$VENDOR"
mkdir -p "$VENDOR"
for file in "${FILES[@]}"; do
  cp "$DIST/$file" "$VENDOR/"
done
echo "build-web: onnxruntime-web $(node -p "require('./web/node_modules/onnxruntime-web/package.json').version") in $VENDOR" >&2
