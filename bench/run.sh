#!/usr/bin/env bash
# Builds the lab, installs its kernelspec in a private Jupyter path, and benchmarks it against
# Debian's ipykernel in the same run. Needs Debian's jupyter-client and python3-ipykernel.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
jupyter_home=$(mktemp -d)
trap 'rm -rf "$jupyter_home"' EXIT
java -jar lab-kernel/target/lab.jar kernel install --prefix "$jupyter_home" >/dev/null
export JUPYTER_PATH="$jupyter_home/share/jupyter:/usr/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1
export TESTCONTAINERS_RYUK_DISABLED=true
/usr/bin/python3 -Xfrozen_modules=off bench/kernel_bench.py --json "$jupyter_home/results.json" "$@"
