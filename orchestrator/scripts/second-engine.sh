#!/usr/bin/env bash
# Starts or stops a second Docker engine beside the first, for tests that act like two CI
# runners (each architecture job on its own engine). Idempotent.
#
#   second-engine.sh start DIR   prints the DOCKER_HOST to use (unix://DIR/docker.sock)
#   second-engine.sh stop DIR    stops it, removes its bridge; keeps DIR (rm -rf it yourself)
#
# Everything lives in DIR: data root, exec root (with its own containerd), pid file, socket, log.
# Networking stays off the first engine's plumbing: no iptables, and a bridge of its own made
# beforehand. Never --bridge=none here: in the first engine's network namespace that deletes
# docker0 and breaks the first engine (see ENVIRONMENT.md, "A second engine").
# BRIDGE (default dkci<4 hex>) and SUBNET (default: a free 10.213.N.0/24) can be set.
set -euo pipefail

die() { printf 'second-engine: ERROR: %s\n' "$*" >&2; exit 1; }
[ $# -eq 2 ] || die "usage: $0 start|stop DIR"
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
# The exec root holds unix sockets: keep its path short (108 bytes at most for a socket).
exec_root="/run/se-$(printf '%s' "$dir" | md5sum | cut -c1-8)"
sock="$dir/docker.sock"
pidfile="$dir/docker.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
answers() { DOCKER_HOST="unix://$sock" docker info >/dev/null 2>&1; }

free_subnet() {
  for n in $(seq 213 250); do
    if ! ip -4 -o addr | grep -q " 10\.$n\.0\."; then echo "10.$n.0"; return 0; fi
  done
  die "no free 10.N.0.0/24 subnet for the bridge"
}

start() {
  if running && answers; then echo "unix://$sock"; return 0; fi
  [ -x /usr/sbin/dockerd ] || die "no dockerd: run 'make engine' first"
  stop >/dev/null 2>&1 || true
  local bridge subnet
  bridge=${BRIDGE:-dkci$(printf '%s' "$dir" | md5sum | cut -c1-4)}
  subnet=${SUBNET:-$(free_subnet)}
  ip link add "$bridge" type bridge
  echo "$bridge" > "$dir/bridge"
  ip addr add "$subnet.1/24" dev "$bridge"
  ip link set "$bridge" up
  mkdir -p "$dir/data" "$exec_root"
  printf '{"features":{"containerd-snapshotter":true}}\n' > "$dir/daemon.json"
  : > "$dir/dockerd.log"
  setsid nohup /usr/sbin/dockerd \
    --config-file "$dir/daemon.json" \
    --data-root "$dir/data" --exec-root "$exec_root" --pidfile "$pidfile" \
    -H "unix://$sock" \
    --containerd-namespace orchestrator-second --containerd-plugins-namespace orchestrator-second-plugins \
    --iptables=false --ip6tables=false --bridge="$bridge" \
    >>"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    if answers; then echo "unix://$sock"; return 0; fi
    sleep 1
  done
  tail -n 30 "$dir/dockerd.log" >&2 || true
  stop >/dev/null 2>&1 || true
  die "the second dockerd did not answer within 60 s"
}

stop() {
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$pidfile"
  fi
  if [ -f "$dir/bridge" ]; then
    local bridge
    bridge=$(cat "$dir/bridge")
    ! ip link show "$bridge" >/dev/null 2>&1 || ip link delete "$bridge"
    rm -f "$dir/bridge"
  fi
  # Mounts dockerd left under its roots (overlay snapshots, netns) would keep DIR from going.
  grep -E " ($dir|$exec_root)/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -rf "$exec_root"
  echo "stopped"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
