#!/usr/bin/env bash
# Pinned Debian package downloads and reproducible tars, shared by every base's prepare.sh.
# Sourced, not run: the caller sets PACKAGES (names), CACHE (the .deb folder) and works in its
# own folder, which holds packages.lock (pkg=version lines).
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
