#!/usr/bin/env bash
# Measures the release bundle in dist/ (run scripts/build.sh first): raw and
# gzip -9 bytes of what a first visit downloads, by kind. Fails if the total
# gzip exceeds SIZE_BUDGET_KB (default 275 kB, what a reader on a phone
# downloads before the charts appear). Sizes are reported and budgeted in
# kB of 1000 bytes, as browsers' network panels and phone plans count them.
#
# A first visit downloads every file of dist/ (index.html, wasm, JS, CSS,
# icon, sw.js) except:
#   - embed.js, which the pages that embed the app load, not the app;
#   - locales/: the message files, fetched at run time, only the reader's
#     language's `app` pack (the `story` and `model` packs when a view asks
#     for them, the other language's only if the reader switches).
# So the total counts the largest language's app pack (the worst case over
# languages); the service worker fetches the rest in the background once
# the page runs, for offline use, which is not part of the first view.
# The teachers' pages (dist/teach*) and the newsrooms' scrollytelling
# example (dist/scrolly*), opened by link, are listed apart,
# outside the total: the service worker fetches them in the background too.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

DIST="${DIST:-dist}"
BUDGET_KB="${SIZE_BUDGET_KB:-275}"

if [ ! -f "$DIST/index.html" ]; then
  log "no $DIST/index.html: run scripts/build.sh first"
  exit 1
fi

gz_bytes() { gzip -9 -c "$1" | wc -c; }
# Bytes as kB of 1000 bytes, one decimal.
kb() { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }

total_raw=0
total_gz=0
printf '%-6s %12s %12s   %s\n' kind 'raw' 'gzip -9' files
for kind in wasm js css html ftl other; do
  case $kind in
    html) mapfile -t files < <(printf '%s\n' "$DIST/index.html") ;;
    # Everything else the bundle ships (icons, snippets), so the total is all of dist/.
    other) mapfile -t files < <(find "$DIST" -type f ! -name '*.wasm' ! -name '*.js' ! -name '*.css' ! -path "$DIST/index.html" ! -path '*/.stage/*' ! -path "$DIST/locales/*" ! -name 'teach*' ! -name 'scrolly*' | sort) ;;
    # The largest language's app pack (see above).
    ftl)
      best=0
      files=()
      for f in "$DIST"/locales/*/app.ftl; do
        [ -f "$f" ] || continue
        if [ "$(gz_bytes "$f")" -gt "$best" ]; then best=$(gz_bytes "$f"); files=("$f"); fi
      done
      [ ${#files[@]} -gt 0 ] || { log "no $DIST/locales/<lang>/app.ftl"; exit 1; }
      ;;
    *) mapfile -t files < <(find "$DIST" -type f -name "*.$kind" ! -path '*/.stage/*' ! -path "$DIST/embed.js" ! -name 'teach*' ! -name 'scrolly*' | sort) ;;
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
  names=$(printf '%s ' "${files[@]#"$DIST"/}")
  printf '%-6s %12s %12s   %s\n' "$kind" "$(kb "$raw")" "$(kb "$gz")" "${names:-"(none)"}"
done
printf '%-6s %12s %12s   (%d bytes gzip)\n' total "$(kb "$total_raw")" "$(kb "$total_gz")" "$total_gz"
mapfile -t pages < <(find "$DIST" -maxdepth 1 -type f \( -name 'teach*' -o -name 'scrolly*' \) | sort)
if [ ${#pages[@]} -gt 0 ]; then
  raw=0
  gz=0
  for f in "${pages[@]}"; do
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gz_bytes "$f")))
  done
  printf '%-6s %12s %12s   %s(opened by link; not in the total)\n' pages "$(kb "$raw")" "$(kb "$gz")" "$(printf '%s ' "${pages[@]##*/}")"
fi

# The test build's hooks (functions behind the cargo feature `test-hooks`)
# must never reach the release bundle: their names would be in the wasm's
# exports and the JS glue.
mapfile -t hooks < <(grep -rh -A3 'cfg(feature = "test-hooks")' src | sed -n 's/.*pub fn \([a-z_0-9]*\).*/\1/p' | sort -u)
[ ${#hooks[@]} -gt 0 ] || { log "found no test hooks in src/ (feature test-hooks): this check needs updating"; exit 1; }
for hook in "${hooks[@]}"; do
  if grep -rlaF --include='*.wasm' --include='*.js' "$hook" "$DIST" >/dev/null; then
    log "FAIL: the test hook $hook is in the release bundle: $(grep -rlaF --include='*.wasm' --include='*.js' "$hook" "$DIST" | tr '\n' ' ')"
    exit 1
  fi
done
log "ok: no test hook in the bundle (${hooks[*]})"

budget=$((BUDGET_KB * 1000))
if [ "$total_gz" -gt "$budget" ]; then
  log "FAIL: total gzip $(kb "$total_gz") is over the budget of $BUDGET_KB kB"
  exit 1
fi
log "ok: total gzip $(kb "$total_gz") is within the budget of $BUDGET_KB kB"
