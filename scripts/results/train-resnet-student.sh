#!/usr/bin/env bash
# Trains a ResNet student cut from the teacher itself (issue 6 §5; docs/models.md, "the teacher itself,
# depth-pruned"): `model-tool build-pruned-student` keeps the first BLOCKS residual blocks of each of the teacher's
# stages (2-2-2-3) with their ImageNet weights, and the trainer pulls it into the teacher's space by regression
# with the default student's recipe (strong augmentation, the teacher's vector of the same view, mixup 0.5, 600
# images an epoch) on photoviews-scenes, selected on gcompris-views. The backbone learns at 1e-4: 3e-5 trailed it
# by 0.5–1 point over the first 9 epochs and 3e-4 fell 10 points behind on gcompris-views. BLOCKS=1,1,1,1 is
# ResNet-10 (0.889 G MACs at 224², 0.43 of the teacher), 1,1,1,2 ResNet-12 (1.120 G, 0.55). About 1.7 min an epoch
# with THREADS=1 beside another run; resumable (lib-train.sh). BLOCKS=2,2,2,2 drops only the teacher's last block
# (ResNet-18's layout, 1.82 G MACs): the CPU candidate for an int8 query model nearest the teacher. DATASET names the
# training pool (default photoviews-scenes; photoviews-more has 540 npm and Debian photographs more).
# Writes models/trained/student-resnetN-init.* and the exported student models/trained/student-resnetN-regression.*.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
THREADS=${THREADS:-1}
BLOCKS=${BLOCKS:-1,1,1,1}
EPOCHS=${EPOCHS:-100}
layers=$((2 + 2 * ($(tr ',' '+' <<<"$BLOCKS"))))
DATASET=${DATASET:-photoviews-scenes}
OUT=${OUT:-data/runs/$DATASET/resnet$layers-regression}
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
[ -f "data/datasets/$DATASET/build.json" ] || "scripts/datasets/build-$DATASET.sh"
[ -f data/datasets/gcompris-views/build.json ] || scripts/datasets/build-gcompris-views.sh
dotnet build src/RetrievalService.ModelTool -c Release --nologo -v quiet
dotnet build src/RetrievalService.Trainer -c Release --nologo -v quiet
dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll build-pruned-student --blocks "$BLOCKS" \
  --teacher models/teacher-resnet18-gem.manifest.json --models models/trained
trainer=src/RetrievalService.Trainer/bin/Release/net10.0/trainer.dll
source scripts/results/lib-train.sh
train_resuming "$OUT" --dataset "data/datasets/$DATASET" --val-dataset data/datasets/gcompris-views \
  --loss regression --augment strong --target same-view --mixup 0.5 --init "models/trained/student-resnet$layers-init.manifest.json" \
  --lr 1e-4 --head-lr 1e-3 --epochs "$EPOCHS" --tuples-per-epoch 600 --batch 5 --negatives 5 --pool-size 400 --size 224 --seed 0 \
  --threads "$THREADS" --id "student-resnet$layers-regression" --models-dir models/trained
