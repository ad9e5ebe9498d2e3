#!/usr/bin/env python3
"""Times the seccomp scenario suite on the cri and docker environments, in the same run.

Each round runs `lab run` once per environment, alternating, with a fresh JVM as a user would.
Figures come from what the lab itself reports: the suite's wall time (report.json, from the first
scenario to the last verdict, environment already up) and containerd's start (its progress line).
The whole command's time is measured here. Medians over the rounds are printed as a table.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

CONTAINERD_UP = re.compile(r"containerd \S+ is up after (\d+) ms")
# Scenarios both environments can run to a verdict on any host: the like-for-like comparison.
COMMON = ["no-seccomp", "runtime-default", "unconfined", "seccomp-default", "container-overrides-pod", "profile-inspection",
          "localhost-deny-keyctl", "localhost-kill-uname"]


def run(jar, environment, scenarios, workdir):
    report = tempfile.mkdtemp(dir=workdir)
    command = ["java", "-jar", jar, "run", "--env", environment, "--report", report,
               "--kubelet-config", os.path.join(workdir, "kubelet-config.yaml"), *scenarios]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed with {result.returncode}:\n{result.stdout}\n{result.stderr}")
    with open(os.path.join(report, "report.json")) as f:
        suite = json.load(f)
    up = CONTAINERD_UP.search(result.stdout)
    return {"suite_ms": suite["wallTimeMillis"], "command_ms": round(elapsed * 1000),
            "containerd_ms": int(up.group(1)) if up else None, "counts": suite["counts"],
            "scenarios": [s["name"] for s in suite["scenarios"]], "output": result.stdout}


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values)) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jar", default="lab-kernel/target/lab.jar")
    parser.add_argument("--json", help="also write the medians here")
    args = parser.parse_args()
    os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")
    os.environ.setdefault("TESTCONTAINERS_HOST_OVERRIDE", "localhost")

    cases = [("cri", "whole catalogue", []), ("docker", "whole catalogue", []),
             ("cri", "common scenarios", COMMON), ("docker", "common scenarios", COMMON)]
    samples = {(env, label): [] for env, label, _ in cases}
    with tempfile.TemporaryDirectory() as workdir:
        for env, label, scenarios in cases:  # one warm-up each: images built and imported, page cache warm
            run(args.jar, env, scenarios, workdir)
        for round_number in range(args.rounds):
            for env, label, scenarios in cases:
                samples[(env, label)].append(run(args.jar, env, scenarios, workdir))
            print(f"round {round_number + 1}/{args.rounds} done", file=sys.stderr)

    medians = {}
    print(f"Median of {args.rounds} rounds, one fresh `lab run` per environment and round, alternating.\n")
    print("| environment | scenarios | suite wall time | whole command | containerd start | verdicts |")
    print("|---|---|---|---|---|---|")
    for (env, label), runs in samples.items():
        m = {key: median([r[key] for r in runs]) for key in ("suite_ms", "command_ms", "containerd_ms")}
        medians[f"{env} {label}"] = m
        counts = runs[-1]["counts"]
        verdicts = ", ".join(f"{n} {v.lower().replace('_', ' ')}" for v, n in counts.items() if n)
        containerd = f"{m['containerd_ms']} ms" if m["containerd_ms"] else "-"
        print(f"| {env} | {label} | {m['suite_ms']} ms | {m['command_ms']} ms | {containerd} | {verdicts} |")
    for label in ("whole catalogue", "common scenarios"):
        cri, docker = medians[f"cri {label}"]["suite_ms"], medians[f"docker {label}"]["suite_ms"]
        print(f"\n{label}: docker / cri suite wall time = {docker / cri:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(medians, f, indent=1)


if __name__ == "__main__":
    main()
