#!/usr/bin/env bash
# Reproduces the service's default student, models/student-mnv2-regression.{onnx,manifest.json} (issue 6 §5):
# the paper's head (1×1 conv + ReLU + GeM on MobileNetV2 1.4) trained by regression onto the teacher's vectors of
# photoviews' train split, 40 epochs × 150 images, the selection by asymmetric validation mAP on its val split.
# It is the comparison runs' regression recipe (scripts/results/train-students.sh) run for longer.
# About 20 min on an idle core with THREADS=1; needs the photoviews dataset (scripts/datasets/build-photoviews.sh).
# Writes into models/, replacing the committed files: compare with `git diff models/`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
THREADS=${THREADS:-1}
OUT=${OUT:-data/runs/photoviews/regression-e40}
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
dotnet build src/RetrievalService.Trainer -c Release --nologo -v quiet
dotnet src/RetrievalService.Trainer/bin/Release/net10.0/trainer.dll train \
  --dataset data/datasets/photoviews --loss regression \
  --init models/student-mnv2-convhead-init.manifest.json --head-lr 1e-3 \
  --epochs 40 --tuples-per-epoch 150 --batch 5 --negatives 5 --pool-size 400 --size 224 --seed 0 --threads "$THREADS" \
  --out "$OUT" --id student-mnv2-regression --models-dir models
