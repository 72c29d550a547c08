# Two commands matter: `make run` and `make test`. Everything else is a step they share.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
WORKLOCAL := $(VENV)/bin/worklocal
INSTALLED := $(VENV)/.installed
# Front-end packages from the npm registry (package-lock.json), served by the service itself.
NODE_INSTALLED := node_modules/.installed
# GOV.UK Frontend and the service's own pieces, compiled from the npm package (no CDN).
STYLES := build/assets/styles.css
PYTHON ?= $(shell scripts/find-python310)

.PHONY: run test test-fast install setup test-services stop-test-services lint format bench bench-load bench-search bench-conversations bench-safeguarding bench-insight nlu-eval clean

run: install  ## set up (database, demo data, model if stale) and start the whole service
	$(WORKLOCAL) run

test: install test-services  ## set up the same way and run the whole test suite
	scripts/test.sh

test-fast: install  ## the inner loop: lint and every test that needs no running stack (~3 min)
	$(VENV)/bin/ruff check . && $(VENV)/bin/lint-imports --no-cache && $(VENV)/bin/python -m pytest -q -m "not e2e"

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.10 is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel

$(INSTALLED): pyproject.toml requirements/constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[test]'
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the pages' styles and the console's charts (Node 20: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STYLES): bot/assets/styles.scss $(NODE_INSTALLED)
	@mkdir -p $(@D)
	node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules --quiet-deps $< $@

install: $(INSTALLED) $(NODE_INSTALLED) $(STYLES)

setup: install
	$(WORKLOCAL) setup

test-services:
	scripts/test-services.sh

stop-test-services:
	scripts/test-services.sh stop

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check bot actions tests bench
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format bot actions tests bench

bench: install  ## turn latency and catalogue search; writes docs/benchmarks.md
	$(PY) bench/turn_latency.py
	$(PY) bench/catalogue_search.py

bench-load: install  ## many residents through the gateway vs a plain `rasa init` bot (~10 min)
	$(WORKLOCAL) train
	$(PY) bench/load.py

nlu-eval: install  ## NLU cross-validation (intent and entity F1), about 10 minutes
	$(PY) bench/nlu_eval.py

bench-search: install  ## catalogue search only (10k, 100k, 1M rows: about 15 minutes)
	$(PY) bench/catalogue_search.py

bench-conversations: install  ## the conversation suite (tests/e2e/conversations.yml) end to end, about 2 minutes
	$(PY) bench/conversations.py

bench-safeguarding: install  ## crisis recognition on the labelled safeguarding set (about 2 minutes)
	$(PY) bench/safeguarding.py

bench-insight: install test-services  ## the officers' insight over a year of events, SQLite and PostgreSQL (about 5 minutes)
	set -a && . var/test-services/env && set +a && $(PY) bench/insight.py

clean:
	rm -rf var models .rasa .pytest_cache .ruff_cache build
