#!/usr/bin/env bash
# Builds the lab, installs its kernelspec in a private Jupyter path, and benchmarks it against
# Debian's ipykernel in the same run. Needs Debian's jupyter-client and python3-ipykernel.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
jupyter_home=$(mktemp -d)
trap 'rm -rf "$jupyter_home"' EXIT
# The kernel as 'lab kernel install' chooses it (a JDK 25's AOT cache where there is one), and the
# same kernel on the JVM that runs this script (Java 17: AppCDS) as seccomp-lab-java17.
java -jar lab-kernel/target/lab.jar kernel install --prefix "$jupyter_home/chosen"
running_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
java -jar lab-kernel/target/lab.jar kernel install --prefix "$jupyter_home/running" --java "$running_jdk"
mkdir -p "$jupyter_home/both/kernels"
ln -s "$jupyter_home/chosen/share/jupyter/kernels/seccomp-lab" "$jupyter_home/both/kernels/seccomp-lab"
ln -s "$jupyter_home/running/share/jupyter/kernels/seccomp-lab" "$jupyter_home/both/kernels/seccomp-lab-java17"
export JUPYTER_PATH="$jupyter_home/both:/usr/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1
export TESTCONTAINERS_RYUK_DISABLED=true
/usr/bin/python3 -Xfrozen_modules=off bench/kernel_bench.py --json "$jupyter_home/results.json" "$@"
