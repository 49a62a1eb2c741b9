#!/usr/bin/env bash
# Installs what the project needs, from the package registries only, and skips whatever is
# already there at the pinned version, so that running it again is fast.
#
#   scripts/setup.sh rust      the wasm32 target, rustfmt and clippy (for `make lint`)
#   scripts/setup.sh tools     the above, the release builds' nightly (with its std sources),
#                              trunk, wasm-bindgen-cli, npm packages (wasm-opt, Playwright)
#   scripts/setup.sh browser   Debian's chromium and chromium-driver, firefox-esr, and WebKitGTK's
#                              webkit2gtk-driver (MiniBrowser) with xvfb for its display
#   scripts/setup.sh postgres  Debian's postgresql server programs, for the API's tests (each
#                              test starts a throwaway cluster of its own); no cluster is made and
#                              no service started
#   scripts/setup.sh java      Debian's Java runtime, for the HTML checker (the npm vnu-jar)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
}

tools() {
  rust
  # The Makefile pins the release builds' toolchain and says why.
  local release_toolchain=${RELEASE_TOOLCHAIN:?run this through make, which pins it} sysroot
  sysroot=$(rustup run "$release_toolchain" rustc --print sysroot 2>/dev/null || true)
  if ! [[ -n "$sysroot" && -d "$sysroot/lib/rustlib/src/rust/library" ]]; then
    say "installing the $release_toolchain toolchain with its standard library's sources (under a minute, once)"
    rustup toolchain install "$release_toolchain" --profile minimal --component rust-src
  fi
  # trunk runs cargo offline (Trunk.toml): every crate in Cargo.lock must be here first.
  cargo fetch --locked
  if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
    say "installing trunk $TRUNK_VERSION (takes 7-16 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: its lock file asks for a webpki-roots version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  local lock_hash
  lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$lock_hash" ]]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
    echo "$lock_hash" > node_modules/.installed-lock
  fi
}

sudo=""
[[ $(id -u) -eq 0 ]] || sudo=sudo

# Installs Debian packages; the package lists are fetched again only when over an hour old
# (`make test` asks for the browsers and PostgreSQL one after the other).
apt_install() {
  if ! find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 2>/dev/null | grep -q .; then
    $sudo apt-get update
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"
}

browser() {
  local wanted=(/usr/bin/chromium /usr/bin/chromedriver /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb)
  local missing=0 binary
  for binary in "${wanted[@]}"; do
    [[ -x "$binary" ]] || missing=1
  done
  if (( missing )); then
    say "installing Debian's chromium, chromium-driver, firefox-esr, webkit2gtk-driver and xvfb"
    apt_install chromium chromium-driver firefox-esr webkit2gtk-driver xvfb
  fi
}

postgres() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    say "installing Debian's postgresql (without a cluster of its own)"
    $sudo mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.d/no-main-cluster.conf > /dev/null
    apt_install postgresql
  fi
}

java() {
  if ! type -P java > /dev/null; then
    say "installing Debian's Java runtime (for the HTML checker)"
    apt_install openjdk-17-jre-headless
  fi
}

for step in "$@"; do
  "$step"
done
