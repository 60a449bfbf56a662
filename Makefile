# sigmint: `make demo` shows the main job end to end, `make test` runs every test.
# Both set up what they need themselves (Rust targets, cbindgen, a Python venv, Debian packages).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := $(CURDIR)/.venv
TOOLS := $(CURDIR)/.tools
CBINDGEN_VERSION := 0.29.4
CARGO_FUZZ_VERSION := 0.13.2
# Seconds each fuzz target runs in `make fuzz-smoke` (part of `make test`).
FUZZ_SMOKE_SECONDS ?= 15
NOSTD_TARGET := thumbv7em-none-eabihf
EMBEDDED_TARGETS := thumbv7m-none-eabi thumbv6m-none-eabi riscv32imc-unknown-none-elf
# Budgets, in bytes, enforced: flash sigmint-core adds to a Cortex-M3 image, all of it and
# signing only (default build; size-first build with sha2's compact backend), and the stack of
# core's deepest call.
FLASH_BUDGET_DEFAULT ?= 36864
FLASH_BUDGET_SIZE_FIRST ?= 28672
FLASH_BUDGET_DEFAULT_SIGNING ?= 16384
FLASH_BUDGET_SIZE_FIRST_SIGNING ?= 10240
STACK_BUDGET ?= 2048
export PATH := $(TOOLS)/bin:$(PATH)

BENCH_OUT := $(CURDIR)/target/bench

# The targets the C ABI promises (DESIGN.md), each built as a static library by `make test`.
CROSS_TARGETS := aarch64-linux-android x86_64-linux-android aarch64-apple-ios armv7-unknown-linux-gnueabihf
FIRMWARE_TARGETS := thumbv7m-none-eabi thumbv7em-none-eabihf
APT_NEED := $(CURDIR)/scripts/apt-need

.PHONY: bench demo test test-rust test-nostd test-c test-cross test-install test-kotlin test-python \
        test-sandbox embedded firmware-c install lint setup-python setup-cbindgen setup-c setup-embedded \
        setup-cross setup-fuzz fuzz-smoke test-wheel test-typing miri

demo: setup-python setup-c
	@ts=$$(date +%s%3N); \
	export FONBNK_CLIENT_ID=demo-client-id FONBNK_CLIENT_SECRET=c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0= FONBNK_TIMESTAMP_MS=$$ts; \
	echo "POST /api/v2/user/tokens {\"email\":\"testuser+ng@fonbnk.com\",\"countryIsoCode\":\"NG\"} at $$ts ms"; \
	cargo run -q --release -p sigmint-core --example fonbnk_demo; \
	$(MAKE) -s -C ffi-c demo; \
	$(VENV)/bin/python ffi-python/examples/fonbnk_demo.py
	$(call with-sandbox,echo "sigmint sandbox at $$SANDBOX_URL: the Python and C clients round trip"; \
	  $(VENV)/bin/python ffi-python/examples/sandbox_demo.py "$$SANDBOX_URL"; \
	  $(MAKE) -s -C ffi-c sandbox-demo SANDBOX_URL="$$SANDBOX_URL")

test: lint test-rust test-nostd test-c test-cross test-install test-kotlin test-python test-typing \
      test-sandbox embedded firmware-c fuzz-smoke
	@echo "make test: all suites passed"

# `make install PREFIX=DIR`: the C library, its header, module map and pkg-config file.
PREFIX ?= /usr/local
install: setup-cbindgen
	$(MAKE) -C ffi-c install PREFIX=$(PREFIX)

# Core's feature combinations that matter: none (signing only), jwt, the default, serde.
CORE_FEATURE_SETS := --no-default-features "--no-default-features --features jwt" "--features serde" "--features compact,error-text"

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	for f in $(CORE_FEATURE_SETS); do cargo clippy -p sigmint-core --all-targets $$f -- -D warnings; done
	RUSTDOCFLAGS="-D warnings" cargo doc -p sigmint-core --no-deps --all-features

