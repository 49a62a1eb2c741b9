# The two commands a newcomer needs: `make serve` and `make test`. Both install what is missing
# first (scripts/setup.sh), so they work on a fresh machine.

SHELL := /bin/bash
comma := ,
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

SUBPATH_DIST := target/dist-subpath

# Release builds compile the bundles with a pinned nightly that rebuilds the standard library with
# them, choosing its smaller implementations (optimize_for_size), and makes a panic abort at once,
# without formatting a message (docs/islands.md "Size"). These rustflags replace
# .cargo/config.toml's for the wasm target, so they repeat erase_components. trunk runs cargo
# offline, so the standard library's own crates are fetched first. The prerenderer, run by the
# post-build hook, is built natively by the same toolchain (scripts/post-build.mjs says why);
# development builds (`make serve`) and the wasm tests keep the default toolchain, and
# `trunk build --release` alone still works, only larger.
export RELEASE_TOOLCHAIN := nightly-2026-05-20
RELEASE_WASM := RUSTUP_TOOLCHAIN=$(RELEASE_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"

.PHONY: bench bench-api soak test-budgets serve api api-build dist dist-subpath release-crates test lint test-native test-wasm test-e2e test-engines check-content rust tools browser postgres java test-html

## serve: the site with live reload on http://127.0.0.1:8080, and the API beside it on :3000
## (trunk proxies /api to it); Ctrl-C stops both, quietly.
## The development build goes to target/serve (Trunk.toml): dist/ only ever holds a release build. With a
## terminal, trunk runs as its own foreground job (`set -m`), so Ctrl-C reaches trunk alone,
## not make; the API is stopped on the way out, and a Ctrl-C ends with status 0.
serve: tools api-build
	@if [ -t 0 ]; then set -m; fi; \
	NATO_API_DEV=1 target/debug/nato-georgia-api & api=$$!; \
	trap 'status=$$?; kill $$api 2>/dev/null; wait $$api 2>/dev/null || true; [ $$status -eq 130 ] && exit 0; exit $$status' EXIT; \
	trunk serve

## api: the reference API alone, in development mode, on http://127.0.0.1:3000
api: api-build
	NATO_API_DEV=1 target/debug/nato-georgia-api

api-build:
	cargo build --locked -p nato-georgia-api

## dist: the release build, ready to deploy, in dist/ (for a sub-path: make dist PUBLIC_URL=/x/;
## without offline reading: make dist OFFLINE=off)
PUBLIC_URL ?= /
OFFLINE ?= on
dist: release-crates
	NATO_OFFLINE=$(OFFLINE) $(RELEASE_WASM) trunk build --release --public-url $(PUBLIC_URL) --dist dist

## dist-subpath: the same build for a deployment under /x/ (used by the tests)
dist-subpath: release-crates
	$(RELEASE_WASM) trunk build --release --public-url /x/ --dist $(SUBPATH_DIST)

release-crates: tools
	$(RELEASE_WASM) cargo fetch --locked

## test: every test — formatting and lints first, native unit tests, wasm tests in Chromium,
## end-to-end tests in Chromium, the core journeys in Firefox and WebKit, and the performance
## and accessibility budgets
test: lint tools browser test-native test-wasm test-html test-e2e test-engines test-budgets

## lint: rustfmt, and clippy with warnings as errors for every crate and feature set that is
## built — native (the API, the checks with and without the estimate, the content, the site and
## its islands as the prerenderer builds them), and in the browser (the islands and their
## bundles, the estimator worker).
CLIPPY := cargo clippy --locked --all-targets
WASM := --target wasm32-unknown-unknown
ISLANDS := frame timeline regions search forms
lint: rust
	node scripts/check-trunk.mjs
	cargo fmt --all --check
	$(CLIPPY) -p nato-georgia-content -p nato-georgia-checks -p nato-georgia-api --features nato-georgia-checks/strength -- -D warnings
	$(CLIPPY) -p nato-georgia-checks -- -D warnings
	$(CLIPPY) -p nato-georgia -p nato-georgia-web $(ISLANDS:%=-p nato-georgia-%) -- -D warnings
	$(CLIPPY) $(WASM) -p nato-georgia-web $(ISLANDS:%=-p nato-georgia-%) \
		--features nato-georgia-web/hydrate,$(subst $(eval) ,$(comma),$(ISLANDS:%=nato-georgia-%/hydrate)) -- -D warnings
	$(CLIPPY) -p nato-georgia-estimator $(WASM) -- -D warnings

## test-native: the native crates' tests, then the API's tests again on PostgreSQL (each in a
## throwaway cluster of its own; tests/instances.rs runs two instances on one either way)
test-native: check-content postgres
	cargo test --locked -p nato-georgia-content -p nato-georgia-checks -p nato-georgia-api --features nato-georgia-checks/strength
	cargo test --locked -p nato-georgia -p nato-georgia-web
	NATO_API_TEST_DATABASE=postgres cargo test --locked -p nato-georgia-api --features nato-georgia-checks/strength \
		--test api --test abuse --test timing --test binary --test mail --test metrics --test soak

## test-wasm: the frame's islands mounted in headless Chromium (islands/frame/tests/)
test-wasm: tools browser
	cargo test --locked -p nato-georgia-frame --features hydrate --target wasm32-unknown-unknown

## test-html: every page of both builds (at the root and under /x/) is valid HTML, to the W3C's
## Nu checker (the npm vnu-jar, on Debian's Java runtime)
test-html: dist dist-subpath java
	java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html dist $(SUBPATH_DIST)
	@echo "test-html: every page of dist/ and $(SUBPATH_DIST)/ is valid HTML"

test-e2e: dist dist-subpath api-build browser
	playwright test --config tests/e2e/playwright.config.js

## test-engines: the core journeys in Firefox ESR and WebKitGTK (tests/engines/)
test-engines: dist api-build browser
	node --test --test-reporter=spec tests/engines/

## bench: Lighthouse, axe and keystroke latency for the release build, against the static floor;
## then the API's figures (bench-api)
bench: dist browser bench/node_modules/.installed bench-api
	node bench/run.mjs

## soak: ten minutes of steady mixed traffic against the API's release build, with the figures
## (api/tests/soak.rs; make test runs one minute of it on a debug build)
soak:
	NATO_API_SOAK_SECONDS=600 cargo test --locked --release -p nato-georgia-api --features nato-georgia-checks/strength \
		--test soak -- --nocapture

## bench-api: the API's release build on loopback — known against unknown addresses per endpoint,
## peak memory under a burst of registrations, how long a half-sent request is held
bench-api:
	cargo bench --locked -p nato-georgia-api --bench abuse

test-budgets: dist browser bench/node_modules/.installed
	node bench/budgets.mjs

bench/node_modules/.installed: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	touch $@

## check-content: the editors' check of public/content/georgia.json (errors and gaps)
check-content:
	cargo run --locked --quiet -p nato-georgia-content --bin check-content -- public/content/georgia.json

rust:
	scripts/setup.sh rust

tools:
	scripts/setup.sh tools

browser:
	scripts/setup.sh browser

postgres:
	scripts/setup.sh postgres

java:
	scripts/setup.sh java
