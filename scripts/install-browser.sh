#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's chromium, launched by Playwright for .NET through its
# executable path (Playwright's own browser download is never used; the package mirror is the only source).
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail
source "$(dirname "$0")/lib/system-package.sh"

ensure_command install-browser chromium chromium