test-rust:
	cargo test -p sigmint-core -p sigmint-ffi -p sigmint-tests -p sigmint-codegen
	for f in $(CORE_FEATURE_SETS); do cargo test -p sigmint-core $$f; done
	cargo build -p sigmint-benches --benches

test-nostd:
	rustup target add $(NOSTD_TARGET)
	for f in "" $(CORE_FEATURE_SETS); do cargo build -p sigmint-core --release --target $(NOSTD_TARGET) $$f; done

setup-cbindgen:
	@if [ "$$(cbindgen --version 2>/dev/null)" != "cbindgen $(CBINDGEN_VERSION)" ]; then \
	  cargo install --locked --root $(TOOLS) cbindgen --version $(CBINDGEN_VERSION); fi

# The C tests read the JSON vectors with cJSON; clang builds them with sanitizers.
setup-c:
	@$(APT_NEED) libcjson-dev clang libclang-rt-14-dev

test-c: setup-cbindgen setup-c
	$(MAKE) -C ffi-c test test-sanitizers

# Cross builds: every target's libsigmint.a as the README gives its command, then the C tests
# on an emulated armv7 Linux terminal (Debian's cross gcc, the armhf cJSON, qemu-user).
setup-cross:
	rustup target add $(CROSS_TARGETS)
	@$(APT_NEED) gcc-arm-linux-gnueabihf libc6-dev-armhf-cross libcjson-dev:armhf qemu-user

test-cross: setup-cross setup-cbindgen
	@for t in $(CROSS_TARGETS); do \
	  cargo rustc --quiet -p sigmint-ffi --release --target $$t --crate-type staticlib; \
	  echo "target=$$t libsigmint.a bytes=$$(stat -c %s target/$$t/release/libsigmint.a)"; \
	done
	$(MAKE) -C ffi-c test-armv7

# Installed as users install it, and built against from pkg-config alone (ffi-c/tests/install.sh).
test-install: setup-cbindgen
	@$(APT_NEED) pkg-config cmake clang
	ffi-c/tests/install.sh $(CURDIR)/target/install-test

test-kotlin:
	$(MAKE) -C ffi-kotlin test

# The package is built once as the wheel users get (abi3: one for CPython 3.9 and later), and
# installed from it.
WHEELS := $(CURDIR)/target/wheels
setup-python:
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r ffi-python/requirements-dev.txt
	rm -rf $(WHEELS)
	$(VENV)/bin/maturin build --quiet --release -m ffi-python/Cargo.toml -o $(WHEELS)
	$(VENV)/bin/pip install -q --force-reinstall --no-deps $(WHEELS)/sigmint-*-abi3-*.whl

test-python: setup-python
	$(VENV)/bin/python -m pytest -q ffi-python/tests
	$(MAKE) test-wheel

# The wheel in a fresh venv with no Rust toolchain on PATH: it installs and passes the suite.
WHEEL_VENV := $(CURDIR)/target/wheel-venv
NO_RUST_PATH := $(shell printf '%s' "$$PATH" | tr ':' '\n' | grep -v -e '\.cargo' -e '\.rustup' -e '$(TOOLS)' | paste -sd:)
test-wheel:
	rm -rf $(WHEEL_VENV)
	env PATH="$(NO_RUST_PATH)" $(PYTHON) -m venv $(WHEEL_VENV)
	env PATH="$(NO_RUST_PATH)" sh -c '! command -v cargo && ! command -v rustc' >/dev/null
	env PATH="$(NO_RUST_PATH)" $(WHEEL_VENV)/bin/pip install -q -r ffi-python/requirements-dev.txt \
	  $(WHEELS)/sigmint-*-abi3-*.whl
	cd /tmp && env PATH="$(NO_RUST_PATH)" $(WHEEL_VENV)/bin/python -m pytest -q -p no:cacheprovider \
	  $(CURDIR)/ffi-python/tests

