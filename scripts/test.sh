#!/usr/bin/env bash
# The whole test suite: sets up what the tests need (scripts/setup.sh), then runs every test project
# with one thread for ONNX Runtime and OpenMP so results hold on a loaded 2-core machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
scripts/setup.sh
scripts/validate-packaging.sh
# The browser tests drive Debian's chromium (docs/web.md).
scripts/install-browser.sh
# The deployment test renders deploy/kubernetes with `kubectl kustomize` (no cluster).
scripts/install-kubectl.sh
# The web page's preprocessing port against the server's resampler (node's built-in test runner).
(cd web && npm test --silent)
# The gallery tests need PostgreSQL + pgvector and read it from RETRIEVAL_DB: the server it names if already set,
# else the private cluster (docs/database.md). They never start one themselves.
RETRIEVAL_DB=$(scripts/db.sh start)
export RETRIEVAL_DB
export OMP_NUM_THREADS=1
dotnet test RetrievalService.sln -c Release --nologo --logger "console;verbosity=normal" "$@"
