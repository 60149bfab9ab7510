#!/usr/bin/env bash
# Builds data/datasets/photoviews-scenes: photoviews-wide's training pool (same folders, same order) plus the 250
# whole-scene photographs listed in scene-photos.txt (16 Debian packages: Scratch's backgrounds, CImg's postcards,
# KPhotoAlbum's demo album, WordPress and Budgie backgrounds, …). The landscapes were what made photoviews-wide help;
# these are more of that kind. Each package's chosen files are hard-linked into
# <data>/sources/debs/<package>/scene-photos/<package>/ so add-distractors records the package's version, and the
# folder is rebuilt from the list on every run. No photoviews or gcompris-views split holds them, and none is a near
# copy of one of their photos (checked below by `dataset-tool near-copies`); val/ and test/ are byte-identical to
# photoviews'. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LIST="$ROOT/scripts/datasets/scene-photos.txt"
DEBS="$DATA_DIR/sources/debs"
packages_of() { awk -v suite="$1" '!/^#/ && NF == 3 && $2 == suite { print $1 }' "$LIST" | sort -u; }
mapfile -t BOOKWORM < <(packages_of bookworm)
mapfile -t TRIXIE < <(packages_of trixie)
PYSIOGAME=$(pysiogame_images)
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" endless-sky-data "${BOOKWORM[@]}" >&2
DATA_DIR="$DATA_DIR" SUITE=trixie "$ROOT/scripts/fetch-photos.sh" "${TRIXIE[@]}" >&2

folders=()
for package in $(printf '%s\n' "${BOOKWORM[@]}" "${TRIXIE[@]}" | sort); do
  chosen="$DEBS/$package/scene-photos/$package"
  rm -rf "$chosen"
  while read -r _ _ path; do
    # A file the list names but the package lacks means the package changed: stop rather than build a smaller set.
    [ -f "$DEBS/$package/$path" ] || { echo "scene photos: $package has no $path" >&2; exit 1; }
    mkdir -p "$chosen/$(dirname "$path")"
    ln -f "$DEBS/$package/$path" "$chosen/$path"
  done < <(awk -v p="$package" '!/^#/ && NF == 3 && $1 == p' "$LIST")
  folders+=("$chosen")
done

# Leak check: no chosen photo may be a copy (resized, re-encoded, recoloured) of a photo of photoviews' test split
# (PhotoPool.HeldOutPackages) or of a GCompris photo (gcompris-views); dataset-tool exits 1 and lists the pairs.
GCOMPRIS=$(gcompris_photos)
check=()
for folder in "${folders[@]}"; do check+=(--images "$folder"); done
for folder in lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 ukui-wallpapers darknet python-matplotlib-data; do
  check+=(--against "$DEBS/$folder")
done
dataset_tool near-copies "${check[@]}" --against "$GCOMPRIS" >&2

add_photo_distractors photoviews-scenes "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" \
  "$DEBS/endless-sky-data/usr/share/games/endless-sky/images/land" "${folders[@]}" -- "$@"
