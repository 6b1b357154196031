#!/usr/bin/env bash
# Assembles the root filesystem of base-runtime for amd64 and arm64 from pinned Debian packages,
# on the host: no registry, no emulation. Writes rootfs-amd64.tar and rootfs-arm64.tar here.
#   ./prepare.sh                 build the tars from packages.lock
#   ./prepare.sh --update-lock   rewrite packages.lock with apt's current candidates, then build
set -euo pipefail
umask 022
cd "$(dirname "$0")"

ARCHES=(amd64 arm64)
PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g libc-bin ca-certificates)
CACHE="$(cd ../../.. && pwd)/.cache/debs"

# Pinned downloads, the lock file and reproducible tars: the same for every base.
source ../debian-packages.sh

[[ ${1:-} == --update-lock ]] && update_lock
mkdir -p "$CACHE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for arch in "${ARCHES[@]}"; do
  root="$work/$arch"
  mkdir -p "$root" "$work/$arch-bin"
  fetch_locked "$arch"
  while IFS='=' read -r pkg ver; do
    [[ -z $pkg || $pkg == \#* ]] && continue
    deb=$(cached_deb "$pkg" "$ver" "$arch")
    case $pkg in
      libc-bin) dpkg -x "$deb" "$work/$arch-bin" ;;  # wanted only for its C.UTF-8 locale
      *) dpkg -x "$deb" "$root" ;;
    esac
  done < packages.lock

  mkdir -p "$root/usr/lib/locale"
  cp -a "$work/$arch-bin/usr/lib/locale/C.utf8" "$root/usr/lib/locale/"

  # The package's postinst normally builds the bundle; do the same, in a stable order.
  mkdir -p "$root/etc/ssl/certs"
  LC_ALL=C cat "$root"/usr/share/ca-certificates/mozilla/*.crt > "$root/etc/ssl/certs/ca-certificates.crt"

  # Nothing in the image reads docs, runs maintainer tools or debuggers; gconv serves iconv only.
  rm -rf "$root"/usr/share/{doc,man,info,lintian,locale,ca-certificates,gcc,gdb} "$root"/usr/sbin \
    "$root"/etc/ca-certificates{,.conf} "$root"/usr/lib/*-linux-gnu/gconv

  cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
app:x:1000:1000:app:/home/app:/sbin/nologin
PASSWD
  cat > "$root/etc/group" <<'GROUP'
root:x:0:
app:x:1000:
GROUP
  echo 'passwd: files
group: files
hosts: files dns' > "$root/etc/nsswitch.conf"
  mkdir -p "$root/root" "$root/home/app" "$root/tmp"
  chmod 700 "$root/root"
  chmod 1777 "$root/tmp"

  write_tar "$root" "rootfs-$arch.tar"
  echo "rootfs-$arch.tar: $(du -sh --apparent-size "$root" | cut -f1) unpacked"
done
