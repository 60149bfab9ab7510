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
def indexed_job_errors(spec):
    """The indexer Job splits its input across the pods of an Indexed Job: one shard per completion index."""
    if spec.get("completionMode") != "Indexed":
        return ["the indexer job must be an Indexed Job (completionMode: Indexed)"]
    shards = spec.get("completions")
    if not isinstance(shards, int) or not 1 <= shards <= 1024:
        return [f"completions must be the shard count, 1..1024, not {shards!r}"]
    problems = [] if spec.get("parallelism") == shards else [f"parallelism must equal completions ({shards})"]
    container = spec["template"]["spec"]["containers"][0]
    args = container.get("command", []) + container.get("args", [])
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    if "index" not in args:
        problems.append("the indexer job must run `indexer index`")
    if "--shard" in args:
        given = args[args.index("--shard") + 1] if args.index("--shard") + 1 < len(args) else None
        if given != f"$(JOB_COMPLETION_INDEX)/{shards}":
            problems.append(f"--shard must be $(JOB_COMPLETION_INDEX)/{shards}, not {given!r}")
    elif env.get("INDEXER_SHARDS") != str(shards):
        problems.append(f"set INDEXER_SHARDS to the completions ({shards}) or pass --shard $(JOB_COMPLETION_INDEX)/{shards}")
    return problems

errors = []
kustomization = yaml.safe_load(open("deploy/kubernetes/kustomization.yaml"))
for resource in kustomization["resources"]:
    if not os.path.exists(os.path.join("deploy/kubernetes", resource)):
        errors.append(f"kustomization lists missing {resource}")
# Examples (secrets to create by hand) stay out; any other manifest left out of the kustomization is never applied.
for path in glob.glob("deploy/kubernetes/*.yaml"):
    name = os.path.basename(path)
    if name != "kustomization.yaml" and not name.endswith(".example.yaml") and name not in kustomization["resources"]:
        errors.append(f"kustomization does not list {name}")
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
        if doc.get("kind") == "Job" and "containers" not in doc["spec"]["template"]["spec"]:
            errors.append(f"{path}: job has no containers")
        if doc.get("kind") in ("Deployment", "Job"):
            pod = doc["spec"]["template"]["spec"]
            for container in pod.get("initContainers", []) + pod.get("containers", []):
                resources = container.get("resources", {})
                for bound in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(bound, {})):
                        errors.append(f"{path}: container {container['name']} needs cpu and memory {bound}")
        if doc.get("kind") == "Job" and doc["metadata"]["name"] == "retrieval-indexer":
            errors += [f"{path}: {e}" for e in indexed_job_errors(doc["spec"])]
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
