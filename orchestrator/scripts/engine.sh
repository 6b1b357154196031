#!/usr/bin/env bash
# Installs (if needed) and starts a Docker 26 engine with the containerd image store,
# buildx and QEMU for arm64, on Debian 12. Idempotent: does nothing when an engine
# already answers with the containerd store on.
#
# Why trixie: bookworm's docker.io (20.10) has no containerd image store, so the
# buildx `docker` driver can neither build multi-platform images nor export caches.
# Only four packages come from trixie; everything else stays bookworm (see
# ../shared/ENVIRONMENT.md for the verified facts).
set -euo pipefail

LOG=/var/log/dockerd.log
TRIXIE_PKGS=(docker.io/trixie docker-cli/trixie containerd/trixie docker-buildx/trixie)
# apache2-utils: htpasswd, for the end-to-end test of a registry with basic auth
BOOKWORM_PKGS=(runc iptables tini qemu-user-static binfmt-support docker-registry apache2-utils)

say() { printf 'engine: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (installs packages and starts dockerd)"

engine_answers() { docker info >/dev/null 2>&1; }

install_packages() {
  if [ -x /usr/sbin/dockerd ] && [ -x /usr/libexec/docker/cli-plugins/docker-buildx ] \
     && command -v update-binfmts >/dev/null && [ -e /usr/bin/qemu-aarch64-static ] \
     && command -v docker-registry >/dev/null && command -v htpasswd >/dev/null; then
    return 0
  fi
  say "installing Docker engine packages (4 from trixie, the rest from bookworm)"
  if [ ! -f /etc/apt/sources.list.d/trixie.sources ]; then
    cat > /etc/apt/sources.list.d/trixie.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  cat > /etc/apt/preferences.d/99-trixie-low <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt-get update -qq
  # Simulate first: refuse if anything beyond the four packages would come from trixie,
  # or if anything would be removed (that would mean libc6 or similar is being replaced).
  local sim
  sim=$(apt-get -s install --no-install-recommends "${TRIXIE_PKGS[@]}" "${BOOKWORM_PKGS[@]}")
  if grep -E '^Remv ' <<<"$sim"; then die "apt would remove packages; refusing"; fi
  local unexpected
  unexpected=$(grep -E '^Inst ' <<<"$sim" | grep -i 'trixie' | awk '{print $2}' \
    | grep -vxE 'docker\.io|docker-cli|containerd|docker-buildx' || true)
  [ -z "$unexpected" ] || die "apt would take more from trixie than planned: $unexpected"
  # Keep maintainer scripts from starting daemons (docker-registry would listen on :5000).
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${TRIXIE_PKGS[@]}" "${BOOKWORM_PKGS[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
  trap - EXIT
}

configure_daemon() {
  mkdir -p /etc/docker
  local want='{"features":{"containerd-snapshotter":true}}'
  if [ ! -f /etc/docker/daemon.json ] || ! grep -q containerd-snapshotter /etc/docker/daemon.json; then
    echo "$want" > /etc/docker/daemon.json
  fi
}

enable_qemu() {
  if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || say "could not mount binfmt_misc"
  fi
  if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || update-binfmts --enable >/dev/null 2>&1 || true
  fi
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || say "WARNING: qemu-aarch64 binfmt not registered; arm64 RUN steps will fail"
}

start_daemon() {
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid   # dockerd refuses to start on a stale pid file
  fi
  touch "$LOG"
  local start_line attempt pid
  start_line=$(( $(wc -l < "$LOG" 2>/dev/null || echo 0) + 1 ))
  # A second attempt because, after an unclean stop, dockerd's managed containerd can take
  # longer to open its metadata than dockerd waits for it ("timeout waiting for containerd
  # to start"), and dockerd then exits; the next start finds the database ready.
  for attempt in 1 2; do
    say "starting dockerd (log: $LOG)"
    setsid nohup /usr/sbin/dockerd >>"$LOG" 2>&1 < /dev/null &
    pid=$!
    for _ in $(seq 1 60); do
      if engine_answers; then return 0; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then break; fi
    [ "$attempt" = 2 ] || say "dockerd exited during start-up; starting it once more"
    rm -f /var/run/docker.pid
  done
  say "dockerd did not answer within 60 s; its log from this attempt:"
  tail -n +"$start_line" "$LOG" >&2 || true
  exit 1
}

containerd_store_on() {
  docker info --format '{{json .DriverStatus}}' 2>/dev/null | grep -q 'io.containerd.snapshotter'
}

install_packages
configure_daemon
enable_qemu
if engine_answers; then
  containerd_store_on || die "an engine answers but without the containerd image store; \
set {\"features\":{\"containerd-snapshotter\":true}} in /etc/docker/daemon.json and restart dockerd"
  say "engine already running"
else
  start_daemon
  containerd_store_on || die "dockerd started without the containerd image store"
fi
docker buildx ls | grep -q 'linux/arm64' || say "WARNING: buildx does not list linux/arm64"
say "ready: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}')"
