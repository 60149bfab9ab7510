#!/usr/bin/env bash
# How sure are the results of docs/results/students/README.md? `evaluator significance` (docs/evaluation.md) on the
# committed compare reports: every student against the teacher (the issue-6 target is that ratio), and each step of
# the default's recipe against the step before, on the test splits; plus the one selection decision that was close,
# on the validation split the trainer selects on. Paired cluster bootstrap, 10 000 draws, seed 0, 95 % intervals.
# Embeds only the validation split's 88 queries with two students (the teacher's gallery comes from the cache).
# Writes docs/results/students/significance/<name>.{json,md}; the summary table is in the README there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
evaluator=src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll
results=docs/results/students
out=$results/significance
mkdir -p "$out"

# significance NAME SET BASELINE_REPORT BASELINE_ROW CANDIDATE_REPORT CANDIDATE_ROW
significance() {
  dotnet "$evaluator" significance --dataset "data/datasets/$2/test" \
    --baseline "$3" --baseline-row "$4" --candidate "$5" --candidate-row "$6" \
    --json "$out/$1.json" --markdown "$out/$1.md" > /dev/null
}

teacher=teacher-resnet18-gem
# The targets: the default (float and int8), the best photoviews student measured, the best emoji4 students.
significance target-photoviews-default photoviews $results/patience/photoviews/compare.json $teacher $results/patience/photoviews/compare.json student-mnv2-regression
significance target-photoviews-default-int8 photoviews $results/patience/photoviews/compare.json $teacher $results/patience/photoviews/compare.json student-mnv2-regression-int8
significance target-photoviews-seed1-ema photoviews $results/ema/photoviews/compare.json $teacher $results/ema/photoviews/compare.json student-mnv2-regression-sameview-mixup05-t300-ema998-seed1
significance target-emoji4-default emoji4 $results/patience/emoji4/compare.json $teacher $results/patience/emoji4/compare.json student-mnv2-regression
significance target-emoji4-plus-mixup emoji4 $results/mixup/emoji4-plus/compare.json $teacher $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-mixup05-emoji4

# The recipe, step by step (each step was chosen on validation; these are the test splits, never used to choose).
significance step-photoviews-1-same-view photoviews \
  $results/same-view/photoviews/compare.json student-mnv2-regression-plus-strong-lr3e-5-photoviews \
  $results/mixup/photoviews/compare.json student-mnv2-regression-plus-strong-sameview-photoviews
significance step-photoviews-2-mixup photoviews \
  $results/mixup/photoviews/compare.json student-mnv2-regression-plus-strong-sameview-photoviews \
  $results/mixup/photoviews/compare.json student-mnv2-regression
significance step-photoviews-3-t300 photoviews \
  $results/mixup/photoviews/compare.json student-mnv2-regression \
  $results/patience/photoviews/compare.json student-mnv2-regression
significance step-photoviews-4-int8 photoviews \
  $results/patience/photoviews/compare.json student-mnv2-regression \
  $results/patience/photoviews/compare.json student-mnv2-regression-int8
significance step-photoviews-all photoviews \
  $results/same-view/photoviews/compare.json student-mnv2-regression-plus-strong-lr3e-5-photoviews \
  $results/patience/photoviews/compare.json student-mnv2-regression
significance step-emoji4-plus-1-same-view emoji4 \
  $results/same-view/emoji4-plus/compare.json student-mnv2-regression-plus-strong-lr3e-5-emoji4 \
  $results/same-view/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-emoji4
significance step-emoji4-plus-2-mixup emoji4 \
  $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-emoji4 \
  $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-mixup05-emoji4

# The close call: seed 1 with averaged weights against the default, on test and on the validation split.
significance seed1-ema-vs-default-test photoviews \
  $results/patience/photoviews/compare.json student-mnv2-regression \
  $results/ema/photoviews/compare.json student-mnv2-regression-sameview-mixup05-t300-ema998-seed1
for model in models/student-mnv2-regression models/trained/student-mnv2-regression-sameview-mixup05-t300-ema998-seed1; do
  dotnet "$evaluator" evaluate --dataset data/datasets/photoviews/val --gallery-model models/$teacher.manifest.json \
    --query-model "$model.manifest.json" --threads 1 --workers 1 --json "$out/val-$(basename "$model").json" > /dev/null
done
dotnet "$evaluator" significance --dataset data/datasets/photoviews/val \
  --baseline "$out/val-student-mnv2-regression.json" --candidate "$out/val-student-mnv2-regression-sameview-mixup05-t300-ema998-seed1.json" \
  --json "$out/seed1-ema-vs-default-val.json" --markdown "$out/seed1-ema-vs-default-val.md" > /dev/null

# One line per report: name, Medium baseline → candidate, Δ [interval], ratio [interval], P(Δ ≤ 0).
python3 - "$out" <<'PY'
import json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    report = json.loads(path.read_text())
    if "protocols" not in report:
        continue
    m = next(p for p in report["protocols"] if p["protocol"] == "medium")
    pct = lambda x: f"{100 * x:+.2f}"
    print(f"{path.stem}: {100 * m['baselineMap']:.2f} → {100 * m['candidateMap']:.2f}, Δ {pct(m['difference'])} "
          f"[{pct(m['differenceLower'])}, {pct(m['differenceUpper'])}], ratio {m['ratio']:.3f} "
          f"[{m['ratioLower']:.3f}, {m['ratioUpper']:.3f}], P(Δ≤0) {m['probabilityNotBetter']:.4f}")
PY
