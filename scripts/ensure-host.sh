#!/usr/bin/env bash
# Makes this host ready for the lab: containerd (the cri and local environments), Debian's CNI
# plugins (the local cluster's pod network), a running Docker engine, and the Debian packages the
# lab's workload image is built from. With --for-tests, also what the test suite needs.
# The local cluster's Kubernetes is not installed here: './lab cluster build' makes it.
# Installs only on Debian-like hosts as root; otherwise it says what is missing and stops.
set -euo pipefail

RUN_PACKAGES=(containerd runc containernetworking-plugins iproute2 docker.io busybox-static keyutils)
TEST_PACKAGES=()

for arg in "$@"; do
  case "$arg" in
    # Real Jupyter clients for the kernel's tests: conformance suite, nbconvert, jupyter_client.
    --for-tests) TEST_PACKAGES=(jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient python3-nbformat
                                python3-jupyter-kernel-test python3-zmq) ;;
    *) echo "ensure-host: unknown argument $arg" >&2; exit 2 ;;
  esac
done

say() { echo "[lab setup] $*"; }

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "The lab needs these Debian packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
  say "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

engine_answers() { docker info >/dev/null 2>&1; }

start_engine() {
  engine_answers && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "No Docker engine answers, and starting one needs root: sudo dockerd & (or sudo systemctl start docker)." >&2
    exit 1
  fi
  if [ -d /run/systemd/system ]; then
    say "starting the Docker engine: systemctl start docker"
    systemctl start docker
  else
    say "starting the Docker engine: dockerd (log: /var/log/seccomp-lab-dockerd.log)"
    nohup dockerd >/var/log/seccomp-lab-dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do
    engine_answers && { say "Docker engine is up: $(docker version --format '{{.Server.Version}}')"; return 0; }
    sleep 0.5
  done
  echo "The Docker engine did not answer within 30 s; see /var/log/seccomp-lab-dockerd.log" >&2
  exit 1
}

install_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
start_engine
