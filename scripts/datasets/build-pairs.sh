#!/usr/bin/env bash
# Builds data/datasets/pairs (see docs/datasets.md) from the Debian photo pool, fetching it first if needed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh"
dataset_tool build pairs --data "$DATA_DIR" "$@"
