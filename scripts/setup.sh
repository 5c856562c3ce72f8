#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test, on a fresh
# machine of this kind (Debian 12, Rust stable by rustup, Node 20).
# Idempotent: a tool already present at the right version is not reinstalled,
# so a prepared machine finishes in seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# The compiler the size and work budgets were measured with
# (rust-toolchain.toml says why the pin is checked here).
RUSTC_VERSION="1.95.0"
# Must equal the wasm-bindgen version in Cargo.lock (checked below).
WASM_BINDGEN_VERSION="0.2.130"

for tool in cargo rustup node npm python3; do
  if ! command -v "$tool" >/dev/null; then
    log "$tool is missing: this project expects Rust (rustup), Node 20 and python3"
    exit 1
  fi
done

if ! rustc --version | grep -q "^rustc $RUSTC_VERSION "; then
  log "this project is built with rustc $RUSTC_VERSION (rust-toolchain.toml), but the stable toolchain here is $(rustc --version): the bundle size and work budgets were measured with $RUSTC_VERSION; install it as rustup's stable toolchain"
  exit 1
fi

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

if ! cargo clippy --version >/dev/null 2>&1; then
  log "adding clippy (the tests run its lints)"
  rustup component add clippy
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

# wasm-bindgen-cli, built --locked: with the dependency versions it was
# released with, so that it builds the same on every machine. Its published
# lockfile cannot be used as it is: it names webpki-roots 1.0.11, which the
# crate registry does not serve (`cargo install --locked` stops with "failed
# to select a version for the requirement `webpki-roots = "^1.0.10"`").
# scripts/wasm-bindgen-cli-0.2.130.lock is that lockfile with that one
# package at 1.0.10, the newest the registry has (ureq asks for ^1.0.10):
# the tool's source is fetched from the registry by cargo, given that
# lockfile and installed from it.
install_wasm_bindgen() {
  local lock="$ROOT/scripts/wasm-bindgen-cli-$WASM_BINDGEN_VERSION.lock"
  [ -f "$lock" ] || { log "no $lock: write one for wasm-bindgen-cli $WASM_BINDGEN_VERSION"; return 1; }
  local work rc=0
  work=$(mktemp -d)
  mkdir -p "$work/get/src"
  printf '[package]\nname = "get-wasm-bindgen-cli"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm-bindgen-cli = "=%s"\n' \
    "$WASM_BINDGEN_VERSION" >"$work/get/Cargo.toml"
  touch "$work/get/src/lib.rs"
  # Where cargo unpacked the tool's source from the registry.
  local manifest
  manifest=$(cd "$work/get" && cargo metadata --format-version 1 | python3 -c '
import json, sys
meta = json.load(sys.stdin)
print(next(p["manifest_path"] for p in meta["packages"] if p["name"] == "wasm-bindgen-cli"))') || rc=$?
  if [ "$rc" = 0 ]; then
    cp -r "$(dirname "$manifest")" "$work/cli"
    cp "$lock" "$work/cli/Cargo.lock"
    cargo install --locked --force --path "$work/cli" || rc=$?
  fi
  rm -rf "$work"
  return "$rc"
}
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  install_wasm_bindgen
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
