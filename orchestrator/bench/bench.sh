#!/usr/bin/env bash
# The benchmark harness (`make bench`): orchestrator build vs docker buildx bake, side by side, on
# generated monorepos, plus `orchestrator plan` on large repositories. Not part of `make test`.
#
#   BENCH_LEAVES=10      leaf services per repository (plus a chain of 4 in-repo bases)
#   BENCH_RUNS=3         rounds per scenario; the table shows medians
#   BENCH_PLATFORMS="linux/amd64 linux/amd64,linux/arm64"   platform sets to time (empty: skip)
#   BENCH_BIG=100        leaves of the cold case against a sequential buildx loop (0: skip)
#   BENCH_BIG_BAKE=0     1: also try bake cold on that repository (fails here: DeadlineExceeded)
#   BENCH_PLAN="1000 5000"   repository sizes for `orchestrator plan` (empty: skip)
#   BENCH_JOBS=2         the orchestrator's --jobs in the generated repositories
#   BENCH_SAMPLE=1       the sample monorepo: cold (after `make container-clean` and a BuildKit
#                        prune: it empties the engine's whole build cache) and nothing changed (0: skip)
#
# Cold is made fair by unique content: every round writes a fresh salt into every service's RUN
# steps, for each tool separately, and uses a fresh image namespace and an empty cache folder, so
# neither tool can reuse anything the engine's build cache or the other tool built before.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LEAVES=${BENCH_LEAVES:-10}
RUNS=${BENCH_RUNS:-3}
# Empty (BENCH_PLATFORMS=) skips the side-by-side rounds.
PLATFORM_SETS=${BENCH_PLATFORMS-"linux/amd64 linux/amd64,linux/arm64"}
BIG=${BENCH_BIG:-100}
BIG_BAKE=${BENCH_BIG_BAKE:-0}
PLAN_SIZES=${BENCH_PLAN-"1000 5000"}
SAMPLE=${BENCH_SAMPLE:-1}
work=$(mktemp -d /tmp/orchestrator-bench.XXXXXX)
results="$repo/.cache/bench"
mkdir -p "$results"
out="$results/results-$(date +%Y%m%d-%H%M%S).md"
bin="$repo/orchestrator/bin/orchestrator"
namespaces=()
cleanup() {
  for ns in "${namespaces[@]}"; do
    docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$ns/" | xargs -r docker image rm -f >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" --version >/dev/null   # builds the CLI jar once, outside any timing
bash "$repo/orchestrator/scripts/fetch-busybox.sh" "$repo/.cache/fixtures/busybox"
busybox="$repo/.cache/fixtures/busybox"
log() { echo "bench: $*" >&2; }
# settle: waits (at most 15 s) until the engine is idle, before every timed run, whichever tool
# runs. dockerd and its containerd burn up to a core for a second or more, 1 to 3 s after a bake
# has loaded its images (measured with /proc/PID/stat); without this, that burst fell into
# whichever run came next: the orchestrator's nothing-changed run, straight after bake's cold one.
engine_ticks() {   # CPU ticks (1/100 s) dockerd and containerd have used so far
  local t=0 p
  for p in $(pgrep -x dockerd; pgrep -x containerd); do
    t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$t"
}
# An engine that never settles is told in the results: dockerd 26.1.5 leaks about one gRPC stream
# to containerd per two builds (counted in its SIGUSR1 goroutine dump, for bake alone as for the
# orchestrator), and after a few hundred builds the two exchanged HTTP/2 pings nonstop at over a
# core while idle; every later row is then slower. Restart the engine (and bench) when it says so.
settle_runs=0; unsettled_runs=0; busiest=0
settle() {
  local before after i
  settle_runs=$((settle_runs + 1))
  for i in $(seq 1 30); do
    before=$(engine_ticks); sleep 0.5; after=$(engine_ticks)
    [ $((after - before)) -le 2 ] && return   # at most 20 ms of CPU in half a second
  done
  unsettled_runs=$((unsettled_runs + 1))
  [ $((after - before)) -gt "$busiest" ] && busiest=$((after - before))
  log "the engine did not settle in 15 s: $((2 * (after - before)))% of a core in its last half second"
}
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# gen DIR NAMESPACE SALT LEAVES [bake]: base-a (scratch + busybox) <- base-b <- base-c <- base-d <-
# leaves. Only bake's copy gets docker-bake.hcl: the orchestrator reads a bake file it finds as the
# services' definition (image names included), so in its copy the file would rename its images to
# bake's, and each tool's build would overwrite the other's images.
gen() {
  local dir=$1 ns=$2 salt=$3 leaves=$4 withbake=${5:-} prev="" i b
  mkdir -p "$dir/buildx-profiles" "$dir/services"
  # Like the repository's local profile: the engine's BuildKit cache only, no exported copy (bake
  # below exports none either).
  printf 'platforms: [host]\noutput: load\nnamespace: %s\ncache: {type: none}\njobs: %s\n' "$ns" "${BENCH_JOBS:-2}" \
    > "$dir/buildx-profiles/local.yaml"
  : > "$dir/docker-bake.hcl"
  local all=()
  for b in base-a base-b base-c base-d; do
    mkdir -p "$dir/services/$b"
    if [ -z "$prev" ]; then
      cp "$busybox/busybox-amd64" "$busybox/busybox-arm64" "$dir/services/$b/"
      printf 'FROM scratch\nARG TARGETARCH\nCOPY busybox-${TARGETARCH} /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nRUN echo %s-%s > /%s.txt\n' "$salt" "$b" "$b" > "$dir/services/$b/Dockerfile"
    else
      echo "$b" > "$dir/services/$b/$b.conf"
      printf 'FROM %s\nCOPY %s.conf /etc/%s.conf\nRUN echo %s-%s > /%s.txt\nRUN cat /etc/%s.conf >> /%s.txt\n' "$prev" "$b" "$b" "$salt" "$b" "$b" "$b" "$b" > "$dir/services/$b/Dockerfile"
    fi
    target "$dir" "$ns" "$b" "$prev"
    all+=("\"$b\"")
    prev=$b
  done
  for i in $(seq 1 "$leaves"); do
    local s=svc-$i
    mkdir -p "$dir/services/$s"
    echo "$s" > "$dir/services/$s/app.txt"
    printf 'FROM base-d\nCOPY app.txt /app/app.txt\nRUN echo %s-%s > /app/id\nRUN cat /app/app.txt /base-d.txt > /app/all.txt\nCMD ["cat", "/app/all.txt"]\n' "$salt" "$s" > "$dir/services/$s/Dockerfile"
    target "$dir" "$ns" "$s" base-d
    all+=("\"$s\"")
  done
  (IFS=,; printf 'group "default" {\n  targets = [%s]\n}\n' "${all[*]}") >> "$dir/docker-bake.hcl"
  [ "$withbake" = bake ] || rm "$dir/docker-bake.hcl"
}
target() {
  local dir=$1 ns=$2 s=$3 dep=$4
  {
    printf 'target "%s" {\n  context = "services/%s"\n  dockerfile = "Dockerfile"\n  tags = ["%s-bake/%s:latest"]\n' "$s" "$s" "$ns" "$s"
    [ -n "$dep" ] && printf '  contexts = { %s = "target:%s" }\n' "$dep" "$dep"
    printf '  attest = ["type=provenance,disabled=true"]\n}\n'
  } >> "$dir/docker-bake.hcl"
}

orch() {   # orch DIR PLATFORMS -> JSON report on stdout
  "$bin" build --root "$1" --platform "$2" --json 2>"$1/.orch-err"
}
bake() {   # bake DIR PLATFORMS
  (cd "$1" && docker buildx bake --progress=plain --load --set "*.platform=$2" >"$1/.bake-log" 2>&1)
}
rebuilt() {   # services whose status is not up-to-date in a JSON report
  grep -A1 '"image":' | grep '"status"' | grep -vc '"up-to-date"' || true
}

declare -A T   # T[tool,platforms,scenario] = space-separated seconds
declare -A CHECK
record() { T[$1]="${T[$1]:-} $2"; }

for round in $(seq 1 "$RUNS"); do
  for platforms in $PLATFORM_SETS; do
    tag=$(echo "$platforms" | tr -cd 'a-z0-9')
    salt="r$round-$RANDOM$RANDOM"
    ns="bench-$salt-$tag"
    namespaces+=("$ns" "$ns-bake")
    o="$work/orch-$round-$tag"; b="$work/bake-$round-$tag"
    gen "$o" "$ns" "o$salt" "$LEAVES"
    gen "$b" "$ns" "b$salt" "$LEAVES" bake
    total=$((LEAVES + 4))
    log "round $round, $platforms, $total services"

    settle; t0=$(now); orch "$o" "$platforms" > "$o/.cold.json" || { cat "$o/.orch-err" >&2; exit 1; }; t1=$(now)
    record "orch,$platforms,cold" "$(secs "$t0" "$t1")"
    settle; t0=$(now); bake "$b" "$platforms" || { tail -20 "$b/.bake-log" >&2; exit 1; }; t1=$(now)
    record "bake,$platforms,cold" "$(secs "$t0" "$t1")"

    settle; t0=$(now); orch "$o" "$platforms" > "$o/.warm.json"; t1=$(now)
    record "orch,$platforms,warm" "$(secs "$t0" "$t1")"
    CHECK["$platforms,warm"]="${CHECK["$platforms,warm"]:-} $(rebuilt < "$o/.warm.json")"
    settle; t0=$(now); bake "$b" "$platforms"; t1=$(now)
    record "bake,$platforms,warm" "$(secs "$t0" "$t1")"

    for d in "$o" "$b"; do echo "leaf change $RANDOM" >> "$d/services/svc-1/app.txt"; done
    settle; t0=$(now); orch "$o" "$platforms" > "$o/.leaf.json"; t1=$(now)
    record "orch,$platforms,leaf" "$(secs "$t0" "$t1")"
    CHECK["$platforms,leaf"]="${CHECK["$platforms,leaf"]:-} $(rebuilt < "$o/.leaf.json")"
    settle; t0=$(now); bake "$b" "$platforms"; t1=$(now)
    record "bake,$platforms,leaf" "$(secs "$t0" "$t1")"

    # One base changed: a RUN added to the first base, so the base and all its dependents rebuild.
    change="base-change-$RANDOM"
    for d in "$o" "$b"; do echo "RUN echo $change > /change.txt" >> "$d/services/base-a/Dockerfile"; done
    settle; t0=$(now); orch "$o" "$platforms" > "$o/.base.json"; t1=$(now)
    record "orch,$platforms,base" "$(secs "$t0" "$t1")"
    CHECK["$platforms,base"]="${CHECK["$platforms,base"]:-} $(rebuilt < "$o/.base.json")"
    settle; t0=$(now); bake "$b" "$platforms"; t1=$(now)
    record "bake,$platforms,base" "$(secs "$t0" "$t1")"
    for n in "$ns" "$ns-bake"; do
      docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$n/" | xargs -r docker image rm -f >/dev/null 2>&1 || true
    done
    rm -rf "$o" "$b"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
{
  echo "## orchestrator build vs docker buildx bake ($((LEAVES + 4)) services: 4 chained bases + $LEAVES leaves; median of $RUNS; seconds)"
  echo
  echo "| platforms | scenario | orchestrator | bake | ratio | target | orchestrator runs | bake runs | services rebuilt (expected) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for platforms in $PLATFORM_SETS; do
    for sc in cold warm leaf base; do
      om=$(echo "${T[orch,$platforms,$sc]}" | median); bm=$(echo "${T[bake,$platforms,$sc]}" | median)
      case $sc in
        cold) ref=$bm; goal="≤ 1.00× bake cold"; exp="-" ;;
        warm) ref=$(echo "${T[bake,$platforms,warm]}" | median); goal="≤ 0.10× bake warm"; exp="0" ;;
        leaf) ref=$(echo "${T[bake,$platforms,warm]}" | median); goal="≤ 0.30× bake warm"; exp="1" ;;
        base) ref=$bm; goal="≤ 1.00× bake, base + dependents"; exp="$((LEAVES + 4))" ;;
      esac
      ratio=$(awk -v a="$om" -v b="$ref" 'BEGIN { printf "%.3f", a / b }')
      note=""; [ "$sc" = leaf ] && note=" (vs bake warm)"; [ "$sc" = warm ] && note=" (vs bake warm)"
      echo "| $platforms | $sc | $om | $bm | $ratio$note | $goal | ${T[orch,$platforms,$sc]} | ${T[bake,$platforms,$sc]} | ${CHECK["$platforms,$sc"]:-} ($exp) |"
    done
  done
} | tee -a "$out"

