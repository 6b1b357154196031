#!/usr/bin/env bash
# Puts Debian's static busybox for amd64 and arm64 into DEST (busybox-amd64, busybox-arm64), for
# the test fixtures and benchmarks: nothing can be pulled from a registry here, so their images
# are FROM scratch plus this binary. Downloads once; later calls reuse the files.
set -euo pipefail
dest=${1:?usage: fetch-busybox.sh DEST}
mkdir -p "$dest"
[ -x "$dest/busybox-amd64" ] && [ -x "$dest/busybox-arm64" ] && exit 0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
  apt-get update -qq
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 777 "$work"   # apt-get download runs as _apt, which must write here
cd "$work"
for arch in amd64 arm64; do
  if ! apt-get download -q "busybox-static:$arch" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get download -q "busybox-static:$arch" >/dev/null
  fi
  dpkg -x busybox-static_*_"$arch".deb "x-$arch"
  install -m 755 "x-$arch/bin/busybox" "$dest/busybox-$arch"
done
