#!/usr/bin/env bash
# Benchmarks: prints figures and compares them with the budgets recorded in
# docs/benchmarks.md. Reports, never fails on a timing (shared machines are
# noisy; compare ratios within one run). Builds what it needs.
#   native: one model run (cargo bench), the bands, the wasm/native workload
#   browser: wasm model run, input-to-redraw, memory, first chart at 4x CPU;
#            with bands on: input-to-redraw and last move to bands drawn;
#            on a phone's network (150 ms RTT, 1.6 Mbit/s, 4x CPU), page
#            and embed: a chart on the first screen, sliders driving charts
# Prints the machine, its load and the commit first, for docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
log "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), $(rustc --version)"
log "date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
log "native benchmarks"
cargo bench -q -p talentflow-model --bench run
cargo bench -q -p talentflow-model --bench bands
cargo build -q --release -p talentflow-model --example runs
per_run() { target/release/examples/runs 2000 "$@" | awk '{print $2}'; }
log "native ms per run (alternating workload): $(per_run); from the burn-in: $(per_run full)"

[ "${SKIP_BUILD:-}" = 1 ] || { SKIP_SETUP=1 bash scripts/build.sh && TEST_HOOKS=1 SKIP_SETUP=1 bash scripts/build.sh; }
bash scripts/size.sh || true
log "browser benchmarks (headless Chromium)"
DIST_DIR="$ROOT/dist" HOOKS_DIST_DIR="$ROOT/target/hooks-dist" RUNS_BIN="$ROOT/target/release/examples/runs" node tests/e2e/bench.mjs
DIST_DIR="$ROOT/dist" node tests/e2e/bench-bands.mjs
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
