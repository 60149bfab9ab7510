#!/usr/bin/env bash
# Builds data/datasets/photoviews-plus-gcompris: photoviews-plus's training pool plus ~400 photographs from GCompris
# (gcompris-qt-data): objects, animals, monuments, hands, planets. GCompris ships its images inside Qt resource
# bundles (.rcc), so `dataset-tool unpack-qt-resources` writes them out first. Only the bundles of photographs are
# taken; drawings (lang, clickgame, babyshapes, chronos) and jigsaw pieces of paintings (paintings) are left out.
# No photoviews split holds GCompris images, and val/ and test/ are byte-identical copies of photoviews', so numbers
# on them stay comparable. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
add_photo_distractors photoviews-plus-gcompris "$(gcompris_photos)" -- "$@"
