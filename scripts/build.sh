#!/usr/bin/env bash
# Sets everything up, then builds the static bundle into dist/: index.html,
# one .wasm, its .js glue and the stylesheet. Copy dist/ to any static host.
# With TEST_HOOKS=1 it builds instead the test build into target/hooks-dist/:
# the same app with the cargo feature `test-hooks` (functions that only the
# browser tests and benchmarks call: never in dist/; ARCHITECTURE.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [ "${SKIP_SETUP:-}" != 1 ]; then
  log "setting up"
  bash scripts/setup.sh
fi

# The command line draws the charts that scripts/postbuild.py writes into
# index.html (shown before the wasm arrives).
log "cargo build --release -p talentflow-cli (the prerendered charts)"
cargo build --release --quiet -p talentflow-cli
export TALENTFLOW_BIN="$ROOT/target/release/talentflow"

out=dist
features=()
if [ "${TEST_HOOKS:-}" = 1 ]; then
  out=target/hooks-dist
  features=(--features test-hooks)
fi
log "trunk build --release ${features[*]} into $out/ (wasm-opt: $(wasm-opt --version 2>/dev/null || echo missing))"
start=$SECONDS
trunk build --release "${features[@]}" --dist "$out"
log "built $out/ in $(fmt_duration $((SECONDS - start))):"
(cd "$out" && ls -l) >&2
