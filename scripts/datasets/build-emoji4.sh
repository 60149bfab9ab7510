#!/usr/bin/env bash
# Builds data/datasets/emoji4 (see docs/datasets.md). The tool downloads the four emoji-datasource npm
# tarballs (~340 MB, pinned by sha512) into data/sources/ once. Extra arguments go to the tool (e.g. --seed 2).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dataset_tool build emoji4 --data "$DATA_DIR" "$@"
