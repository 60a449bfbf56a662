# sigmint: `make demo` shows the main job end to end, `make test` runs every test.
# Both set up what they need themselves (Rust targets, cbindgen, a Python venv, Debian packages).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := $(CURDIR)/.venv
TOOLS := $(CURDIR)/.tools
CBINDGEN_VERSION := 0.29.4
NOSTD_TARGET := thumbv7em-none-eabihf
export PATH := $(TOOLS)/bin:$(PATH)

.PHONY: demo test test-rust test-nostd test-c test-python lint setup-python setup-cbindgen setup-c

demo: setup-python setup-c
	@ts=$$(date +%s%3N); \
	export FONBNK_CLIENT_ID=demo-client-id FONBNK_CLIENT_SECRET=c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0= FONBNK_TIMESTAMP_MS=$$ts; \
	echo "POST /api/v2/user/tokens {\"email\":\"testuser+ng@fonbnk.com\",\"countryIsoCode\":\"NG\"} at $$ts ms"; \
	cargo run -q --release -p sigmint-core --example fonbnk_demo; \
	$(MAKE) -s -C ffi-c demo; \
	$(VENV)/bin/python ffi-python/examples/fonbnk_demo.py

test: lint test-rust test-nostd test-c test-python
	@echo "make test: all suites passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc -p sigmint-core --no-deps

test-rust:
	cargo test -p sigmint-core -p sigmint-ffi -p sigmint-tests
	cargo build -p sigmint-benches --benches

test-nostd:
	rustup target add $(NOSTD_TARGET)
	cargo build -p sigmint-core --release --target $(NOSTD_TARGET)

setup-cbindgen:
	@if [ "$$(cbindgen --version 2>/dev/null)" != "cbindgen $(CBINDGEN_VERSION)" ]; then \
	  cargo install --locked --root $(TOOLS) cbindgen --version $(CBINDGEN_VERSION); fi

# The C tests read the JSON vectors with cJSON.
setup-c:
	@if ! [ -f /usr/include/cjson/cJSON.h ]; then \
	  (apt-get update -qq && apt-get install -y -qq libcjson-dev) >/dev/null; fi

test-c: setup-cbindgen setup-c
	$(MAKE) -C ffi-c test

setup-python:
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r ffi-python/requirements-dev.txt
	$(VENV)/bin/pip install -q ./ffi-python

test-python: setup-python
	$(VENV)/bin/python -m pytest -q ffi-python/tests
