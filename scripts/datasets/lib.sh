# Shared by the build-*.sh scripts: builds the dataset tool once and runs `dataset-tool build <name>`.
# Sourced, not executed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}

dataset_tool() {
  command -v dotnet >/dev/null || { echo "datasets: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
  dotnet build "$ROOT/src/RetrievalService.DatasetTool" -c Release --nologo -v quiet >&2
  (cd "$ROOT" && dotnet "$ROOT/src/RetrievalService.DatasetTool/bin/Release/net10.0/dataset-tool.dll" "$@")
}
