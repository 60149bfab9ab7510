#!/usr/bin/env bash
# Builds data/datasets/photoviews-scenes: photoviews-wide's training pool (same folders, same order) plus the 250
# whole-scene photographs listed in scene-photos.txt (16 Debian packages: Scratch's backgrounds, CImg's postcards,
# KPhotoAlbum's demo album, WordPress and Budgie backgrounds, …). The landscapes were what made photoviews-wide help;
# these are more of that kind. Each package's chosen files are hard-linked into
# <data>/sources/debs/<package>/scene-photos/<package>/ so add-distractors records the package's version, and the
# folder is rebuilt from the list on every run. No photoviews or gcompris-views split holds them, and none is a near
# copy of one of their photos (leak_check, lib.sh); val/ and test/ are byte-identical to photoviews'. See
# docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_photo_set photoviews-scenes scenes:scene-photos.txt -- "$@"
