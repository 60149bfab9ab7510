#!/usr/bin/env bash
# Reproduces the default student, models/student-mnv2-regression.{onnx,manifest.json} (issue 6 §5): the paper's head
# (1×1 conv + ReLU + GeM on MobileNetV2 1.4) trained by regression onto the teacher's vectors of photoviews' train
# split, 100 epochs × 150 images, the student seeing a light crop + flip of each image (--augment light) while its
# target stays the teacher's vector of the whole image; the epoch is selected by asymmetric validation mAP on the val
# split. It is the comparison runs' regression recipe (scripts/results/train-students.sh) run for longer, with the
# augmentation. About 47 min on an idle core with THREADS=1; needs the photoviews dataset
# (scripts/datasets/build-photoviews.sh). The service queries with its int8 copy: run
# scripts/results/quantize-default-student.sh afterwards.
# Writes into models/, replacing the committed files: compare with `git diff models/`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
THREADS=${THREADS:-1}
OUT=${OUT:-data/runs/photoviews/regression-aug-e100}
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
dotnet build src/RetrievalService.Trainer -c Release --nologo -v quiet
dotnet src/RetrievalService.Trainer/bin/Release/net10.0/trainer.dll train \
  --dataset data/datasets/photoviews --loss regression --augment light \
  --init models/student-mnv2-convhead-init.manifest.json --head-lr 1e-3 \
  --epochs 100 --tuples-per-epoch 150 --batch 5 --negatives 5 --pool-size 400 --size 224 --seed 0 --threads "$THREADS" \
  --out "$OUT" --id student-mnv2-regression --models-dir models
