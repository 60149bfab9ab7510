#!/usr/bin/env bash
# Builds data/datasets/gcompris-views: photoviews' views and ground truth (same settings) cut from GCompris's
# photographs (gcompris-qt-data: monuments, animals, landscapes, planets), all in one split, val/. No photoviews split
# and no training pool of the default student holds these photos (only photoviews-plus-gcompris, which no committed
# model was trained on), so it is a second photo validation set: out of photoviews' packages, like its test split,
# and with about six times the instances of photoviews' own val split. See docs/datasets.md.
# Extra arguments go to the tool (e.g. --queries 8).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
GCOMPRIS=$(gcompris_photos)
dataset_tool build photoviews-folder --data "$DATA_DIR" --images "$GCOMPRIS" --split val \
  --out "$DATA_DIR/datasets/gcompris-views" "$@"
