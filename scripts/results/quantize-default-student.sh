#!/usr/bin/env bash
# Writes models/student-mnv2-regression-int8.{onnx,manifest.json}, the service's default query model: the trained default
# student (models/student-mnv2-regression, scripts/results/train-default-student.sh) after post-training static int8
# quantization, calibrated on 128 images of photoviews' train split and checked against the float model on 64 others.
# Deterministic for a given float model and dataset (about 10 s); compare with `git diff models/`.
# Needs the photoviews dataset (scripts/datasets/build-photoviews.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
dotnet build src/RetrievalService.ModelTool -c Release --nologo -v quiet
dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll quantize \
  --model models/student-mnv2-regression.manifest.json \
  --calibration data/datasets/photoviews/train --images 128 --check-images 64 \
  --id student-mnv2-regression-int8 --threads 1 --models models
