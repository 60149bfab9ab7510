#!/usr/bin/env bash
# Installs what bench/train-step/run.sh needs besides the .NET SDK: PyTorch and torchvision from Debian
# bookworm (python3-torch 1.13.1, python3-torchvision 0.14.1), the reference the TorchSharp student's
# training step is compared with (issue 6 §6). Debian's packages, not pip wheels, so nothing but the
# distribution's mirror is involved and the versions are pinned by the release. Idempotent: does nothing
# when /usr/bin/python3 already imports both and OpenBLAS is installed.
#
# libopenblas0-openmp: libtorch1.13 only *recommends* an optimised BLAS; without it the libblas.so.3
# alternative is netlib's reference BLAS, and PyTorch's single-threaded 1×1 convolutions (which skip oneDNN
# below batch 16, see ConvParams::use_mkldnn) would run on it and make PyTorch look several times slower.
# The OpenMP build shares libgomp with torch, so torch.set_num_threads bounds it too.
set -euo pipefail

# Debian's python3-torch installs into the system interpreter's dist-packages; a python3 earlier on PATH
# (pyenv, venv) would not see it, so the check and run.sh both use this one.
PYTHON=/usr/bin/python3

packages=(python3-torch python3-torchvision libopenblas0-openmp)

if [ -x "$PYTHON" ] && "$PYTHON" -c 'import torch, torchvision' 2>/dev/null \
  && [[ "$(dpkg-query -W -f='${Status}' libopenblas0-openmp 2>/dev/null)" == 'install ok installed' ]]; then
  echo "install-bench-deps: torch and torchvision already importable by $PYTHON, OpenBLAS installed; nothing to do" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-bench-deps: installing ${packages[*]} needs root; run this script as root" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "install-bench-deps: apt-get (Debian bookworm) is required" >&2; exit 1; }

echo "install-bench-deps: installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
# A stale package index is the usual reason for a failed install: refresh once and retry.
apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 \
  || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2; }

"$PYTHON" -c 'import torch, torchvision; print(f"install-bench-deps: torch {torch.__version__}, torchvision {torchvision.__version__}")' >&2
echo "install-bench-deps: libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)" >&2
