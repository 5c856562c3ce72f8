#!/usr/bin/env bash
# Where a slider move's time goes in the browser: builds the app with its
# functions' names kept (Cargo profile `wasm-names`, wasm-opt -g) into
# target/profile-dist/, then profiles MOVES slider moves in headless
# Chromium and prints each function's time per move, the parts of a
# redraw first (tests/e2e/profile.mjs). For finding what to make faster;
# the figures of record are scripts/bench.sh's.
# Env: MOVES (default 200), SKIP_BUILD=1 to profile the last build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
out="$ROOT/target/profile-dist"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  # A copy of index.html beside it (its links are relative), with the
  # named profile and wasm-opt keeping the names section.
  page="$ROOT/.profile.html"
  trap 'rm -f "$page"' EXIT
  sed -e 's/data-cargo-profile-release="wasm-release"/data-cargo-profile-release="wasm-names"/' \
      -e 's/data-wasm-opt-params="/data-wasm-opt-params="-g /' index.html > "$page"
  grep -q 'wasm-names' "$page" || { log "index.html no longer names the wasm-release profile"; exit 1; }
  log "named build into $out"
  trunk build "$page" --release --dist "$out"
fi
DIST_DIR="$out" node tests/e2e/profile.mjs
