#!/usr/bin/env bash
# Every query model against the teacher's gallery on real photographs and on the older sets (docs/results/real-photos):
# `evaluator compare` (teacher→teacher, then each model →itself and →the teacher, with its agreement with the teacher
# and its cost) on real-shots' val and test splits, photoviews' and emoji4's test splits and pairs, each once plainly
# and once with αQE k = 3 (the service's `expand`); then paired cluster bootstrap intervals (10 000 draws) for each
# model's ratio to the teacher on real-shots test, plain and expanded. MODELS adds manifests (trained candidates).
# The teacher's galleries come from the embedding cache after the first run. Needs the datasets (scripts/datasets/).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export OMP_NUM_THREADS=1
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
evaluator=src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll
out=${OUT:-docs/results/real-photos}
teacher=models/teacher-resnet18-gem.manifest.json
read -r -a extra <<<"${MODELS:-}"
models=(models/teacher-resnet18-gem-int8.manifest.json models/student-mnv2-regression.manifest.json
  models/student-mnv2-regression-int8.manifest.json "${extra[@]}")
mkdir -p "$out/significance"
for set in ${SETS:-real-shots/val real-shots/test pairs/test photoviews/test emoji4/test}; do
  name=${set//\//-}
  for qe in 0 3; do
    suffix=; expansion=()
    ((qe > 0)) && { suffix=-qe$qe; expansion=(--query-expansion "$qe"); }
    dotnet "$evaluator" compare --dataset "data/datasets/$set" --teacher "$teacher" --students "${models[@]}" \
      "${expansion[@]}" --threads 1 --workers 1 --plot-x ms \
      --json "$out/$name$suffix.json" --markdown "$out/$name$suffix.md" --plot "$out/$name$suffix.png" > "$out/$name$suffix.txt"
  done
done
for report in "$out"/real-shots-test.json "$out"/real-shots-test-qe3.json; do
  [[ -f $report ]] || continue
  tag=$(basename "$report" .json)
  for manifest in "${models[@]}"; do
    id=$(sed -n 's/.*"id": "\([^"]*\)".*/\1/p' "$manifest" | head -n1)
    dotnet "$evaluator" significance --dataset data/datasets/real-shots/test \
      --baseline "$report" --baseline-row teacher-resnet18-gem --candidate "$report" --candidate-row "$id" \
      --json "$out/significance/$tag-$id.json" --markdown "$out/significance/$tag-$id.md" > /dev/null
  done
done
