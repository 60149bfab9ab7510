#!/usr/bin/env bash
# Builds data/datasets/photoviews-npm: photoviews-scenes' training pool (same folders, same order) plus the real
# photographs that npm packages ship (demo galleries, slider and lightbox examples, EXIF test photos, ML demo
# pictures), listed file by file in npm-photos.txt (name@version and path, so two versions of one package can both
# give photos); the packages are pinned by version and dist.integrity in npm-packages.txt. More kinds of photograph
# is what moved the student each time (docs/results/students/README.md).
# `dataset-tool fetch-npm` verifies each tarball; each package's chosen files are hard-linked into
# <data>/sources/<stem>/npm-photos/<stem>/, so add-distractors records the package, its version and integrity. None
# is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PACKAGES="$ROOT/scripts/datasets/npm-packages.txt"
LIST="$ROOT/scripts/datasets/npm-photos.txt"
PYSIOGAME=$(pysiogame_images)
folders=$(scene_photo_folders)
mapfile -t SCENES <<<"$folders"

fetched=$(dataset_tool fetch-npm --list "$PACKAGES" --data "$DATA_DIR")
NPM=()
while IFS=$'\t' read -r pin package_dir; do
  extracted=$(dirname "$package_dir")
  # The folder's own name (the package stem) names the images in the dataset, so it must differ between packages.
  chosen="$extracted/npm-photos/$(basename "$extracted")"
  rm -rf "$extracted/npm-photos"
  awk -v p="$pin" '!/^#/ && NF == 2 && $1 == p { print $2 }' "$LIST" | link_listed "$extracted" "$chosen" "npm photos: $pin" || exit 1
  [ -d "$chosen" ] || { echo "npm photos: npm-photos.txt chooses nothing from $pin" >&2; exit 1; }
  NPM+=("$chosen")
done <<<"$fetched"

leak_check "${SCENES[@]}" "${NPM[@]}"
add_photo_distractors photoviews-npm "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" \
  "$DATA_DIR/sources/debs/endless-sky-data/usr/share/games/endless-sky/images/land" "${SCENES[@]}" "${NPM[@]}" -- "$@"
