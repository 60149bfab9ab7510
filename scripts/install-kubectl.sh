#!/usr/bin/env bash
# Installs kubectl for the deployment test (`kubectl kustomize deploy/kubernetes`, tests/RetrievalService.Deploy.Tests).
# Any kubectl already on the PATH is kept; otherwise Debian's kubernetes-client (kubectl 1.20, whose built-in kustomize
# renders these manifests the same as kubectl 1.32's). Nothing talks to a cluster. Idempotent.
set -euo pipefail

if command -v kubectl >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-kubectl: installing kubectl needs root; run this script as root (or install Debian's kubernetes-client)" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "install-kubectl: apt-get (Debian/Ubuntu) is required" >&2; exit 1; }
echo "install-kubectl: installing kubernetes-client" >&2
# A fresh machine may have no package lists yet.
apt-get install -y --no-install-recommends kubernetes-client >/dev/null \
  || { apt-get update -qq && apt-get install -y --no-install-recommends kubernetes-client >/dev/null; }
