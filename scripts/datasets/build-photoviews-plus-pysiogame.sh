#!/usr/bin/env bash
# Builds data/datasets/photoviews-plus-pysiogame: photoviews-plus's training pool (same folders) plus 690 small photographs from
# pysiogame's data (Debian package pysiogame): art4apps's photos of animals, food, people at work, clothes, sport,
# buildings (200×200, mostly on white) and its flash-card photos (fc/, 288×216). More kinds of subject for the
# label-free losses: gcompris-views showed the default student's compatibility falls from 0.89 × the teacher on
# photoviews' test to 0.65 on photos of other subjects. No photoviews or gcompris-views split holds pysiogame
# images, and val/ and test/ are byte-identical to photoviews'. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PYSIOGAME=$(pysiogame_images)
add_photo_distractors photoviews-plus-pysiogame "$PYSIOGAME/art4apps" "$PYSIOGAME/fc" -- "$@"
