#!/usr/bin/env bash
# Builds data/datasets/photoviews-plus: photoviews (built first if missing) with ~1 400 more unlabelled photographs
# appended to its *train* gallery, for the label-free regression loss (issue 6 §3). They come from packages the
# photoviews splits never use, so no test or validation instance can leak in: Tux Paint's photographic stamps
# (animals, food, plants on white) and Stellarium's telescope images and landscape photographs. val/ and test/ are
# byte-identical copies of photoviews', so numbers on them stay comparable. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PHOTOVIEWS="$DATA_DIR/datasets/photoviews"
[ -f "$PHOTOVIEWS/build.json" ] || "$ROOT/scripts/datasets/build-photoviews.sh"
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" stellarium-data
DEBS="$DATA_DIR/sources/debs"
dataset_tool add-distractors --data "$DATA_DIR" --dataset "$PHOTOVIEWS" --split train \
  --images "$DEBS/tuxpaint-stamps-default/usr/share/tuxpaint/stamps" \
  --images "$DEBS/stellarium-data/usr/share/stellarium/nebulae" \
  --images "$DEBS/stellarium-data/usr/share/stellarium/landscapes" \
  --out "$DATA_DIR/datasets/photoviews-plus" "$@"
