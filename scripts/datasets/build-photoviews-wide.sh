#!/usr/bin/env bash
# Builds data/datasets/photoviews-wide: photoviews-plus-pysiogame's training pool (same folders, same order) plus 273
# landscape and city photographs from Endless Sky's planet views (endless-sky-data, images/land: public-domain
# morgueFile photos and CC-BY-SA Wikimedia ones, 720×360): more kinds of photo for the label-free losses, closer to
# the wallpapers of photoviews' test than stamps on white are. No photoviews or gcompris-views split holds them, and
# val/ and test/ are byte-identical to photoviews'. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PHOTOVIEWS="$DATA_DIR/datasets/photoviews"
[ -f "$PHOTOVIEWS/build.json" ] || "$ROOT/scripts/datasets/build-photoviews.sh"
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" stellarium-data pysiogame endless-sky-data
DEBS="$DATA_DIR/sources/debs"
PYSIOGAME="$DEBS/pysiogame/usr/share/games/pysiogame/res/images"
dataset_tool add-distractors --data "$DATA_DIR" --dataset "$PHOTOVIEWS" --split train \
  --images "$DEBS/tuxpaint-stamps-default/usr/share/tuxpaint/stamps" \
  --images "$DEBS/stellarium-data/usr/share/stellarium/nebulae" \
  --images "$DEBS/stellarium-data/usr/share/stellarium/landscapes" \
  --images "$PYSIOGAME/art4apps" --images "$PYSIOGAME/fc" \
  --images "$DEBS/endless-sky-data/usr/share/games/endless-sky/images/land" \
  --out "$DATA_DIR/datasets/photoviews-wide" "$@"
