#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then serves the release build of the
# app on http://127.0.0.1:${PORT:-8080}/ and rebuilds it when a source changes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT="${PORT:-8080}"

log "setting up (fast when everything is already installed)"
bash scripts/setup.sh

log "building and serving the release build; open http://127.0.0.1:$PORT/ (Ctrl-C stops)"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "$PORT"