# Typing: mypy --strict on the package sources (with the _sigmint.pyi stub), on the examples and
# on tests/typing_examples.py (the READMEs' Python, against the installed wheel and its py.typed),
# and stubtest comparing the stub with the compiled module.
test-typing: setup-python
	cd ffi-python/python && $(VENV)/bin/python -m mypy --strict -p sigmint
	$(VENV)/bin/python -m mypy --strict ffi-python/examples/*.py ffi-python/tests/typing_examples.py
	$(VENV)/bin/python -m mypy.stubtest sigmint --allowlist ffi-python/stubtest-allowlist.txt

# Integration: `sigmint sandbox` as its own process, the Python clients and the C (libcurl)
# example against it. (The Python tests also run it in-process, with requests and httpx.)
test-sandbox: setup-python setup-cbindgen setup-c
	$(call with-sandbox,$(VENV)/bin/python ffi-python/examples/sandbox_demo.py "$$SANDBOX_URL" >/dev/null; \
	  $(MAKE) -C ffi-c sandbox-test SANDBOX_URL="$$SANDBOX_URL")

# The sandbox's documented demo credentials (sigmint.sandbox.DEMO_*, which
# ffi-python/tests/test_sandbox.py compares with these copies), exported for the clients.
SANDBOX_CREDENTIALS := FONBNK_CLIENT_ID=demo-client-id \
  FONBNK_CLIENT_SECRET=c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0= \
  SFOX_API_KEY=sfox-sandbox-demo-api-key \
  MYGIRO_TOKEN=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzaWdtaW50LWRlbW8iLCJpYXQiOjE3NjU0NTQwNzN9.vwl2OXNp9PnhmBaUIubgT-fD-fVUKPnmS0Bq7Tq8dVA \
  MYGIRO_TAG=sigmint-demo

# $(call with-sandbox,COMMANDS): starts `sigmint sandbox` on a free port in the background,
# runs COMMANDS (no commas) with SANDBOX_URL and the demo credentials exported, then stops
# the sandbox, even when COMMANDS fail (and then shows its log).
define with-sandbox
	@log=$$(mktemp); url=; \
	$(VENV)/bin/sigmint sandbox --port 0 >$$log 2>&1 & pid=$$!; \
	trap 'rc=$$?; kill $$pid 2>/dev/null || true; wait $$pid 2>/dev/null || true; \
	  if [ $$rc -ne 0 ]; then echo "--- sigmint sandbox log:" >&2; cat $$log >&2; fi; rm -f $$log' EXIT; \
	for _ in $$(seq 100); do \
	  url=$$(grep -o -m1 'http://[^ ]*' $$log || true); \
	  if [ -n "$$url" ] || ! kill -0 $$pid 2>/dev/null; then break; fi; sleep 0.1; \
	done; \
	if [ -z "$$url" ]; then echo "sigmint sandbox did not start" >&2; exit 1; fi; \
	export SANDBOX_URL=$$url $(SANDBOX_CREDENTIALS); \
	$(1)
endef

setup-embedded:
	rustup target add $(EMBEDDED_TARGETS)
	rustup component add llvm-tools
	@$(APT_NEED) qemu-system-arm

# C firmware on an emulated Cortex-M3: the no_std libsigmint.a for thumbv7m (and thumbv7em,
# linked, not run) with arm-none-eabi-gcc, no libc, no heap (firmware/c).
firmware-c:
	rustup target add $(FIRMWARE_TARGETS)
	@$(APT_NEED) gcc-arm-none-eabi qemu-system-arm
	$(MAKE) -C firmware/c test

# Core's vector suite on an emulated Cortex-M3 (QEMU lm3s6965evb), flash and stack checked
# against the budgets above; also built for thumbv6m and riscv32imc. See firmware/embedded.sh.
embedded: setup-embedded
	cd firmware && cargo fmt -- --check && cargo clippy --locked --release --bins -- -D warnings
	FLASH_BUDGET_DEFAULT=$(FLASH_BUDGET_DEFAULT) FLASH_BUDGET_SIZE_FIRST=$(FLASH_BUDGET_SIZE_FIRST) \
	  FLASH_BUDGET_DEFAULT_SIGNING=$(FLASH_BUDGET_DEFAULT_SIGNING) \
	  FLASH_BUDGET_SIZE_FIRST_SIGNING=$(FLASH_BUDGET_SIZE_FIRST_SIGNING) \
	  STACK_BUDGET=$(STACK_BUDGET) firmware/embedded.sh

# Every cargo-fuzz target (fuzz/fuzz_targets) for FUZZ_SMOKE_SECONDS from a corpus seeded from
# tests/vectors: a finding fails the run. The long campaigns are run by hand (fuzz/README.md).
FUZZ_TARGETS = $(basename $(notdir $(wildcard fuzz/fuzz_targets/*.rs)))
setup-fuzz:
	@if [ "$$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $(CARGO_FUZZ_VERSION)" ]; then \
	  cargo install --locked --root $(TOOLS) cargo-fuzz --version $(CARGO_FUZZ_VERSION); fi

fuzz-smoke: setup-fuzz
	$(PYTHON) fuzz/seed.py
	cd fuzz && cargo +nightly fuzz build
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SMOKE_SECONDS) -print_final_stats=1 2>&1 | \
	    awk -v t=$$t '/stat::number_of_executed_units/ {print "fuzz=" t " runs=" $$2} /SUMMARY|panicked/ {print; bad=1} END {exit bad}' \
	    || { echo "fuzz-smoke: $$t found a failure (fuzz/artifacts/$$t)"; exit 1; }; \
	done

# Core's unit tests under Miri (undefined behaviour, out-of-bounds and uninitialized reads in
# core and the crates it uses). Not part of `make test`: it takes about 40 minutes on two cores.
# The exhaustive tests are skipped under Miri (#[cfg_attr(miri, ignore)]); proptests run 16 cases.
miri:
	rustup component add --toolchain nightly miri rust-src
	MIRIFLAGS=-Zmiri-disable-isolation PROPTEST_CASES=16 cargo +nightly miri test -p sigmint-core --all-features --lib

# Benchmarks (not part of `make test`, which only compiles them): criterion groups with their
# peers, the interleaved side-by-side race (benches/benches/interleaved.rs), the Python race
# (sigmint.jwt against the PyJWT-compatible peers pinned in benches/python/requirements.txt,
# each installed into its own directory), the sandbox under load (requests/s and p99 at 50
# clients) and the C timing program; writes benches/RESULTS.md.
bench: setup-python setup-c
	mkdir -p $(BENCH_OUT)
	cargo bench -p sigmint-benches --bench sigmint -- --noplot
	cargo bench -p sigmint-benches --bench interleaved -- $(BENCH_OUT)/interleaved.json
	cargo build --release -p sigmint-ffi
	cc -O2 -std=c99 -Iffi-c/include benches/c/sign_bench.c target/release/libsigmint.a -lpthread -ldl -lm -o $(BENCH_OUT)/sign_bench
	$(BENCH_OUT)/sign_bench > $(BENCH_OUT)/c.json
	for peer in oxyjwt pyjwt-rs PyJWT; do \
	  [ -d $(BENCH_OUT)/peers/$$peer ] || $(VENV)/bin/pip install -q --target $(BENCH_OUT)/peers/$$peer \
	    -c benches/python/requirements.txt $$peer || exit 1; \
	done
	$(VENV)/bin/python benches/python/bench.py $(BENCH_OUT)/python.json
	$(VENV)/bin/python benches/python/load.py $(BENCH_OUT)/load.json
	$(VENV)/bin/python benches/report.py target/criterion $(BENCH_OUT)/python.json $(BENCH_OUT)/c.json benches/RESULTS.md \
	  $(BENCH_OUT)/load.json --interleaved $(BENCH_OUT)/interleaved.json --readme README.md
