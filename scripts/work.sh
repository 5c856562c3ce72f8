#!/usr/bin/env bash
# The model's work per run, counted in CPU instructions with callgrind, and
# checked against budgets: unlike a time, a count does not depend on the
# machine's load, so it can fail a test run. Counts change a little with
# the compiler; the budgets leave room for that, not for a slower model.
#   slider move: a run that differs from the one before only in a lever
#                (the history before the policy start is remembered)
#   full run:    from the burn-in (an uncertainty draw's run)
# The time budget these stand for (50 us per run, docs/benchmarks.md) is
# reported, not checked, by scripts/bench.sh.
# Env: MOVE_BUDGET, FULL_BUDGET (instructions per run).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

MOVE_BUDGET="${MOVE_BUDGET:-260000}"
FULL_BUDGET="${FULL_BUDGET:-540000}"
RUNS=40

if ! command -v valgrind >/dev/null; then
  log "valgrind is missing: run scripts/setup.sh"
  exit 1
fi
cargo build -q --release -p talentflow-model --example runs
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Instructions of the whole program for `runs N [full]`.
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" target/release/examples/runs "$@" 2>&1 >/dev/null |
    awk '/refs:/ {gsub(",", "", $NF); print $NF}'
}
# Per run: the difference between RUNS and 2 runs, so start-up and the
# first (unremembered) runs cancel out.
per_run() {
  local many few
  many=$(count "$RUNS" "$@")
  few=$(count 2 "$@")
  echo $(((many - few) / (RUNS - 2)))
}

move=$(per_run)
full=$(per_run full)
failed=0
check() {
  local what=$1 figure=$2 budget=$3
  if [ "$figure" -le "$budget" ]; then
    log "ok: $what: $figure instructions per run (budget $budget)"
  else
    log "over budget: $what: $figure instructions per run (budget $budget)"
    failed=1
  fi
}
check "slider move" "$move" "$MOVE_BUDGET"
check "full run" "$full" "$FULL_BUDGET"
exit "$failed"
