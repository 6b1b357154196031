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

# --- pinned downloads (this block is the same in every base's prepare.sh) -------------------
# apt takes about 2 s per call here (no package cache), so calls are batched.
ensure_arm64_lists() {
  # Only touch apt's configuration when it lacks arm64: both steps are slow and need root.
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  compgen -G '/var/lib/apt/lists/*_binary-arm64_Packages*' >/dev/null || apt-get -qq update
}

update_lock() {
  ensure_arm64_lists
  local native pkg cand
  native=$(dpkg --print-architecture)
  declare -A c
  # "pkg:" (native) or "pkg:arm64:" headers, each followed by its "Candidate:" line.
  while read -r pkg cand; do c[$pkg]=$cand; done < <(
    apt-cache policy "${PACKAGES[@]/%/:amd64}" "${PACKAGES[@]/%/:arm64}" | awk -v n="$native" '
      /^[^ ]/ { sub(/:$/, ""); p = ($0 ~ /:/) ? $0 : $0 ":" n }
      /^  Candidate:/ { print p, $2 }')
  local madison
  madison=$(apt-cache madison "${PACKAGES[@]}")
  for pkg in "${PACKAGES[@]}"; do
    cand=${c[$pkg:amd64]}
    # Architecture-independent packages (ca-certificates) have no arm64 candidate.
    [[ ${c[$pkg:arm64]} == "(none)" || ${c[$pkg:arm64]} == "$cand" ]] \
      || { echo "$pkg: amd64 $cand but arm64 ${c[$pkg:arm64]}" >&2; exit 1; }
    # The host also lists trixie (pinned low); the image must get bookworm's packages.
    grep -F "$pkg | $cand |" <<<"$madison" | grep -q bookworm \
      || { echo "$pkg $cand is not from bookworm" >&2; exit 1; }
    echo "$pkg=$cand"
  done > packages.lock
}

# Prints the cached .deb of pkg=version for an architecture (or for all), if there is one.
cached_deb() {
  local f
  for f in "$CACHE/${1}_${2//:/%3a}_"{"$3",all}.deb; do
    [[ -f $f ]] && { echo "$f"; return; }
  done
  return 0
}

# Downloads, in one apt call, the locked packages of an architecture that are not cached yet.
# Architecture-independent ones come with amd64, which goes first.
fetch_locked() {
  local arch=$1 pkg ver want=()
  while IFS='=' read -r pkg ver; do
    [[ -z $pkg || $pkg == \#* || -n $(cached_deb "$pkg" "$ver" "$arch") ]] || want+=("$pkg:$arch=$ver")
  done < packages.lock
  ((${#want[@]})) || return 0
  ensure_arm64_lists
  # Sandbox as root: the cache folder belongs to root, and _apt could not write to it.
  (cd "$CACHE" && apt-get -qq -o APT::Sandbox::User=root download "${want[@]}") \
    || { echo "cannot download ${want[*]} (stale apt lists? run apt-get update)" >&2; exit 1; }
}

# Writes a reproducible tar of a tree: fixed order, times and owners; /home/app goes to uid 1000.
write_tar() {
  local root=$1 out=$2
  local opts=(--format=gnu --sort=name --mtime=@0 --numeric-owner -C "$root")
  tar -cf "$out.tmp" "${opts[@]}" --owner=0 --group=0 --exclude=./home/app .
  if [[ -d $root/home/app ]]; then
    tar -rf "$out.tmp" "${opts[@]}" --owner=1000 --group=1000 ./home/app
  fi
  mv "$out.tmp" "$out"
}
# ----------------------------------------------------------------------------------------------

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