if [ "$BIG" -gt 0 ]; then
  salt="big-$RANDOM$RANDOM"; ns="bench-$salt"; namespaces+=("$ns" "$ns-seq" "$ns-bake")
  o="$work/big-orch"; s="$work/big-seq"
  gen "$o" "$ns" "o$salt" "$BIG"; gen "$s" "$ns-seq" "s$salt" "$BIG"
  log "cold, $((BIG + 4)) services: orchestrator, then a sequential buildx loop"
  settle; t0=$(now); orch "$o" linux/amd64 > "$o/.cold.json" && ok=yes || ok="no (exit $?)"; t1=$(now)
  big_orch=$(secs "$t0" "$t1")
  settle; t0=$(now)
  (cd "$s"
   for svc in base-a base-b base-c base-d $(seq -f 'svc-%g' 1 "$BIG"); do
     dep=$(sed -n 's/^FROM \([a-z][a-z0-9-]*\)$/\1/p' "services/$svc/Dockerfile" | head -1)
     ctx=(); [ -n "$dep" ] && ctx=(--build-context "$dep=docker-image://$ns-seq/$dep:latest")
     docker buildx build --progress=plain --platform linux/amd64 --provenance=false "${ctx[@]}" \
       -t "$ns-seq/$svc:latest" --load "services/$svc" >/dev/null 2>&1
   done)
  t1=$(now); big_seq=$(secs "$t0" "$t1")
  {
    echo
    echo "## cold, $((BIG + 4)) services, linux/amd64 (one run)"
    echo
    echo "| orchestrator (jobs 2) | sequential \`docker buildx build\` loop | ratio | target | orchestrator succeeded |"
    echo "|---|---|---|---|---|"
    echo "| $big_orch | $big_seq | $(awk -v a="$big_orch" -v b="$big_seq" 'BEGIN { printf "%.3f", a / b }') | ≤ 0.5× | $ok |"
  } | tee -a "$out"
  if [ "$BIG_BAKE" = 1 ]; then
    bk="$work/big-bake"; gen "$bk" "$ns" "k$salt" "$BIG" bake
    settle; t0=$(now); bake "$bk" linux/amd64 && r=ok || r="failed: $(grep -m1 -o 'DeadlineExceeded[^"]*' "$bk/.bake-log" || tail -1 "$bk/.bake-log")"; t1=$(now)
    echo "| bake, $((BIG + 4)) targets, cold: $(secs "$t0" "$t1") s, $r |" | tee -a "$out"
  fi
