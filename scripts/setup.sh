#!/usr/bin/env bash
# Sets up everything from a fresh clone: restores packages (which downloads the ResNet-18 teacher source
# from NuGet), fetches the photo pool from Debian and the MobileNetV2 student source from npm, builds
# the ONNX models under models/, and installs the web page's onnxruntime-web files (scripts/build-web.sh). Idempotent: a second run reuses downloads and rebuilds the models
# (the build is deterministic, so the committed manifests' hashes must still match).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/system-package.sh

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v dpkg-deb >/dev/null && command -v apt-get >/dev/null \
  || { echo "setup: apt-get and dpkg-deb (Debian/Ubuntu) are required to fetch the photo pool" >&2; exit 1; }

echo "setup: restoring" >&2
dotnet restore RetrievalService.sln --nologo -v quiet
# Between restore and build, before anything loads torch: TorchSharp on Debian 12 (docs/platform.md#torchsharp-on-debian-12).
scripts/patch-torchsharp.sh
echo "setup: building" >&2
dotnet build RetrievalService.sln -c Release --nologo -v quiet --no-restore
scripts/fetch-photos.sh

TOOL=(dotnet src/RetrievalService.ModelTool/bin/Release/net10.0/model-tool.dll)
echo "setup: building models" >&2
"${TOOL[@]}" build-teacher >/dev/null
"${TOOL[@]}" build-student >/dev/null
echo "setup: models ready in $ROOT/models" >&2

# The web page's onnxruntime-web comes from npm.
ensure_command setup npm nodejs npm
scripts/build-web.sh
