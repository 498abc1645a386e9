#!/usr/bin/env bash
# Installs what the build and the tests need, and only what is missing. Everything comes from
# crates.io, Debian's packages or the npm registry: no step downloads a browser or a binary.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
WASM_PACK_VERSION=0.15.1
# binaryen, terser and csso come from npm (scripts/package.json): Debian's binaryen is too old for
# wasm-bindgen's output.
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

say() { printf '==> %s\n' "$*"; }

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing. Install Rust with rustup (https://rustup.rs), then run make again." >&2
  exit 1
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 6 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  # --locked fails: the tool's lock file names a dependency version the registry no longer has.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install ${missing[*]}" >&2
    echo "setup: then run make again." >&2
    exit 1
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: Node.js 20 and npm are missing. Install them with: sudo apt-get install nodejs npm" >&2
  exit 1
fi
# Each from its committed lock file: the build's tools (scripts/), the browser tests' packages.
for dir in scripts tests/e2e; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing the npm packages of $dir/ from its lock file"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
