#!/usr/bin/env bash
# Sets everything up, then builds the static bundle into dist/: index.html,
# one .wasm, its .js glue and the stylesheet. Copy dist/ to any static host.
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

log "trunk build --release into dist/ (wasm-opt: $(wasm-opt --version 2>/dev/null || echo missing))"
start=$SECONDS
trunk build --release --dist dist
log "built dist/ in $(fmt_duration $((SECONDS - start))):"
(cd dist && ls -l) >&2
