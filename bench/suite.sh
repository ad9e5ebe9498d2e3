#!/usr/bin/env bash
# Times the scenario suite on the cri and docker environments in the same run (bench/suite_bench.py).
# Needs what './lab run' needs (root, containerd, a Docker engine), and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-host.sh
mvn -B -q -DskipTests install
exec python3 bench/suite_bench.py "$@"
