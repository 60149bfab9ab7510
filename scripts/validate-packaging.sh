#!/usr/bin/env bash
# Static checks of the packaging (no Docker engine or cluster runs here): compose file validated by
# Debian's docker-compose, Kubernetes manifests parsed and checked for the fields deployments rely on,
# Dockerfile checked for the properties the docs promise.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

if ! command -v docker-compose >/dev/null; then
  echo "validate-packaging: installing Debian's docker-compose (config validation only)" >&2
  apt-get install -y -qq --no-install-recommends docker-compose >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose >/dev/null; }
fi
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --profile index --profile gpu config -q
echo "validate-packaging: docker-compose.yml ok" >&2

# Debian's python3 has PyYAML once docker-compose is installed (it depends on python3-yaml).
/usr/bin/python3 - <<'PY'
import glob, os, sys, yaml
errors = []
kustomization = yaml.safe_load(open("deploy/kubernetes/kustomization.yaml"))
for resource in kustomization["resources"]:
    if not os.path.exists(os.path.join("deploy/kubernetes", resource)):
        errors.append(f"kustomization lists missing {resource}")
for path in sorted(glob.glob("deploy/kubernetes/*.yaml")):
    for doc in yaml.safe_load_all(open(path)):
        if doc is None:
            continue
        for key in ("apiVersion", "kind"):
            if key not in doc:
                errors.append(f"{path}: no {key}")
        if doc.get("kind") == "Deployment":
            container = doc["spec"]["template"]["spec"]["containers"][0]
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in container:
                    errors.append(f"{path}: container has no {probe}")
            if "requests" not in container.get("resources", {}):
                errors.append(f"{path}: container has no resource requests")
        if doc.get("kind") == "Job" and "containers" not in doc["spec"]["template"]["spec"]:
            errors.append(f"{path}: job has no containers")
if errors:
    sys.exit("validate-packaging: " + "; ".join(errors))
print("validate-packaging: kubernetes manifests ok", file=sys.stderr)
PY

grep -q '^USER app' Dockerfile || { echo "validate-packaging: Dockerfile must run as the non-root user" >&2; exit 1; }
grep -q '^HEALTHCHECK' Dockerfile || { echo "validate-packaging: Dockerfile needs a HEALTHCHECK" >&2; exit 1; }
[ "$(grep -c '^FROM' Dockerfile)" -ge 2 ] || { echo "validate-packaging: Dockerfile must be multi-stage" >&2; exit 1; }
grep -q '^RUN scripts/build-web.sh' Dockerfile && grep -q 'wwwroot/vendor/ort' Dockerfile \
  || { echo "validate-packaging: Dockerfile must build the web page's onnxruntime-web files (scripts/build-web.sh)" >&2; exit 1; }
echo "validate-packaging: Dockerfile ok" >&2
