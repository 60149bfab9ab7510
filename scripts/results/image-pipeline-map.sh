#!/usr/bin/env bash
# Medium mAP (with Easy/Hard) of the image decoding and preprocessing pipeline: teacher→teacher, student→student and
# student→teacher for the default student and its int8 copy on photoviews test, emoji4 test, pairs test and
# gcompris-views val. Run once per pipeline into its own folder (docs/results/image-pipeline/before was written by the
# old ImageSharp pipeline at 402adf3), e.g. scripts/results/image-pipeline-map.sh docs/results/image-pipeline/after.
# Every run embeds into a fresh, private cache folder: the old pipeline's cache key did not name the pipeline, so
# vectors of another pipeline are never read, and the wall times (the teacher's gallery embedded once per dataset)
# compare between runs. Needs the four datasets built
# (scripts/datasets/build-{photoviews,emoji4,pairs,gcompris-views}.sh). SETS="pairs/test" limits the run to some sets.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT_DIR (e.g. docs/results/image-pipeline/after)" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "$1")
cd "$ROOT"
export OMP_NUM_THREADS=1
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
evaluator=src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll
teacher=models/teacher-resnet18-gem.manifest.json
students=(models/student-mnv2-regression.manifest.json models/student-mnv2-regression-int8.manifest.json)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
mkdir -p "$out"

for set in ${SETS:-photoviews/test emoji4/test pairs/test gcompris-views/val}; do
  name=${set%%/*}
  start=$SECONDS
  dotnet "$evaluator" compare --dataset "data/datasets/$set" --teacher "$teacher" --students "${students[@]}" \
    --threads 1 --workers 1 --cache-dir "$cache" --json "$out/$name.json" --markdown "$out/$name.md" > /dev/null
  echo "image-pipeline-map: $set in $((SECONDS - start)) s" >&2
done
echo "image-pipeline-map: reports in $out" >&2
