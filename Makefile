# sector-charts. `make serve` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# The build's npm tools, pinned in scripts/package.json. binaryen: Debian's wasm-opt 108 corrupts
# the externref table that wasm-bindgen 0.2.130 emits (WebAssembly.Table.set fails at start-up).
WASM_OPT := scripts/node_modules/.bin/wasm-opt
TERSER := scripts/node_modules/.bin/terser
WASM_OPT_FLAGS := -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers

# Bytes gzipped that one widget may load (scripts/size.sh): a regression guard just above
# today's size on the design card's stack (docs/performance.md: what each package costs, and the
# goal of 140 KiB that it misses).
SIZE_BUDGET_KIB := 227

.PHONY: setup build package serve test test-native test-browser test-e2e test-size lint bench clean

setup:
	@scripts/setup.sh

# Panic locations name the crates' files: under /cargo/, not this machine's cargo folder (the
# .wasm is shipped, in www/ and in the npm package).
CARGO_HOME ?= $(HOME)/.cargo
REMAP := --remap-path-prefix=$(CARGO_HOME)=/cargo

# One package in $(1): wasm-pack (cargo arguments $(2)), then wasm-opt on its .wasm and terser on
# its glue.
define build_package
	RUSTFLAGS="$(RUSTFLAGS) $(REMAP)" wasm-pack build --release --target web --out-dir $(1) --out-name sector_charts $(2)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(1)/sector_charts_bg.wasm -o $(1)/sector_charts_bg.wasm
	$(TERSER) $(1)/sector_charts.js --module --compress --mangle -o $(1)/sector_charts.js
	@rm -f $(1)/README.md $(1)/package.json
	@ls -l $(1)/sector_charts_bg.wasm | awk '{print "built " $$NF ": " $$5 " bytes"}'
endef

# The explorer's package (index.html), then the widget's (embed.js): built last, so that
# target/ holds the widget's .wasm, which bench/run.mjs profiles. Then www/embed.js, minified
# from src/embed.js, with a source map that only developer tools fetch; and www/widget.css,
# minified from src/widget.css.
build: setup
	$(call build_package,www/pkg-explorer,-- --features explorer)
	$(call build_package,www/pkg,)
	$(TERSER) src/embed.js --module --compress --mangle \
		--source-map "url='embed.js.map',includeSources" -o www/embed.js
	node scripts/minify-css.mjs src/widget.css www/widget.css

# The npm package (scripts/package.mjs): www/pkg/, www/widget.css and src/embed.js with their
# types, README and licence, packed by npm pack into target/package/sector-charts-VERSION.tgz.
package: build
	node scripts/package.mjs

serve: build
	@echo "Serving the explorer on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	node tests/e2e/server.mjs www $(PORT)

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --features explorer -- -D warnings

test-native:
	cargo test

test-browser:
	wasm-pack test --headless --chrome

# package: tests/e2e/package.test.mjs installs the tarball into a fresh Vite project.
test-e2e: package
	cd tests/e2e && node --test --test-concurrency=1

test-size: build
	scripts/size.sh --budget $(SIZE_BUDGET_KIB)

# Cheap checks first, so a formatting slip fails in seconds, not after the browser builds.
test: setup lint test-native test-browser test-size test-e2e

bench: build
	cd bench && node run.mjs

clean:
	cargo clean
	rm -rf www/pkg www/pkg-explorer www/embed.js www/embed.js.map www/widget.css \
		scripts/node_modules tests/e2e/node_modules
