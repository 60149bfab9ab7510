#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's chromium, launched by Playwright for .NET through its
# executable path (Playwright's own browser download is never used; the package mirror is the only source).
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail

if command -v chromium >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: installing chromium needs root; run this script as root (or install Debian's chromium)" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "install-browser: apt-get (Debian/Ubuntu) is required" >&2; exit 1; }
echo "install-browser: installing chromium" >&2
# A fresh machine may have no package lists yet.
apt-get install -y --no-install-recommends chromium >/dev/null \
  || { apt-get update -qq && apt-get install -y --no-install-recommends chromium >/dev/null; }
