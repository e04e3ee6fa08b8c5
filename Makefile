# Every target sets up what it needs: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
# npm packages: TimelineJS for the site; the validators for the tests as well.
NODE_SITE := node_modules/.site-installed
NODE_ALL := node_modules/.all-installed

.PHONY: site check test quick lint typecheck unit golden clean serve chromium java fonts publish bench hugo

# BASE_URL=https://… overrides site.yaml's base_url (the Pages workflow passes the real address).
site: $(RUNTIME) $(NODE_SITE)
	$(BIN)/timeline $(if $(BASE_URL),--base-url "$(BASE_URL)") build

# Preview at http://127.0.0.1:8000/ with live reload; HOST=0.0.0.0 or PORT=8080 to change.
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(RUNTIME) $(NODE_SITE)
	$(BIN)/timeline serve --host $(HOST) --port $(PORT)

# Builds site/ without drafts (as `make site`, BASE_URL too), commits it to a branch and pushes it;
# PUBLISH_REMOTE=upstream or PUBLISH_BRANCH=pages to change. `timeline publish` builds by itself,
# so that what it pushes is what that build makes, whatever wrote into site/ before.
PUBLISH_REMOTE ?= origin
PUBLISH_BRANCH ?= gh-pages
publish: $(RUNTIME) $(NODE_SITE)
	$(BIN)/timeline $(if $(BASE_URL),--base-url "$(BASE_URL)") publish \
		--remote $(PUBLISH_REMOTE) --branch $(PUBLISH_BRANCH)

# The benchmark (about 15 minutes on 2 cores at BENCH_REPEAT=5): corpora of 1,000 and 10,000
# events, our build, Pelican's and Hugo's. BENCH_N=100000 adds a 100,000-event run (about 4 more
# minutes, 7 GB of memory). Writes bench/results.json and prints every target of the issue beside
# its figure (bench/targets.py); Chromium measures what a first search downloads (bench/reader.py).
BENCH_SIZES ?= 1000,10000
BENCH_REPEAT ?= 5
bench: $(DEV) $(NODE_SITE) hugo chromium
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES) --repeat $(BENCH_REPEAT)

# The benchmark's peer, Debian's Hugo; Pelican gets its own venv in bench/.work/venv-pelican.
# Neither is ever a dependency of `make site`.
hugo:
	@command -v hugo >/dev/null 2>&1 || { \
		echo "Installing Debian's hugo for the benchmark"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq hugo >/dev/null; }

check: $(RUNTIME)
	$(BIN)/timeline check

test: $(DEV) $(NODE_ALL) chromium java lint typecheck unit

# While you work: the tests marked neither `browser` (Chromium, the Nu checker) nor `slow`
# (pyproject.toml says which is which), about a minute; `make test` runs them all.
quick: $(DEV) $(NODE_ALL)
	$(BIN)/pytest $(PYTEST_WORKERS) -m "not browser and not slow"

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet --min-severity medium .github/workflows

typecheck: $(DEV)
	$(BIN)/mypy --strict generator

# On every core, each test module on one worker (its fixtures are made once), in the order
# tests/conftest.py gives them: xdist's reordering by number of tests would start the longest
# modules, which have few tests, last.
PYTEST_WORKERS ?= -n auto --dist loadscope --no-loadscope-reorder
unit: $(DEV) $(NODE_ALL) | fonts
	$(BIN)/pytest $(PYTEST_WORKERS)

# Rewrites the golden test's expected output; review the diff before committing it.
golden: $(DEV)
	$(BIN)/python -m tests.golden_update

# The browser tests drive Debian's Chromium (Playwright's own download does not work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Debian's Noto fonts, so that Chromium draws Devanagari and Arabic script (Noto Nastaliq Urdu)
# in the screenshots and font checks of the Hindi and Urdu pages rather than empty boxes.
fonts:
	@dpkg -s fonts-noto-core >/dev/null 2>&1 || { \
		echo "Installing Debian's fonts-noto-core for the Hindi and Urdu browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-core >/dev/null; }

# The Nu HTML Checker (npm vnu-jar) runs on Java.
java:
	@command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's Java runtime for the Nu HTML Checker"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

clean:
	rm -rf site .cache .site.old .site.new-*

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed; set PYTHON=python3.11 or newer" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(NODE_SITE): package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_ALL): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ $(NODE_SITE)

$(RUNTIME): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(RUNTIME)
