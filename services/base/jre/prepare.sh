#!/usr/bin/env bash
# Assembles the Java runtime layer of base-jre for amd64 and arm64: the host's jlink links each
# architecture's jmods (from Debian's openjdk-17-jdk-headless, pinned) into a small runtime.
# No registry, no emulation. Writes rootfs-amd64.tar and rootfs-arm64.tar here.
#   ./prepare.sh                 build the tars from packages.lock
#   ./prepare.sh --update-lock   rewrite packages.lock with apt's current candidates, then build
set -euo pipefail
umask 022
cd "$(dirname "$0")"

ARCHES=(amd64 arm64)
PACKAGES=(openjdk-17-jdk-headless)
# What the services need. java.net.http is left out: the healthcheck uses HttpURLConnection.
MODULES=java.base,java.logging,jdk.httpserver,jdk.crypto.ec
CACHE="$(cd ../../.. && pwd)/.cache/debs"

# Pinned downloads, the lock file and reproducible tars: the same for every base.
source ../debian-packages.sh

[[ ${1:-} == --update-lock ]] && update_lock
# JDK 17's jlink checks only the major version of the jmods, so the host's 17.0.x links them.
jlink --version | grep -q '^17\.' || { echo "need a JDK 17 jlink on PATH" >&2; exit 1; }
mkdir -p "$CACHE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for arch in "${ARCHES[@]}"; do
  fetch_locked "$arch"
  IFS='=' read -r pkg ver < <(grep -m1 '^openjdk-17-jdk-headless=' packages.lock)
  # Only the jmods are needed, not the 200 MB JDK around them.
  mkdir -p "$work/jdk-$arch"
  dpkg-deb --fsys-tarfile "$(cached_deb "$pkg" "$ver" "$arch")" \
    | tar -x -C "$work/jdk-$arch" --wildcards '*/jmods/*'
  # Not --strip-debug: it runs the host's objcopy, which can't read arm64 libraries.
  # Not --compress=2: zip inside the image layer makes the gzipped layer bigger.
  jlink --module-path "$work/jdk-$arch/usr/lib/jvm/java-17-openjdk-$arch/jmods" \
    --add-modules "$MODULES" --strip-java-debug-attributes --no-header-files --no-man-pages \
    --output "$work/$arch/opt/java"
  write_tar "$work/$arch" "rootfs-$arch.tar"
  echo "rootfs-$arch.tar: $(du -sh --apparent-size "$work/$arch" | cut -f1) unpacked"
done
