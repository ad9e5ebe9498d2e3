#!/usr/bin/env bash
# Times the local environment beside cri in the same run (bench/local_bench.py): the Kubernetes
# build cold (empty Go caches, empty state directory) and cached, the cluster's start from cached
# binaries, and the scenario suite on local and on cri.
# Needs what './lab run --env local' needs (root, containerd, CNI plugins, Go), and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-host.sh
mvn -B -q -DskipTests install
exec python3 bench/local_bench.py "$@"
