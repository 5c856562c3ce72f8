#!/usr/bin/env bash
# Measures the release bundle in dist/ (run scripts/build.sh first): raw and
# gzip -9 bytes of the .wasm, the .js, the .css and index.html, and the total
# over every file in dist/ (index.html, wasm, JS, CSS and any icon or snippet). Fails if the total gzip exceeds SIZE_BUDGET_KB
# (default 250 KB, what a reader on a phone downloads before the charts appear).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

DIST="${DIST:-dist}"
BUDGET_KB="${SIZE_BUDGET_KB:-250}"

if [ ! -f "$DIST/index.html" ]; then
  log "no $DIST/index.html: run scripts/build.sh first"
  exit 1
fi

gz_bytes() { gzip -9 -c "$1" | wc -c; }

total_raw=0
total_gz=0
printf '%-6s %12s %12s   %s\n' kind raw gzip-9 files
for kind in wasm js css html other; do
  case $kind in
    html) mapfile -t files < <(printf '%s\n' "$DIST/index.html") ;;
    # Everything else the bundle ships (icons, snippets), so the total is all of dist/.
    other) mapfile -t files < <(find "$DIST" -type f ! -name '*.wasm' ! -name '*.js' ! -name '*.css' ! -path "$DIST/index.html" ! -path '*/.stage/*' | sort) ;;
    *) mapfile -t files < <(find "$DIST" -type f -name "*.$kind" ! -path '*/.stage/*' | sort) ;;
  esac
  raw=0
  gz=0
  for f in "${files[@]}"; do
    [ -n "$f" ] || continue
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gz_bytes "$f")))
  done
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  if [ "$kind" = wasm ] || [ "$kind" = js ]; then
    [ ${#files[@]} -gt 0 ] || { log "no .$kind file in $DIST/"; exit 1; }
  fi
  names=$(printf '%s ' "${files[@]##*/}")
  printf '%-6s %12d %12d   %s\n' "$kind" "$raw" "$gz" "${names:-"(none)"}"
done
printf '%-6s %12d %12d\n' total "$total_raw" "$total_gz"

budget=$((BUDGET_KB * 1024))
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
if [ "$total_gz" -gt "$budget" ]; then
  log "FAIL: total gzip $(kb "$total_gz") is over the budget of $BUDGET_KB KB"
  exit 1
fi
log "ok: total gzip $(kb "$total_gz") is within the budget of $BUDGET_KB KB"
