# Every target sets up what it needs: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: site check test lint typecheck unit golden clean serve

site: $(RUNTIME)
	$(BIN)/timeline build

check: $(RUNTIME)
	$(BIN)/timeline check

test: $(DEV) lint typecheck unit

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV)
	$(BIN)/mypy --strict generator

unit: $(DEV)
	$(BIN)/pytest

# Rewrites the golden test's expected output; review the diff before committing it.
golden: $(DEV)
	$(BIN)/python -m tests.golden_update

clean:
	rm -rf site .cache .site.old .site.new-*

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed; set PYTHON=python3.11 or newer" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(RUNTIME)
