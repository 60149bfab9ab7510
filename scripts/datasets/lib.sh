# Shared by the build-*.sh scripts: builds the dataset tool once and runs `dataset-tool build <name>`.
# Sourced, not executed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}

dataset_tool() {
  command -v dotnet >/dev/null || { echo "datasets: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
  dotnet build "$ROOT/src/RetrievalService.DatasetTool" -c Release --nologo -v quiet >&2
  (cd "$ROOT" && dotnet "$ROOT/src/RetrievalService.DatasetTool/bin/Release/net10.0/dataset-tool.dll" "$@")
}

# Fetches gcompris-qt-data and writes the photographs of its Qt resource bundles out; prints their folder.
# Only the bundles of photographs: objects, animals, monuments, hands, planets. Drawings (lang, clickgame,
# babyshapes, chronos) and jigsaw pieces of paintings (paintings) are left out. The folder lies inside the package's
# own, so build.json records gcompris-qt-data and its version.
gcompris_photos() {
  DATA_DIR="$DATA_DIR" "$ROOT/scripts/fetch-photos.sh" gcompris-qt-data >&2
  local debs="$DATA_DIR/sources/debs" bundle bundles=()
  for bundle in categorization details explore_monuments erase explore_world_animals explore_farm_animals \
    explore_world_music louis-braille leftright solar_system; do
    bundles+=(--rcc "$debs/gcompris-qt-data/usr/share/gcompris-qt/rcc/$bundle.rcc")
  done
  dataset_tool unpack-qt-resources "${bundles[@]}" --out "$debs/gcompris-qt-data/unpacked/gcompris" >/dev/null
  echo "$debs/gcompris-qt-data/unpacked/gcompris"
}
