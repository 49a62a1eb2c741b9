# The two commands a newcomer needs: `make serve` and `make test`. Both install what is missing
# first (scripts/setup.sh), so they work on a fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

SUBPATH_DIST := target/dist-subpath

.PHONY: serve dist dist-subpath test test-native test-wasm test-e2e check-content tools browser

## serve: the site with live reload on http://127.0.0.1:8080
serve: tools
	trunk serve

## dist: the release build, ready to deploy, in dist/
dist: tools
	trunk build --release

## dist-subpath: the same build for a deployment under /x/ (used by the tests)
dist-subpath: tools
	trunk build --release --public-url /x/ --dist $(SUBPATH_DIST)

## test: every test — native unit tests, wasm tests in Chromium, end-to-end tests in Chromium
test: tools browser test-native test-wasm test-e2e

test-native: check-content
	cargo test --locked -p nato-georgia-content -p nato-georgia-checks --features nato-georgia-checks/strength

test-wasm: tools browser
	cargo test --locked -p nato-georgia --target wasm32-unknown-unknown

test-e2e: dist dist-subpath browser
	playwright test --config tests/e2e/playwright.config.js

## check-content: the editors' check of public/content/georgia.json (errors and gaps)
check-content:
	cargo run --locked --quiet -p nato-georgia-content --bin check-content -- public/content/georgia.json

tools:
	scripts/setup.sh tools

browser:
	scripts/setup.sh browser
