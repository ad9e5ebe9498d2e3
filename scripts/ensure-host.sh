#!/usr/bin/env bash
# Makes this host ready for the lab: containerd (the cri and local environments), Debian's CNI
# plugins (the local cluster's pod network), a running Docker engine that can run privileged
# containers (the kind node), and the Debian packages the lab's images are built from. With
# --for-tests, also what the test suite needs.
# The local cluster's Kubernetes is not installed here: './lab cluster build' makes it.
# Installs only on Debian-like hosts as root; otherwise it says what is missing and stops.
set -euo pipefail

# mmdebstrap makes the kind node's Debian root file system; jq and capsh serve runc-bounded;
# bpftrace traces system calls for 'lab record', and seccomp's scmp_sys_resolver names them.
RUN_PACKAGES=(containerd runc containernetworking-plugins iproute2 docker.io busybox-static keyutils mmdebstrap jq libcap2-bin
              bpftrace seccomp)
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

# Docker before 23 asks runc for every capability for a privileged container, which fails where the
# bounding set lacks one (moby#42933). runc-bounded asks only for those the host has; it is
# registered as a runtime the lab names for privileged containers, never as the default.
RUNTIME=seccomp-lab-runc
RUNTIME_PATH=/usr/local/libexec/seccomp-lab/runc-bounded
DAEMON_JSON=/etc/docker/daemon.json

bounding_set_incomplete() {
  local last bounding
  last=$(cat /proc/sys/kernel/cap_last_cap)
  bounding=$((16#$(awk '/^CapBnd:/ {print $2}' /proc/self/status)))
  [ "$bounding" -ne $(( (1 << (last + 1)) - 1 )) ]
}

runtime_registered() { docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q "\"$RUNTIME\""; }

register_runtime() {
  bounding_set_incomplete || return 0
  [ "$(id -u)" -eq 0 ] || return 0
  if ! cmp -s "$(dirname "$0")/runc-bounded" "$RUNTIME_PATH"; then
    install -D -m 0755 "$(dirname "$0")/runc-bounded" "$RUNTIME_PATH"
  fi
  engine_answers && runtime_registered && return 0
  say "this host's capability bounding set is incomplete: registering $RUNTIME ($RUNTIME_PATH) in $DAEMON_JSON for privileged containers"
  mkdir -p "$(dirname "$DAEMON_JSON")"
  [ -s "$DAEMON_JSON" ] || echo '{}' > "$DAEMON_JSON"
  jq --arg name "$RUNTIME" --arg path "$RUNTIME_PATH" '.runtimes[$name] = {"path": $path}' "$DAEMON_JSON" > "$DAEMON_JSON.new"
  mv "$DAEMON_JSON.new" "$DAEMON_JSON"
  if engine_answers; then
    # dockerd reloads its runtimes on SIGHUP
    pkill -HUP -x dockerd
    for _ in $(seq 1 20); do runtime_registered && return 0; sleep 0.5; done
    echo "The Docker engine did not take up the runtime $RUNTIME from $DAEMON_JSON; restart it (systemctl restart docker)." >&2
    exit 1
  fi
}

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

# bpftrace attaches to tracepoints through tracefs, which a VM without systemd may not mount.
mount_tracefs() {
  [ -d /sys/kernel/tracing/events ] || [ -d /sys/kernel/debug/tracing/events ] && return 0
  [ "$(id -u)" -eq 0 ] || return 0
  say "mounting tracefs on /sys/kernel/tracing (for lab record)"
  mount -t tracefs tracefs /sys/kernel/tracing || say "could not mount tracefs: lab record will say it cannot trace here"
}

install_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
mount_tracefs
register_runtime
start_engine
