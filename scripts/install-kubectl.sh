#!/usr/bin/env bash
# Installs kubectl for the deployment test (`kubectl kustomize deploy/kubernetes`, tests/RetrievalService.Deploy.Tests).
# Any kubectl already on the PATH is kept; otherwise Debian's kubernetes-client (kubectl 1.20, whose built-in kustomize
# renders these manifests the same as kubectl 1.32's). Nothing talks to a cluster. Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib/system-package.sh"

ensure_command install-kubectl kubectl kubernetes-client
