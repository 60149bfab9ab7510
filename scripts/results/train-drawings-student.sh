#!/usr/bin/env bash
# Reproduces the best drawings (emoji4) student, models/trained/student-mnv2-contrplus-emoji4plus-from-drawings
# (issue 6 §5, docs/results/students/README.md "Drawings from the photo default"), in two stages from the photo
# default student (models/student-mnv2-regression, the 600-images-per-epoch run), both on emoji4-plus (emoji4's train
# split plus 2 979 unlabelled Open Clip Art drawings; built here when missing) and both selected by asymmetric
# validation mAP on emoji4's val split:
#  1. student-mnv2-regression-emoji4plus-from-default-t600: the default's own recipe and rates, regression onto the
#     teacher's vector of the same strongly augmented view, mixup 0.5, backbone 3e-5, 40 epochs × 600 images.
#  2. student-mnv2-contrplus-emoji4plus-from-drawings: stage 1's student fine-tuned with Contr+ (asymmetric
#     contrastive on emoji4's labelled tuples, negatives mined from the whole train gallery, plus the regression term)
#     at about the rates stage 1 ended with (backbone 2e-5, head 7e-4), 30 epochs × 600 tuples.
# The service keeps the photo default (it answers photo queries); this student is the one for drawings.
# About 1 h 35 min (stage 1) and 1 h (stage 2) on one core beside another run, plus 11 s for the int8 copy.
# The recipe starts from one exact default: a later default would start a different run, so the script refuses it
# and says how to take that file from git history.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
THREADS=${THREADS:-1}
OUT=${OUT:-data/runs/emoji4-plus/from-default-t600}
OUT_CONTRPLUS=${OUT_CONTRPLUS:-data/runs/emoji4-plus/contrplus-from-drawings}
INIT_SHA256=6c6036153d6ce2df09df5964d1bdb8c5bcf81a24851e7c36e36fa25a61378e7c
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
if [[ $(sha256sum models/student-mnv2-regression.onnx | cut -d' ' -f1) != "$INIT_SHA256" ]]; then
  echo "train-drawings-student: models/student-mnv2-regression.onnx is not the default this recipe starts from" >&2
  echo "(sha256 $INIT_SHA256, committed in fa810e8). Restore it first:" >&2
  echo "  git checkout fa810e8 -- models/student-mnv2-regression.onnx models/student-mnv2-regression.manifest.json" >&2
  exit 1
fi
[ -f data/datasets/emoji4-plus/build.json ] || scripts/datasets/build-emoji4-plus.sh
dotnet build src/RetrievalService.Trainer -c Release --nologo -v quiet
trainer=src/RetrievalService.Trainer/bin/Release/net10.0/trainer.dll
source scripts/results/lib-train.sh
train_resuming "$OUT" --dataset data/datasets/emoji4-plus --loss regression --augment strong --target same-view --mixup 0.5 \
  --init models/student-mnv2-regression.manifest.json --lr 3e-5 --head-lr 1e-3 \
  --epochs 40 --tuples-per-epoch 600 --batch 5 --negatives 5 --pool-size 400 --size 224 --seed 0 --threads "$THREADS" \
  --id student-mnv2-regression-emoji4plus-from-default-t600 --models-dir models/trained
train_resuming "$OUT_CONTRPLUS" --dataset data/datasets/emoji4-plus --loss contr-plus --augment strong \
  --init models/trained/student-mnv2-regression-emoji4plus-from-default-t600.manifest.json --lr 2e-5 --head-lr 7e-4 \
  --epochs 30 --tuples-per-epoch 600 --batch 5 --negatives 5 --pool-size 0 --size 224 --seed 0 --threads "$THREADS" \
  --id student-mnv2-contrplus-emoji4plus-from-drawings --models-dir models/trained
# Its int8 copy, the query model to deploy for drawings (calibrated on drawings, as the default's is on photos).
dotnet build src/RetrievalService.ModelTool -c Release --nologo -v quiet
dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll quantize \
  --model models/trained/student-mnv2-contrplus-emoji4plus-from-drawings.manifest.json \
  --calibration data/datasets/emoji4-plus/train --images 128 --check-images 64 \
  --id student-mnv2-contrplus-emoji4plus-from-drawings-int8 --threads 1 --models models/trained
