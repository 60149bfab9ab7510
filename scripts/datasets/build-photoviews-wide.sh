#!/usr/bin/env bash
# Builds data/datasets/photoviews-wide: photoviews-plus-pysiogame's training pool (same folders, same order) plus 273
# landscape and city photographs from Endless Sky's planet views (endless-sky-data, images/land: public-domain
# morgueFile photos and CC-BY-SA Wikimedia ones, 720×360): more kinds of photo for the label-free losses, closer to
# the wallpapers of photoviews' test than stamps on white are. No photoviews or gcompris-views split holds them, and
# val/ and test/ are byte-identical to photoviews'. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PYSIOGAME=$(pysiogame_images)
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" endless-sky-data >&2
add_photo_distractors photoviews-wide "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" \
  "$DATA_DIR/sources/debs/endless-sky-data/usr/share/games/endless-sky/images/land" -- "$@"