fi

if [ -n "$PLAN_SIZES" ]; then
  {
    echo
    echo "## orchestrator plan on generated repositories (one fresh JVM each; median of $RUNS)"
    echo
    echo "| services | wall s (runs) | peak RSS MB | target |"
    echo "|---|---|---|---|"
  } | tee -a "$out"
  for n in $PLAN_SIZES; do
    p="$work/plan-$n"; mkdir -p "$p/services" "$p/buildx-profiles"
    printf 'platforms: [host]\noutput: load\ncache: {type: none}\n' > "$p/buildx-profiles/local.yaml"
    for i in $(seq 0 $((n - 1))); do
      mkdir -p "$p/services/s$i"
      if [ $((i % 50)) -eq 0 ]; then echo "FROM scratch" > "$p/services/s$i/Dockerfile"
      else printf 'FROM s%d\nRUN true\n' $((i - i % 50)) > "$p/services/s$i/Dockerfile"; fi
    done
    walls=""; rss=0
    for r in $(seq 1 "$RUNS"); do
      settle
      if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$p/.time" "$bin" plan --root "$p" >/dev/null
        read -r w k < "$p/.time"
      else
        t0=$(now); "$bin" plan --root "$p" >/dev/null; t1=$(now); w=$(secs "$t0" "$t1"); k=0
      fi
      walls="$walls $w"; [ "$k" -gt "$rss" ] && rss=$k
    done
    echo "| $n | $(echo "$walls" | median) ($walls) | $((rss / 1024)) | ≤ 0.5 s, ≤ 256 MB (5,000) |" | tee -a "$out"
  done
