# Careplan: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
STAMP := $(VENV)/.installed
PWA_STAMP := pwa/node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-python test-pwa lint bench pwa-build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(PWA_STAMP): pwa/package.json pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund
	touch $@

## install: the venv, Python and npm dependencies, and the built app (nothing started)
install: $(STAMP) $(PWA_STAMP) pwa-build

pwa-build: $(STAMP) $(PWA_STAMP)
	cd pwa && npm run --silent gen:api && npm run --silent build

## run: migrate, load demo data and serve on http://$(HOST):$(PORT) with the dev phone
run: install
	@export CAREPLAN_DEV_PHONE=1 CAREPLAN_PUBLIC_URL=$${CAREPLAN_PUBLIC_URL:-http://$(HOST):$(PORT)}; \
	$(BIN)/careplan migrate && \
	$(BIN)/careplan demo && \
	echo && echo "Careplan:  $$CAREPLAN_PUBLIC_URL/" && \
	echo "Dev phone: $$CAREPLAN_PUBLIC_URL/dev-phone/  (read sign-in codes here)" && \
	echo "API docs:  $$CAREPLAN_PUBLIC_URL/schema" && echo && \
	exec $(BIN)/careplan serve --host $(HOST) --port $(PORT)

## test: everything — Python on SQLite and PostgreSQL, API fuzzing, the PWA in Chromium
test: install test-python test-pwa

test-python: $(STAMP)
	$(BIN)/python -m pytest tests -n 2

test-pwa: pwa-build
	cd pwa && npm run --silent typecheck && npm test --silent && npm run --silent test:e2e

lint: $(STAMP) $(PWA_STAMP)
	$(BIN)/ruff check server tests
	$(BIN)/ruff format --check server tests
	cd pwa && npm run --silent typecheck

bench: install
	@command -v wrk >/dev/null || (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null))
	$(BIN)/python -m tests.bench.bench_me
	$(BIN)/python -m tests.bench.bench_today
	$(BIN)/python -m tests.bench.bench_dispatch
	$(BIN)/python -m tests.bench.bench_due
	$(BIN)/python -m tests.bench.bench_inbound

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist careplan.db careplan.db-wal careplan.db-shm
