#!/usr/bin/env bash
# Builds data/datasets/real-shots (docs/datasets.md): instances photographed two or more times (different shots, not
# crops), listed file by file in real-shots-debian*.txt and real-shots-npm.txt (packages pinned in
# real-shots-npm-packages.txt), split into val and test by instance, with the photographs of photoviews' held-out
# packages as distractors in both galleries. Then checks that no shot is a copy of a training photo: every training
# pool is inside photoviews-more's train gallery (built first when missing) or among GCompris's photos.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lists=$ROOT/scripts/datasets
debs="$DATA_DIR/sources/debs"
debian_lists=("$lists"/real-shots-debian*.txt)
mapfile -t bookworm < <(awk '!/^#/ && NF >= 4 && $3 == "bookworm" { print $2 }' "${debian_lists[@]}" | sort -u)
mapfile -t trixie < <(awk '!/^#/ && NF >= 4 && $3 == "trixie" { print $2 }' "${debian_lists[@]}" | sort -u)
DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" "${bookworm[@]}" >&2
DATA_DIR="$DATA_DIR" SUITE=trixie "$ROOT/scripts/fetch-photos.sh" "${trixie[@]}" >&2
npm_args=()
if [ -f "$lists/real-shots-npm.txt" ]; then
  dataset_tool fetch-npm --list "$lists/real-shots-npm-packages.txt" --data "$DATA_DIR" >/dev/null
  npm_args=(--npm "$lists/real-shots-npm.txt" --npm-packages "$lists/real-shots-npm-packages.txt")
fi
distractors=()
for folder in lomiri-wallpapers-16.04/usr/share/backgrounds lomiri-wallpapers-20.04/usr/share/backgrounds \
  ukui-wallpapers/usr/share/backgrounds darknet/usr/share/darknet/data python-matplotlib-data/usr/share/matplotlib/mpl-data/sample_data; do
  distractors+=(--distractors "$debs/$folder")
done
out="$DATA_DIR/datasets/real-shots"
debian_args=()
for list in "${debian_lists[@]}"; do debian_args+=(--debian "$list"); done
dataset_tool build real-shots --data "$DATA_DIR" "${debian_args[@]}" "${npm_args[@]}" "${distractors[@]}" "$@"

[ -f "$DATA_DIR/datasets/photoviews-more/build.json" ] || "$ROOT/scripts/datasets/build-photoviews-more.sh" >&2
gcompris=$(gcompris_photos)
shots=()
for folder in "$out"/val/* "$out"/test/*; do
  case $(basename "$folder") in distractors|queries|gnd.json) ;; *) shots+=(--images "$folder") ;; esac
done
dataset_tool near-copies "${shots[@]}" --against "$DATA_DIR/datasets/photoviews-more/train" --against "$gcompris" >&2
