#!/usr/bin/env bash
# How sure are the results of docs/results/students/README.md? `evaluator significance` (docs/evaluation.md) on the
# committed compare reports: the default and the best emoji4 student against the teacher (the student's target is that
# ratio: docs/results/students/README.md#targets), and each step of the default's recipe against the step before, on the test splits; plus the two selection
# decisions that were close and the warm starts, also on the validation splits the trainer selects on, and on
# gcompris-views. Paired
# cluster bootstrap, 10 000 draws, seed 0, 95 % intervals. Embeds only validation queries (photoviews' 88 with five
# students, emoji4's 372 with two; the teacher's galleries come from the cache). Writes
# docs/results/students/significance/<name>.{json,md}; the summary table is in the README there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
evaluator=src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll
results=docs/results/students
out=$results/significance
mkdir -p "$out"

# significance NAME SET[/SPLIT] BASELINE_REPORT BASELINE_ROW CANDIDATE_REPORT CANDIDATE_ROW (split: test unless named;
# an empty row for an evaluate report, which holds one)
significance() {
  local dataset=$2
  [[ $dataset == */* ]] || dataset=$dataset/test
  dotnet "$evaluator" significance --dataset "data/datasets/$dataset" \
    --baseline "$3" ${4:+--baseline-row "$4"} --candidate "$5" ${6:+--candidate-row "$6"} \
    --json "$out/$1.json" --markdown "$out/$1.md" > /dev/null
}

teacher=teacher-resnet18-gem
default=$results/t600           # the default (600 images per epoch) and its int8 copy
previous=$results/patience      # the previous default (300 images per epoch), student-mnv2-regression there
# The targets: the default (float and int8) and the best emoji4 student, against the teacher on the same report.
significance target-photoviews-default photoviews $default/photoviews/compare.json $teacher $default/photoviews/compare.json student-mnv2-regression
significance target-photoviews-default-int8 photoviews $default/photoviews/compare.json $teacher $default/photoviews/compare.json student-mnv2-regression-int8
significance target-emoji4-default-int8 emoji4 $default/emoji4/compare.json $teacher $default/emoji4/compare.json student-mnv2-regression-int8
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
  $previous/photoviews/compare.json student-mnv2-regression
significance step-photoviews-4-t600 photoviews \
  $previous/photoviews/compare.json student-mnv2-regression \
  $default/photoviews/compare.json student-mnv2-regression
significance step-photoviews-5-int8 photoviews \
  $default/photoviews/compare.json student-mnv2-regression \
  $default/photoviews/compare.json student-mnv2-regression-int8
significance step-photoviews-all photoviews \
  $results/same-view/photoviews/compare.json student-mnv2-regression-plus-strong-lr3e-5-photoviews \
  $default/photoviews/compare.json student-mnv2-regression
significance step-emoji4-plus-1-same-view emoji4 \
  $results/same-view/emoji4-plus/compare.json student-mnv2-regression-plus-strong-lr3e-5-emoji4 \
  $results/same-view/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-emoji4
significance step-emoji4-plus-2-mixup emoji4 \
  $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-emoji4 \
  $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-mixup05-emoji4

# Warm starts from the default (docs/results/students/README.md "Starting from the default"): the photo continuation's
# selected epoch against the default it started from, on test (reported, not used to decide).
significance continue-t1200-vs-default-test photoviews \
  $default/photoviews/compare.json student-mnv2-regression \
  $results/warm-start/continue-photoviews/compare.json student-mnv2-regression-continue-t1200

# The drawings student (the default fine-tuned on emoji4-plus): its target ratio, its gain over the earlier best
# drawings student on emoji4, and what it gave up on photoviews against the default it started from.
drawings=student-mnv2-regression-emoji4plus-from-default-t600
significance target-emoji4-drawings-from-default emoji4 \
  $results/warm-start/drawings-emoji4/compare.json $teacher $results/warm-start/drawings-emoji4/compare.json $drawings
significance drawings-from-default-vs-emoji4-plus-mixup emoji4 \
  $results/mixup/emoji4-plus/compare.json student-mnv2-regression-plus-strong-sameview-mixup05-emoji4 \
  $results/warm-start/drawings-emoji4/compare.json $drawings
significance drawings-from-default-int8 emoji4 \
  $results/warm-start/drawings-emoji4/compare.json $drawings \
  $results/warm-start/drawings-emoji4-int8/compare.json $drawings-int8
significance drawings-from-default-vs-default-photoviews photoviews \
  $default/photoviews/compare.json student-mnv2-regression \
  $results/warm-start/drawings-photoviews/compare.json $drawings

# The drawings student's Contr+ stage (warm-start/contrplus-drawings-*).
contrplus=student-mnv2-contrplus-emoji4plus-from-drawings
significance target-emoji4-contrplus-drawings emoji4 \
  $results/warm-start/contrplus-drawings-emoji4/compare.json $teacher $results/warm-start/contrplus-drawings-emoji4/compare.json $contrplus
significance target-emoji4-contrplus-drawings-int8 emoji4 \
  $results/warm-start/contrplus-drawings-emoji4/compare.json $teacher $results/warm-start/contrplus-drawings-emoji4/compare.json $contrplus-int8
significance contrplus-drawings-vs-drawings emoji4 \
  $results/warm-start/drawings-emoji4/compare.json $drawings $results/warm-start/contrplus-drawings-emoji4/compare.json $contrplus
significance contrplus-drawings-int8 emoji4 \
  $results/warm-start/contrplus-drawings-emoji4/compare.json $contrplus $results/warm-start/contrplus-drawings-emoji4/compare.json $contrplus-int8
significance contrplus-drawings-vs-default-photoviews photoviews \
  $default/photoviews/compare.json student-mnv2-regression $results/warm-start/contrplus-drawings-photoviews/compare.json $contrplus

# Two close calls against the previous default, on test and on the validation split the trainer selects on: seed 1
# with averaged weights (kept out: 74.27 < 74.91) and 600 images per epoch (taken: 75.36 > 74.91).
significance seed1-ema-vs-previous-test photoviews \
  $previous/photoviews/compare.json student-mnv2-regression \
  $results/ema/photoviews/compare.json student-mnv2-regression-sameview-mixup05-t300-ema998-seed1

# Validation reports: the trainer's selection embeds the validation queries with each candidate; these repeat it
# with the evaluator. models/trained holds each run's export under its own id (the previous default is the t300
# run's, same bytes). It is git-ignored: where an export is missing (another machine, a new checkout), the
# committed validation report is used as it is, and the script says so.
validation_report() {  # SPLIT_DIR REPORT_PREFIX ID
  if [[ ! -f models/trained/$3.manifest.json ]]; then
    echo "significance-table: models/trained/$3 is missing; using the committed $out/$2$3.json" >&2
    return
  fi
  dotnet "$evaluator" evaluate --dataset "$1" --gallery-model models/$teacher.manifest.json \
    --query-model "models/trained/$3.manifest.json" --threads 1 --workers 1 --json "$out/$2$3.json" > /dev/null
}
validation_significance() {  # NAME SPLIT_DIR BASELINE_REPORT CANDIDATE_REPORT
  dotnet "$evaluator" significance --dataset "$2" --baseline "$out/$3" --candidate "$out/$4" \
    --json "$out/$1.json" --markdown "$out/$1.md" > /dev/null
}

# The two close calls above, on validation.
previous_val=val-student-mnv2-regression-sameview-mixup05-t300.json
for run in t300 t300-ema998-seed1 t600; do
  validation_report data/datasets/photoviews/val val- "student-mnv2-regression-sameview-mixup05-$run"
done
validation_significance seed1-ema-vs-previous-val data/datasets/photoviews/val \
  $previous_val val-student-mnv2-regression-sameview-mixup05-t300-ema998-seed1.json
validation_significance default-vs-previous-val data/datasets/photoviews/val \
  $previous_val val-student-mnv2-regression-sameview-mixup05-t600.json

# The warm starts: the drawings student's Contr+ stage against its regression stage on emoji4's val split, the two
# Contr+ runs on photoviews' against the default.
for id in $drawings $contrplus; do
  validation_report data/datasets/emoji4/val val-emoji4- "$id"
done
validation_significance contrplus-drawings-vs-drawings-val data/datasets/emoji4/val val-emoji4-$drawings.json val-emoji4-$contrplus.json
for run in contrplus:contrplus-photoviews contrplus-light:contrplus-light-photoviews; do
  id=student-mnv2-${run%%:*}-photoviewsplus-from-default
  validation_report data/datasets/photoviews/val val- "$id"
  validation_significance "${run##*:}-vs-default-val" data/datasets/photoviews/val \
    val-student-mnv2-regression-sameview-mixup05-t600.json "val-$id.json"
done

# The method's full protocol on photoviews' test (multi-scale teacher gallery, the teacher's learned whitening on
# both sides; docs/method.md#multi-scale-and-whitening): the target ratio again.
protocol=$results/method-protocol/compare.json
significance method-protocol-target-default photoviews $protocol $teacher $protocol student-mnv2-regression
significance method-protocol-target-default-int8 photoviews $protocol $teacher $protocol student-mnv2-regression-int8
significance method-protocol-target-default-wide photoviews $protocol $teacher $results/method-protocol/default-wide.json ""

# gcompris-views (133 objects of photos from another source; the photo students' selection set from the photoviews-wide stage on):
# the default against the teacher, and the warm starts against the default.
gcompris=$results/gcompris-views/compare.json
significance gcompris-target-default gcompris-views/val $gcompris $teacher $gcompris student-mnv2-regression
for id in student-mnv2-contrplus-light-photoviewsplus-from-default student-mnv2-contrplus-photoviewsplus-from-default \
  student-mnv2-regression-continue-t1200; do
  significance "gcompris-${id#student-mnv2-}-vs-default" gcompris-views/val $gcompris student-mnv2-regression $gcompris "$id"
done

# The photoviews-wide stage (a default of 2026-11-29, SHA-256 3f008759…) and its two controls, each against the previous default:
# selection on gcompris-views (evaluate reports of the candidates), then photoviews' test for the report.
warm=$results/gcompris-views/warm-start
for candidate in plus-control pysiogame wide; do
  significance "gcompris-$candidate-vs-previous-default" gcompris-views/val $gcompris student-mnv2-regression $warm/$candidate.json ""
done
significance gcompris-wide-vs-plus-control gcompris-views/val $warm/plus-control.json "" $warm/wide.json ""
wide=$results/wide/photoviews/compare.json   # its row student-mnv2-regression is the previous default
significance target-photoviews-wide photoviews $wide $teacher $wide student-mnv2-regression-wide-from-default
significance step-photoviews-6-wide photoviews $wide student-mnv2-regression $wide student-mnv2-regression-wide-from-default
significance step-photoviews-7-wide-int8 photoviews $wide student-mnv2-regression-wide-from-default $results/wide/photoviews/int8.json ""

# The photoviews-scenes stage (a default of 2026-11-29, SHA-256 7fa5f014…), its second seed, its epoch-16 export and the control on
# photoviews-wide, each against the photoviews-wide student (warm-start/wide.json) and the scenes runs against the
# control; then photoviews' test (its row student-mnv2-regression is the photoviews-wide student).
for candidate in wide-control scenes-e16 scenes-seed6 scenes; do
  significance "gcompris-$candidate-vs-wide" gcompris-views/val $warm/wide.json "" $warm/$candidate.json ""
done
for candidate in scenes-e16 scenes-seed6 scenes; do
  significance "gcompris-$candidate-vs-wide-control" gcompris-views/val $warm/wide-control.json "" $warm/$candidate.json ""
done
scenes=$results/scenes/photoviews/compare.json
significance target-photoviews-scenes photoviews $scenes $teacher $scenes student-mnv2-regression-stage3-scenes-e26
significance target-photoviews-scenes-int8 photoviews $scenes $teacher $results/scenes/photoviews/int8.json ""
significance step-photoviews-8-scenes photoviews $scenes student-mnv2-regression $scenes student-mnv2-regression-stage3-scenes-e26
significance step-photoviews-9-scenes-int8 photoviews $scenes student-mnv2-regression-stage3-scenes-e26 $results/scenes/photoviews/int8.json ""
significance photoviews-scenes-vs-wide-control photoviews $scenes student-mnv2-regression-stage3-control $scenes student-mnv2-regression-stage3-scenes-e26

# Students cut from the teacher, and the int8 teacher as a query model (README: "Students cut from the teacher").
pruned=$results/pruned
significance target-photoviews-teacher-int8 photoviews $scenes $teacher $pruned/photoviews-test-teacher-int8.json ""
significance photoviews-default-vs-resnet10 photoviews $scenes student-mnv2-regression-stage3-scenes-e26 $pruned/photoviews-test-resnet10-regression-e44.json ""
# ResNet-12 resumed to 64 epochs (best: epoch 61): it passes the gcompris-views rule against the default, and trails it on
# photoviews test.
significance gcompris-views-default-vs-resnet12-e61 gcompris-views/val $results/gcompris-views/warm-start/scenes.json "" $pruned/gcompris-views-val-resnet12-e61.json ""
significance photoviews-default-vs-resnet12-e61 photoviews $scenes student-mnv2-regression-stage3-scenes-e26 $pruned/photoviews-test-resnet12-e61.json ""

# Stage 4: the photoviews-scenes default continued on photoviews-npm (315 photographs from npm packages more), seed 7,
# best epoch 24 (README: "Photographs from npm packages"); a default of 2026-11-29 (SHA-256 09892ecf…).
npm=$results/npm
significance gcompris-views-scenes-vs-npm gcompris-views/val $results/gcompris-views/warm-start/scenes.json "" $npm/gcompris-views-val-seed7-e24.json ""
significance step-photoviews-10-npm photoviews $scenes student-mnv2-regression-stage3-scenes-e26 $npm/photoviews-test-seed7-e24.json ""
significance target-photoviews-npm photoviews $scenes $teacher $npm/photoviews-test-seed7-e24.json ""
significance target-photoviews-npm-int8 photoviews $scenes $teacher $npm/photoviews-test-int8.json ""

# Stage 5: the photoviews-npm default continued on photoviews-npm2 (90 photographs more) and on photoviews-more (225
# more), seed 9 each; photoviews-more's epoch 26 was a default of 2026-11-29 (SHA-256 66c3f0b1…; README: "A second and a third
# search"). Selection on gcompris-views and the val split, then photoviews' test for the report.
npm2=$results/npm2 more=$results/more
significance gcompris-views-npm-vs-npm2 gcompris-views/val $npm/gcompris-views-val-seed7-e24.json "" $npm2/gcompris-views-val-npm2-seed9-e23.json ""
significance gcompris-views-npm-vs-more gcompris-views/val $npm/gcompris-views-val-seed7-e24.json "" $more/gcompris-views-val-more-seed9-e26.json ""
significance gcompris-views-npm2-vs-more gcompris-views/val $npm2/gcompris-views-val-npm2-seed9-e23.json "" $more/gcompris-views-val-more-seed9-e26.json ""
significance photoviews-val-npm-vs-more photoviews/val $npm/photoviews-val-seed7-e24.json "" $more/photoviews-val-more-seed9-e26.json ""
significance step-photoviews-11-more photoviews $npm/photoviews-test-seed7-e24.json "" $more/photoviews-test-more-seed9-e26.json ""
significance photoviews-npm-vs-npm2 photoviews $npm/photoviews-test-seed7-e24.json "" $npm2/photoviews-test-npm2-seed9-e23.json ""
significance target-photoviews-more photoviews $scenes $teacher $more/photoviews-test-more-seed9-e26.json ""
significance target-photoviews-more-int8 photoviews $scenes $teacher $more/photoviews-test-int8.json ""

# Stage 5 continued: the same seed-9 run taken on to 40 epochs (2026-11-29); epoch 36 is the default since then
# (README: "Stage 5 for 40 epochs"). Same selection, then photoviews' test, and the target under αQE (k = 3 on both
# sides; README: "Query expansion with the teacher's gallery").
long=$results/more-long qe=$results/qe/photoviews-qe3.json
significance gcompris-views-more-vs-long gcompris-views/val $more/gcompris-views-val-more-seed9-e26.json "" $long/gcompris-views-val-long-seed9-e36.json ""
significance photoviews-val-more-vs-long photoviews/val $more/photoviews-val-more-seed9-e26.json "" $long/photoviews-val-long-seed9-e36.json ""
significance step-photoviews-12-long photoviews $more/photoviews-test-more-seed9-e26.json "" $long/photoviews-test-long-seed9-e36.json ""
significance target-photoviews-long photoviews $scenes $teacher $long/photoviews-test-long-seed9-e36.json ""
significance target-photoviews-long-int8 photoviews $scenes $teacher $long/photoviews-test-int8.json ""
significance target-photoviews-long-qe3 photoviews $qe $teacher $long/photoviews-test-qe3-long-seed9-e36.json ""
significance target-photoviews-long-int8-qe3 photoviews $qe $teacher $long/photoviews-test-qe3-int8.json ""

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
