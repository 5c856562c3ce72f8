#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test, on a fresh
# machine of this kind (Debian 12, Rust stable by rustup, Node 20).
# Idempotent: a tool already present at the right version is not reinstalled,
# so a prepared machine finishes in seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# Must equal the wasm-bindgen version in Cargo.lock (checked below).
WASM_BINDGEN_VERSION="0.2.130"

for tool in cargo rustup node npm python3; do
  if ! command -v "$tool" >/dev/null; then
    log "$tool is missing: this project expects Rust (rustup), Node 20 and python3"
    exit 1
  fi
done

if [ -f Cargo.lock ]; then
  locked=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  if [ -n "$locked" ] && [ "$locked" != "$WASM_BINDGEN_VERSION" ]; then
    log "Cargo.lock has wasm-bindgen $locked but setup pins $WASM_BINDGEN_VERSION: make them agree"
    exit 1
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1; then
  log "adding rustfmt (the tests check formatting)"
  rustup component add rustfmt
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v gzip >/dev/null || need_apt+=(gzip)
command -v valgrind >/dev/null || need_apt+=(valgrind)
# Chinese text in the phone screenshots (scripts/screenshot.sh).
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "building trunk $TRUNK_VERSION (about 9 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Node tools (wasm-opt from binaryen, Playwright driving the system Chromium),
# pinned by tests/e2e/package-lock.json.
# Reinstalled when node_modules is missing or differs from the lock.
node_tools_current() {
  # Every devDependency of tests/e2e/package.json installed at the lock's version.
  (cd tests/e2e && node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    const deps = Object.keys(JSON.parse(fs.readFileSync("package.json", "utf8")).devDependencies || {});
    for (const d of deps) {
      const want = lock.packages["node_modules/" + d].version;
      let have = "none";
      try { have = JSON.parse(fs.readFileSync("node_modules/" + d + "/package.json", "utf8")).version; } catch {}
      if (want !== have) process.exit(1);
    }') || return 1
  [ -x tests/e2e/node_modules/.bin/wasm-opt ] && [ -x tests/e2e/node_modules/.bin/terser ]
}
if ! node_tools_current; then
  log "installing node tools (tests/e2e/package-lock.json: binaryen, playwright-core, terser, ...)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

log "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
