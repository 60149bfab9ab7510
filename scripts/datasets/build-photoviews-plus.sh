#!/usr/bin/env bash
# Builds data/datasets/photoviews-plus: photoviews (built first if missing) with ~1 400 more unlabelled photographs
# appended to its *train* gallery, for the label-free regression loss (issue 6 §3). They come from packages the
# photoviews splits never use, so no test or validation instance can leak in: Tux Paint's photographic stamps
# (animals, food, plants on white) and Stellarium's telescope images and landscape photographs. val/ and test/ are
# byte-identical copies of photoviews', so numbers on them stay comparable. See docs/datasets.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
add_photo_distractors photoviews-plus -- "$@"
