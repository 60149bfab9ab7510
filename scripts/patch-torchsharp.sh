#!/usr/bin/env bash
# Makes TorchSharp 0.107.0 load on systems whose libstdc++ predates GLIBCXX_3.4.32 (Debian 12).
# Run after `dotnet restore` and before anything loads torch. See docs/platform.md#torchsharp-on-debian-12:
# the only GLIBCXX_3.4.32 symbol libLibTorchSharp.so names is std::ios_base_library_init(), which nothing
# relocates, so marking that version requirement weak (vna_flags = 2 = VER_FLG_WEAK, one byte) is enough. Idempotent; guarded by the known hashes, and fails
# loudly on any other file rather than patching bytes it does not know.
set -euo pipefail

VERSION=0.107.0
ORIGINAL_SHA256=cf33b1b0bb6bbb9754a768fb5c5d04d9f498603be50e73f55621a0b40ee608b8
PATCHED_SHA256=5968efac8270eff8a2b5ca7381612ea9cc54d81cf4104a54e0e6106b7b5f11e3
# vna_flags of the GLIBCXX_3.4.32 entry in .gnu.version_r (readelf -V shows it at 0x0140 of that section).
FLAGS_OFFSET=260660

fail() { echo "patch-torchsharp: $*" >&2; exit 1; }

# Read the whole cache before matching: with pipefail, an awk that exits at the first match can kill
# ldconfig with SIGPIPE mid-write and fail the script (exit 141), depending on timing.
ldconfig_cache=$(/sbin/ldconfig -p 2>/dev/null || true)
libstdcxx=$(awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found { print $NF; found = 1 }' <<<"$ldconfig_cache")
[[ -n "$libstdcxx" ]] || libstdcxx=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
[[ -r "$libstdcxx" ]] || fail "cannot find the system libstdc++.so.6 (looked at '$libstdcxx')"
if grep -qa 'GLIBCXX_3\.4\.32' "$libstdcxx"; then
  echo "patch-torchsharp: $libstdcxx provides GLIBCXX_3.4.32; nothing to do" >&2
  exit 0
fi

packages=${NUGET_PACKAGES:-}
if [[ -z "$packages" ]]; then
  packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
fi
[[ -n "$packages" ]] || fail "cannot locate the NuGet global packages folder"
library="${packages%/}/torchsharp/$VERSION/runtimes/linux-x64/native/libLibTorchSharp.so"
[[ -f "$library" ]] || fail "$library is missing: run 'dotnet restore' first"

actual=$(sha256sum "$library" | cut -d' ' -f1)
if [[ "$actual" == "$PATCHED_SHA256" ]]; then
  echo "patch-torchsharp: $library already patched" >&2
  exit 0
fi
[[ "$actual" == "$ORIGINAL_SHA256" ]] \
  || fail "$library has sha256 $actual, neither the known original nor the patched file; refusing to patch"

# Patch a copy and rename it over the original, so a failure never leaves a half-written library.
temporary="$library.patching"
# A fresh mtime (mode kept) makes MSBuild copy the patched file over any stale copy in a bin folder.
cp --preserve=mode "$library" "$temporary"
printf '\x02' | dd of="$temporary" bs=1 seek="$FLAGS_OFFSET" count=1 conv=notrunc status=none
patched=$(sha256sum "$temporary" | cut -d' ' -f1)
if [[ "$patched" != "$PATCHED_SHA256" ]]; then
  rm -f "$temporary"
  fail "patched copy has sha256 $patched, expected $PATCHED_SHA256; original left untouched"
fi
mv -f "$temporary" "$library"
echo "patch-torchsharp: marked GLIBCXX_3.4.32 weak in $library" >&2
