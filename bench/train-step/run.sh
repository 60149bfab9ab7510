#!/usr/bin/env bash
# Issue 6 §6 in one run: training-step time (zero_grad + forward + loss + backward + Adam; batch 8, 224 px)
# of the TorchSharp student against the same MobileNetV2 1.4 in Debian's PyTorch, on this machine, per
# thread count, both back to back. PyTorch runs twice: with BN frozen (torchvision's network) and with BN
# folded into conv biases (exactly the TFJS graph the student was imported from).
# Usage: bench/train-step/run.sh [--threads 1,2] [--warmup 3] [--iterations 20] [--batch 8] [--size 224]
# Writes bench/results/train-step.{md,json}; the per-run JSON files go to bench/results/raw/train-step/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

# Debian's python3-torch is installed for the system interpreter, not for a pyenv/venv python3 on PATH.
PYTHON=/usr/bin/python3
MODEL=models/student-mnv2-convhead-init.onnx
RAW=bench/results/raw/train-step
threads=1,2 warmup=3 iterations=20 batch=8 size=224

fail() { echo "train-step: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || fail "$1 needs a value"
  case "$1" in
    --threads) threads=$2 ;;
    --warmup) warmup=$2 ;;
    --iterations) iterations=$2 ;;
    --batch) batch=$2 ;;
    --size) size=$2 ;;
    *) fail "unknown option $1; use --threads, --warmup, --iterations, --batch, --size" ;;
  esac
  shift 2
done

[ -x "$PYTHON" ] && "$PYTHON" -c 'import torch, torchvision' 2>/dev/null \
  || fail "$PYTHON cannot import torch and torchvision; run scripts/install-bench-deps.sh (as root) first"
[ -f "$MODEL" ] || fail "no $MODEL; run scripts/setup.sh first"

echo "train-step: building bench/RetrievalService.TrainBench (Release)" >&2
dotnet build bench/RetrievalService.TrainBench -c Release --nologo -v quiet >&2
mkdir -p "$RAW"
rm -f "$RAW"/*.json

package_version() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" Directory.Packages.props; }
# Before the loop: GNU nproc honours OMP_NUM_THREADS, which the loop sets.
cores=$(nproc)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
common=(--batch "$batch" --size "$size" --warmup "$warmup" --iterations "$iterations")
for t in ${threads//,/ }; do
  # Every pool either side might consult: libgomp (both), MKL (libtorch's build), OpenBLAS (Debian's).
  export OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t
  echo "train-step: $t thread(s): TorchSharp" >&2
  dotnet bench/RetrievalService.TrainBench/bin/Release/net10.0/train-bench.dll \
    --model "$MODEL" --threads "$t" "${common[@]}" --json "$RAW/torchsharp-$t.json" >&2
  for batchnorm in frozen folded; do
    echo "train-step: $t thread(s): PyTorch, BN $batchnorm" >&2
    "$PYTHON" bench/train-step/pytorch_mnv2.py \
      --batchnorm "$batchnorm" --threads "$t" "${common[@]}" --json "$RAW/pytorch-$batchnorm-$t.json" >&2
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

"$PYTHON" bench/train-step/summarize.py --raw "$RAW" --threads "$threads" \
  --load-start "$load_start" --load-end "$load_end" --nproc "$cores" \
  --torchsharp "$(package_version TorchSharp)" --libtorch "$(package_version libtorch-cpu-linux-x64)" \
  --debian-torch "$(dpkg-query -W -f='${Version}' python3-torch)" \
  --blas "$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)" \
  --command "bench/train-step/run.sh --threads $threads --warmup $warmup --iterations $iterations --batch $batch --size $size" \
  --json bench/results/train-step.json --markdown bench/results/train-step.md
cat bench/results/train-step.md
