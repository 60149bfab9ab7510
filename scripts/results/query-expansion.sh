#!/usr/bin/env bash
# αQE (evaluator --query-expansion, docs/evaluation.md) with the teacher's gallery: does folding the teacher's own
# vectors of a query's top neighbours into the student's query close the asymmetric gap? k is chosen on photoviews'
# val split by the teacher's symmetric Medium mAP (the target's denominator, so the choice cannot favour the
# student), α = 3 as in the αQE paper; then the test splits and gcompris-views are read once with that k, every row
# (teacher→teacher, student→student, student→teacher) under the same protocol. Deterministic; the teacher's
# galleries come from the cache after the first run. Writes docs/results/students/qe/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export OMP_NUM_THREADS=1
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
evaluator=src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll
out=docs/results/students/qe
mkdir -p "$out/val"
teacher=models/teacher-resnet18-gem.manifest.json
students=(models/student-mnv2-regression.manifest.json models/student-mnv2-regression-int8.manifest.json)
CHOSEN_K=${CHOSEN_K:-3}

# 1. The choice of k on photoviews val (0 = no expansion).
for k in 0 1 2 3 5; do
  qe=()
  ((k > 0)) && qe=(--query-expansion "$k")
  dotnet "$evaluator" evaluate --dataset data/datasets/photoviews/val --gallery-model "$teacher" "${qe[@]}" \
    --json "$out/val/teacher-k$k.json" > /dev/null
  dotnet "$evaluator" evaluate --dataset data/datasets/photoviews/val --gallery-model "$teacher" --query-model "${students[0]}" \
    "${qe[@]}" --json "$out/val/default-k$k.json" > /dev/null
done

# 2. The chosen k on the test splits and on gcompris-views, with and without expansion.
for set in photoviews/test gcompris-views/val emoji4/test; do
  name=${set%%/*}
  dotnet "$evaluator" compare --dataset "data/datasets/$set" --teacher "$teacher" --students "${students[@]}" \
    --query-expansion "$CHOSEN_K" --plot-x ms --json "$out/$name-qe$CHOSEN_K.json" --markdown "$out/$name-qe$CHOSEN_K.md" > /dev/null
  dotnet "$evaluator" compare --dataset "data/datasets/$set" --teacher "$teacher" --students "${students[@]}" \
    --plot-x ms --json "$out/$name.json" --markdown "$out/$name.md" > /dev/null
done

# 3. How sure: the ratio under expansion, and what expansion changes for each side.
significance() {
  dotnet "$evaluator" significance --dataset "data/datasets/$2" --baseline "$3" --baseline-row "$4" --candidate "$5" --candidate-row "$6" \
    --json "$out/significance/$1.json" --markdown "$out/significance/$1.md" > /dev/null
}
mkdir -p "$out/significance"
t=teacher-resnet18-gem
for set in photoviews/test gcompris-views/val emoji4/test; do
  name=${set%%/*}
  qe=$out/$name-qe$CHOSEN_K.json
  significance "$name-target-default" "$set" "$qe" $t "$qe" student-mnv2-regression
  significance "$name-target-default-int8" "$set" "$qe" $t "$qe" student-mnv2-regression-int8
  significance "$name-teacher-plain-vs-qe" "$set" "$out/$name.json" $t "$qe" $t
  significance "$name-default-plain-vs-qe" "$set" "$out/$name.json" student-mnv2-regression "$qe" student-mnv2-regression
  # The student with expansion against the teacher without: the service's query path against the teacher's plain one.
  significance "$name-default-qe-vs-teacher-plain" "$set" "$out/$name.json" $t "$qe" student-mnv2-regression
done
echo "query-expansion: reports in $out" >&2
