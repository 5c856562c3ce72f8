#!/usr/bin/env bash
# Builds the release bundle (unless SKIP_BUILD=1) and saves a 1280 px wide
# screenshot of the app to docs/screenshot.png, the picture in the README,
# and a phone's (360 x 780) in each language to docs/phone-en.png and
# docs/phone-zh.png (Chinese text needs fonts-noto-cjk, from setup.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build.sh
fi
log "taking the screenshot"
DIST_DIR="$ROOT/dist" node tests/e2e/screenshot.mjs
