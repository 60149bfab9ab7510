#!/usr/bin/env bash
# Builds data/datasets/photoviews (see docs/datasets.md) from the Debian photo pool, fetching it first if needed.
# Extra arguments go to the tool (e.g. --seed 2 --views 20 --queries 3).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh"
dataset_tool build photoviews --data "$DATA_DIR" "$@"
