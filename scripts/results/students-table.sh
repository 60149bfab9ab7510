#!/usr/bin/env bash
# Issue 6 §5's table: every trained student (scripts/results/train-students.sh) against the teacher on the
# test split of photoviews and emoji4 — teacher→teacher, student→student and student→teacher — with the
# linear-adapter student for reference and the service's default student (models/student-mnv2-regression, the
# regression recipe trained longer on photoviews; scripts/results/train-default-student.sh) with its int8 copy, the
# service's query model (scripts/results/quantize-default-student.sh). Reports go to docs/results/students/<set>/compare.{md,json,png,txt};
# each run's checkpoint.json and metrics.jsonl (options, training time, validation curve) are copied next to them.
# TAG=<name> tabulates the runs train-students.sh made with the same TAG (for example EPOCHS=12 TAG=e12) into
# docs/results/students/<set>-<TAG>/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
LOSSES=${LOSSES:-regression asym-contrastive contr-plus rkd sym-contrastive}
MODELS_DIR=${MODELS_DIR:-models/trained}
TAG=${TAG:-}
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
for set in ${SETS:-photoviews emoji4}; do
  out=docs/results/students/$set${TAG:+-$TAG}
  mkdir -p "$out"
  students=(models/student-mnv2-linear.manifest.json models/student-mnv2-regression.manifest.json models/student-mnv2-regression-int8.manifest.json)
  for loss in $LOSSES; do
    manifest=$MODELS_DIR/student-mnv2-$loss${TAG:+-$TAG}-$set.manifest.json
    [[ -f $manifest ]] || { echo "missing $manifest: run ${TAG:+TAG=$TAG }scripts/results/train-students.sh $set" >&2; exit 2; }
    students+=("$manifest")
    mkdir -p "$out/runs/$loss"
    cp "data/runs/$set/$loss${TAG:+-$TAG}/checkpoint.json" "data/runs/$set/$loss${TAG:+-$TAG}/metrics.jsonl" "$out/runs/$loss/"
  done
  dotnet src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll compare \
    --dataset "data/datasets/$set/test" \
    --teacher models/teacher-resnet18-gem.manifest.json \
    --students "${students[@]}" \
    --threads 1 --workers 1 \
    --json "$out/compare.json" --markdown "$out/compare.md" --plot "$out/compare.png" \
    > "$out/compare.txt"
done
