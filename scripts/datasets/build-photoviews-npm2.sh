#!/usr/bin/env bash
# Builds data/datasets/photoviews-npm2: photoviews-npm's training pool (same folders, same order) plus the photographs
# of the second npm search (docs/npm-photo-search.md), pinned in npm-packages-2.txt and chosen in npm-photos-2.txt.
# None is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PYSIOGAME=$(pysiogame_images)
folders=$(scene_photo_folders)
mapfile -t SCENES <<<"$folders"
folders=$(npm_photo_folders "$ROOT/scripts/datasets/npm-packages.txt" "$ROOT/scripts/datasets/npm-photos.txt")
mapfile -t NPM <<<"$folders"
folders=$(npm_photo_folders "$ROOT/scripts/datasets/npm-packages-2.txt" "$ROOT/scripts/datasets/npm-photos-2.txt")
mapfile -t NPM2 <<<"$folders"

leak_check "${SCENES[@]}" "${NPM[@]}" "${NPM2[@]}"
add_photo_distractors photoviews-npm2 "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" \
  "$DATA_DIR/sources/debs/endless-sky-data/usr/share/games/endless-sky/images/land" "${SCENES[@]}" "${NPM[@]}" \
  "${NPM2[@]}" -- "$@"
