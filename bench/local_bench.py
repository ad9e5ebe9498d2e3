#!/usr/bin/env python3
"""Times the real clusters (local: upstream Kubernetes run by the lab; kind: the lab's node image in Kindcontainer) beside cri, in the same run.

- build, cold: `lab cluster build` with an empty state directory and empty Go caches (GOCACHE and
  GOMODCACHE in a fresh folder), as on a fresh machine: module downloads and the whole compile.
- build, cached: the same command again, on what the cold build left: the lab's cache hit.
- start: `lab run --env local` reports how long after the start of its cluster the node was Ready,
  and when the controllers served (the cluster ready for pods); from cached binaries.
- kind start: `lab run --env kind` reports how long after its container started the node was Ready
  (Kindcontainer: systemd, kubeadm init, CNI, untaint, Ready), from the cached node image. kind's own
  `kind create cluster` cannot run here (no kindest/node image); local's start is the baseline measured
  in the same run.
- suite: the suite's own wall time (report.json: first scenario to last verdict, environment up)
  on local, kind and cri, alternating round by round, with a fresh JVM each time as a user would.

Medians over the rounds are printed as a table; --json writes them.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import suite_bench
from suite_bench import median

NODE_READY = re.compile(r"node lab-node is Ready (\d+) ms after the start of the cluster")
CLUSTER_READY = re.compile(r"the controllers serve (\d+) ms after the start of the cluster")
KIND_READY = re.compile(r"node kind is Ready (\d+) ms after the start of its container")
# The admission lessons are not applicable without an API server (cri): the like-for-like suite leaves them out.
ADMISSION = ["baseline-refuses-privileged", "baseline-refuses-unconfined", "baseline-admits-runtime-default"]


def lab(jar, args, env=None):
    started = time.monotonic()
    result = subprocess.run(["java", "-jar", jar, *args], capture_output=True, text=True, env=env)
    return result, round((time.monotonic() - started) * 1000)


def build(jar, env):
    result, elapsed = lab(jar, ["cluster", "build"], env)
    if result.returncode != 0:
        sys.exit(f"lab cluster build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def suite(jar, environment, scenarios, workdir):
    """One `lab run`, timed as the cri/docker harness times it, with the local cluster's start read from its output."""
    run = suite_bench.run(jar, environment, scenarios, workdir)
    node = NODE_READY.search(run["output"]) or KIND_READY.search(run["output"])
    cluster = CLUSTER_READY.search(run["output"])
    return dict(run, node_ready_ms=int(node.group(1)) if node else None, cluster_ready_ms=int(cluster.group(1)) if cluster else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jar", default="lab-kernel/target/lab.jar")
    parser.add_argument("--skip-cold-build", action="store_true", help="leave out the cold build (about ten minutes)")
    parser.add_argument("--json", help="also write the medians here")
    args = parser.parse_args()
    os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")
    os.environ.setdefault("TESTCONTAINERS_HOST_OVERRIDE", "localhost")  # as ./lab sets it for a local engine
    figures = {}

    if not args.skip_cold_build:
        with tempfile.TemporaryDirectory(dir="/var/tmp") as cold:
            env = dict(os.environ, SECCOMP_LAB_STATE_DIR=os.path.join(cold, "state"),
                       GOCACHE=os.path.join(cold, "gocache"), GOMODCACHE=os.path.join(cold, "gomodcache"))
            figures["build cold (empty caches), s"] = round(build(args.jar, env) / 1000)
            figures["build again (cache hit), ms"] = build(args.jar, env)
            subprocess.run(["chmod", "-R", "u+w", cold], check=False)  # Go's module cache is read-only
    build(args.jar, None)  # the binaries the rounds below use, in the lab's own state directory

    samples = {key: [] for key in ["local whole", "kind whole", "cri whole", "local like-for-like", "cri like-for-like", "node",
                                   "cluster", "kind node"]}
    with tempfile.TemporaryDirectory() as workdir:
        warm_up = suite(args.jar, "local", [], workdir)  # page cache, image imports
        suite(args.jar, "cri", [], workdir)
        suite(args.jar, "kind", [], workdir)
        common = [name for name in warm_up["scenarios"] if name not in ADMISSION]
        for round_number in range(args.rounds):
            local = suite(args.jar, "local", [], workdir)
            cri = suite(args.jar, "cri", [], workdir)
            kind = suite(args.jar, "kind", [], workdir)
            samples["kind whole"].append(kind["suite_ms"])
            samples["kind node"].append(kind["node_ready_ms"])
            samples["local whole"].append(local["suite_ms"])
            samples["cri whole"].append(cri["suite_ms"])
            samples["node"].append(local["node_ready_ms"])
            samples["cluster"].append(local["cluster_ready_ms"])
            samples["local like-for-like"].append(suite(args.jar, "local", common, workdir)["suite_ms"])
            samples["cri like-for-like"].append(suite(args.jar, "cri", common, workdir)["suite_ms"])
            print(f"round {round_number + 1}: local {local['suite_ms']} ms, kind {kind['suite_ms']} ms, cri {cri['suite_ms']} ms, "
                  f"local node Ready {local['node_ready_ms']} ms, cluster ready {local['cluster_ready_ms']} ms, "
                  f"kind node Ready {kind['node_ready_ms']} ms", file=sys.stderr)
    m = {key: median(values) for key, values in samples.items()}
    figures.update({
        "start: node Ready, ms": m["node"],
        "start: cluster ready (controllers serve), ms": m["cluster"],
        "kind start: node Ready after its container started (goal <= 45000), ms": m["kind node"],
        "suite, whole catalogue: kind ms": m["kind whole"],
        "suite, whole catalogue: local ms / cri ms": f"{m['local whole']} / {m['cri whole']}",
        "suite, scenarios both judge: local ms / cri ms": f"{m['local like-for-like']} / {m['cri like-for-like']}",
        "ratio local / cri (scenarios both judge)": round(m["local like-for-like"] / m["cri like-for-like"], 2),
    })
    print(f"\n| figure (median of {args.rounds} rounds) | measured |\n|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()
