#!/usr/bin/env bash
# Writes models/teacher-resnet18-gem-int8.{onnx,manifest.json}, the service's default query model on CPU: the teacher
# itself after post-training static int8 quantization (22 BatchNormalizations folded into their convolutions),
# calibrated on 128 images of photoviews' train split and checked against the float teacher on 64 others. Its vectors
# are the teacher's up to rounding, so it searches the float teacher's gallery (docs/models.md). Deterministic for a
# given teacher and dataset (about 10 s); compare with `git diff models/`.
# Needs the photoviews dataset (scripts/datasets/build-photoviews.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
dotnet build src/RetrievalService.ModelTool -c Release --nologo -v quiet
dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll quantize \
  --model models/teacher-resnet18-gem.manifest.json \
  --calibration data/datasets/photoviews/train --images 128 --check-images 64 \
  --id teacher-resnet18-gem-int8 --threads 1 --models models
