#!/usr/bin/env bash
# Issue 3's first results table: teacher (symmetric), the linear-adapter student (symmetric and asymmetric)
# and the untrained conv-head student (a random-projection floor) on the test split of each benchmark set.
# Reports go to docs/results/<set>/compare.{md,json,png}. Needs the datasets (scripts/datasets/build-*.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
dotnet build src/RetrievalService.Evaluator -c Release --nologo -v quiet
for set in ${SETS:-photoviews emoji4 pairs}; do
  mkdir -p "docs/results/$set"
  dotnet src/RetrievalService.Evaluator/bin/Release/net10.0/evaluator.dll compare \
    --dataset "data/datasets/$set/test" \
    --teacher models/teacher-resnet18-gem.manifest.json \
    --students models/student-mnv2-linear.manifest.json models/student-mnv2-convhead-init.manifest.json \
    --threads 1 --workers 1 \
    --json "docs/results/$set/compare.json" --markdown "docs/results/$set/compare.md" --plot "docs/results/$set/compare.png" \
    > "docs/results/$set/compare.txt"
done
