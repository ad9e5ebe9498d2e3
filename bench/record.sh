#!/usr/bin/env bash
# What recording costs: 'lab record' on the cri environment, N times; each run times its recording
# (trace, pod, exercise, removal, trace read) and, in the same run, its proof run of the same pod
# and exercise without the trace (bench/record_bench.py). Needs what 'lab record' needs: root,
# containerd, bpftrace, and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-host.sh
mvn -B -q -Dstyle.color=never -DskipTests install
exec python3 bench/record_bench.py "$@"