fi
if [ "$SAMPLE" = 1 ]; then
  # The repository's own services, as `make container-build` builds them (local profile, host
  # platform, Maven included). Cold starts from no orchestrator state and no BuildKit cache.
  log "sample monorepo: cold, then nothing changed"
  "$bin" clean --root "$repo" >/dev/null
  docker buildx prune -af >/dev/null
  settle; t0=$(now); "$bin" build --root "$repo" --json > "$work/sample-cold.json" 2>"$work/sample-err" \
    || { tail -20 "$work/sample-err" >&2; exit 1; }; t1=$(now)
  sample_cold=$(secs "$t0" "$t1")
  warm=""; warm_rebuilt=""
  for r in $(seq 1 "$RUNS"); do
    settle; t0=$(now); "$bin" build --root "$repo" --json > "$work/sample-warm.json" 2>"$work/sample-err"; t1=$(now)
    warm="$warm $(secs "$t0" "$t1")"; warm_rebuilt="$warm_rebuilt $(rebuilt < "$work/sample-warm.json")"
  done
  {
    echo
    echo "## the sample monorepo (services/), local profile, host platform; seconds"
    echo
    echo "| scenario | wall (runs) | services rebuilt | target |"
    echo "|---|---|---|---|"
    echo "| cold (clean + BuildKit prune) | $sample_cold | all | - |"
    echo "| nothing changed | $(echo "$warm" | median) ($warm) | $warm_rebuilt | ≤ 1.0 s |"
  } | tee -a "$out"
fi
{
  echo
  echo "engine: idle before $((settle_runs - unsettled_runs)) of $settle_runs timed runs;" \
    "busiest unsettled: $((2 * busiest))% of a core (see settle in bench.sh)"
} | tee -a "$out"
log "results written to $out"
