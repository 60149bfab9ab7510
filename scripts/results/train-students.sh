#!/usr/bin/env bash
# Issue 6 §5: trains one student per loss on one dataset, all at the same budget, into
# data/runs/<set>/<loss> and exports each best-validation epoch to models/trained/student-mnv2-<loss>-<set>.onnx.
#   scripts/results/train-students.sh photoviews            # or emoji4
# Budget (env, same for every loss): EPOCHS=6 TUPLES=150 POOL=400 BATCH=5 NEGATIVES=5 SIZE=224 SEED=0 THREADS=1;
# LOSSES picks the losses. A finished run (its manifest exists) is skipped; an interrupted one resumes.
# A variant from another initial student: INIT=<manifest> TAG=<name> [HEAD_LR=<rate>] names its runs
# student-mnv2-<loss>-<TAG>-<set> (for example TAG=warm, the linear-adapter student as the starting point).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
set_name=${1:?usage: train-students.sh <photoviews|emoji4>}
EPOCHS=${EPOCHS:-6} TUPLES=${TUPLES:-150} POOL=${POOL:-400} BATCH=${BATCH:-5} NEGATIVES=${NEGATIVES:-5}
SIZE=${SIZE:-224} SEED=${SEED:-0} THREADS=${THREADS:-1}
LOSSES=${LOSSES:-regression asym-contrastive contr-plus rkd sym-contrastive}
MODELS_DIR=${MODELS_DIR:-models/trained}
INIT=${INIT:-models/student-mnv2-convhead-init.manifest.json} TAG=${TAG:-} HEAD_LR=${HEAD_LR:-1e-3}
# OMP/MKL follow --threads too, so two runs side by side on a 2-core machine do not oversubscribe it.
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build src/RetrievalService.Trainer -c Release --nologo -v quiet
fi
trainer=src/RetrievalService.Trainer/bin/Release/net10.0/trainer.dll
source scripts/results/lib-train.sh

for loss in $LOSSES; do
  id=student-mnv2-$loss${TAG:+-$TAG}-$set_name
  out=data/runs/$set_name/$loss${TAG:+-$TAG}
  if [[ -f $MODELS_DIR/$id.manifest.json ]]; then
    echo "== $id: already trained ($MODELS_DIR/$id.manifest.json), skipped" >&2
    continue
  fi
  echo "== $id: $(date -u +%FT%TZ) start" >&2
  start=$SECONDS
  train_resuming "$out" --dataset "data/datasets/$set_name" --loss "$loss" --init "$INIT" --head-lr "$HEAD_LR" \
    --epochs "$EPOCHS" --tuples-per-epoch "$TUPLES" --batch "$BATCH" --negatives "$NEGATIVES" \
    --pool-size "$POOL" --size "$SIZE" --seed "$SEED" --threads "$THREADS" \
    --id "$id" --models-dir "$MODELS_DIR"
  echo "== $id: $(date -u +%FT%TZ) done in $((SECONDS - start)) s" >&2
done
