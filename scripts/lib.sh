# Shared by the scripts in this folder: source it, don't run it.
# Sets ROOT to the repository root, makes the tools installed by setup.sh
# reachable, and gives each script a `log` that writes "[name] ..." to stderr.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT_NAME="$(basename "${BASH_SOURCE[1]:-$0}" .sh)"

# cargo-installed tools (trunk, wasm-bindgen) and the npm-installed wasm-opt
# (binaryen 132, pinned in tests/e2e/package-lock.json). wasm-opt from npm must
# come before any other wasm-opt: Trunk.toml pins version_132.
export PATH="$ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '[%s] %s\n' "$SCRIPT_NAME" "$*" >&2; }

# Seconds as "3m07s".
fmt_duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
