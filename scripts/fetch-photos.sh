#!/usr/bin/env bash
# Fetches the photo pool (docs/sources.md#the-debian-photo-pool; its packages are PhotoPool's, in
# src/RetrievalService.DataSources) from Debian bookworm (.deb files, unpacked, never installed) into
# data/sources/debs/<package>/. Idempotent: unpacked packages are kept. Arguments name further packages to fetch the same
# way (e.g. stellarium-data for scripts/datasets/build-photoviews-plus.sh). SUITE=trixie fetches only the packages named,
# from trixie (for packages bookworm lacks; the pool itself stays bookworm's, so its versions never move).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Absolute, because apt runs from its download folder and would misread a relative one.
DATA_DIR=$(realpath -m "${DATA_DIR:-$ROOT/data}")
source "$ROOT/scripts/lib/private-apt.sh"

SUITE=${SUITE:-bookworm}
if [ "$SUITE" = bookworm ]; then
  # The pool is defined once, by PhotoPool (src/RetrievalService.DataSources); the dataset tool prints its packages.
  source "$ROOT/scripts/datasets/lib.sh"
  pool=$(dataset_tool photo-pool packages)
  mapfile -t POOL <<< "$pool"
  PACKAGES=("${POOL[@]}" "$@")
else
  PACKAGES=("$@")
fi

DEBS="$DATA_DIR/sources/debs"
mkdir -p "$DEBS"
missing=()
for package in "${PACKAGES[@]}"; do
  [ -f "$DEBS/$package/.unpacked" ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "photo pool: all ${#PACKAGES[@]} packages present in $DEBS" >&2
  exit 0
fi

private_apt_init "$SUITE" deb
download="$DATA_DIR/apt/downloads"
mkdir -p "$download"
(cd "$download" && private_apt download "${missing[@]}")
for package in "${missing[@]}"; do
  debs=("$download/${package}"_*.deb)
  deb=${debs[0]}
  [[ -f "$deb" ]] || { echo "fetch-photos: apt-get download left no .deb for $package in $download" >&2; exit 1; }
  rm -rf "$DEBS/$package"
  dpkg-deb -x "$deb" "$DEBS/$package"
  touch "$DEBS/$package/.unpacked"
  rm -f "$deb"
  echo "photo pool: unpacked $package" >&2
done
