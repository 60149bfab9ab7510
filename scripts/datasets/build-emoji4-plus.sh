#!/usr/bin/env bash
# Builds data/datasets/emoji4-plus: emoji4 (built first if missing) with ~3 500 unlabelled drawings from Debian's
# openclipart-png appended to its *train* gallery, for the label-free regression loss (issue 6 §3), as
# photoviews-plus does for photographs. Only the folders whose subjects emoji also draw are taken (animals, food,
# people, plants, transport, buildings, tools, office, recreation, signs); the computer and shape folders are mostly
# icons and geometric primitives. No emoji4 split holds Open Clip Art, and val/ and test/ are byte-identical copies
# of emoji4's, so numbers on them stay comparable. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
EMOJI4="$DATA_DIR/datasets/emoji4"
[ -f "$EMOJI4/build.json" ] || "$ROOT/scripts/datasets/build-emoji4.sh"
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" openclipart-png
CLIPART="$DATA_DIR/sources/debs/openclipart-png/usr/share/openclipart/png"
folders=()
for subject in animals food people plants transportation buildings tools office recreation signs_and_symbols; do
  folders+=(--images "$CLIPART/$subject")
done
dataset_tool add-distractors --data "$DATA_DIR" --dataset "$EMOJI4" --split train "${folders[@]}" \
  --out "$DATA_DIR/datasets/emoji4-plus" "$@"
