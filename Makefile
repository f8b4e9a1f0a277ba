# Two commands do all set-up on a fresh machine: `make serve` to preview, `make test` to check
# (`make check` is the quick check to run while writing).
# Everything else (virtualenv, pinned packages, browser, npm tools) is installed on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test bench clean browser dist nginx

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# The preview is not strict: a broken link shows as a WARNING line and the preview keeps running.
# Strict mode is given on the command line of every build that checks (build, check, test, dist),
# not in mkdocs.yml, where it would stop the preview too. PREVIEW is the host:port it listens on.
PREVIEW ?= 127.0.0.1:8000
# The site's own path (/insulin-pumps/ from site_url in mkdocs.yml): the preview serves it there.
SITE_PATH = $(shell $(BIN)/python -c "from mkdocs.config import load_config; from urllib.parse import urlsplit; print(urlsplit(load_config().site_url).path)")

serve: $(VENV)/.site-installed ## preview the site; prints the address to open; reloads on every save
	@echo "Preview: open http://$(PREVIEW)$(SITE_PATH) in your browser. It reloads when you save a page,"
	@echo "an include (includes/) or a template (overrides/). Stop it with Ctrl+C."
	$(BIN)/mkdocs serve --dev-addr $(PREVIEW) --watch includes --watch overrides

# checks.data_files reads the educator's lists in tests/data/ and names any slip in them.
# checks.build prints only MkDocs' warnings, each with what to fix, and stops there: when the build
# fails nothing else is run. make check and make test then check the same built site (CHECKED_SITE).
CHECKED_SITE := site

build: $(VENV)/.site-installed ## strict build into site/
	@$(BIN)/python -m checks.build $(CHECKED_SITE)

check: $(VENV)/.test-installed ## quick check while writing: strict build and every check that needs no browser
	@$(BIN)/python -m checks.data_files
	@$(BIN)/python -m checks.build $(CHECKED_SITE)
	@CHECKED_SITE=$(abspath $(CHECKED_SITE)) $(BIN)/pytest -q -m "not browser and not tooling"

test: $(VENV)/.test-installed node_modules/.installed browser nginx ## build the site and run every check
	@$(BIN)/python -m checks.data_files
	@$(BIN)/python -m checks.build $(CHECKED_SITE)
	@CHECKED_SITE=$(abspath $(CHECKED_SITE)) $(BIN)/pytest

# The offline copy: the site built with Material's offline plugin (pages and search work from disk),
# plus the iframe-worker shim from npm (mkdocs.yml explains why), zipped. Source maps are left out:
# they are for developers. DIST is where the zip goes (the tests write to a temporary folder).
DIST ?= dist
OFFLINE_COPY := insulin-pump-guide

dist: $(VENV)/.site-installed node_modules/.installed ## write the offline copy: dist/insulin-pump-guide.zip
	rm -rf $(DIST)/$(OFFLINE_COPY) $(DIST)/$(OFFLINE_COPY).zip
	OFFLINE=true $(BIN)/python -m checks.build $(abspath $(DIST)/$(OFFLINE_COPY))
	mkdir -p $(DIST)/$(OFFLINE_COPY)/assets/javascripts/iframe-worker
	cp node_modules/iframe-worker/shim/index.js $(DIST)/$(OFFLINE_COPY)/assets/javascripts/iframe-worker/shim.js
	find $(DIST)/$(OFFLINE_COPY) -name '*.map' -delete
	cd $(DIST) && $(abspath $(BIN))/python -c "import shutil; shutil.make_archive('$(OFFLINE_COPY)', 'zip', '.', '$(OFFLINE_COPY)')"
	@echo "Wrote $(DIST)/$(OFFLINE_COPY).zip ($$(du -k $(DIST)/$(OFFLINE_COPY).zip | cut -f1) KB): unzip it and open $(OFFLINE_COPY)/index.html"

# Figures, not pass/fail: build time, transfer per page, search time, Lighthouse (see bench/bench.py).
# Lighthouse is large, so it has its own package.json and is installed here only, never by `make test`.
bench: $(VENV)/.test-installed bench/node_modules/.installed browser ## measure build, page weight, search and Lighthouse; writes bench/results.json
	$(BIN)/python -m bench.bench

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean: ## remove everything the commands create
	rm -rf $(VENV) site dist node_modules bench/node_modules .pytest_cache

$(VENV)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium where it is (or can be installed as root); Playwright's own browser elsewhere.
browser: $(VENV)/.test-installed
	@if [ -x /usr/bin/chromium ]; then \
		echo "Browser: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && apt-get install -y -q chromium; \
	else \
		$(BIN)/playwright install chromium; \
	fi

# Debian's nginx for the hosting test (tests/test_hosting.py runs it with deploy/nginx.conf), installed
# as root where missing, as the container does. Elsewhere the test is skipped (failed in CI).
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then \
		echo "nginx: $$(PATH=$$PATH:/usr/sbin nginx -v 2>&1)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && apt-get install -y -q --no-install-recommends nginx; \
	else \
		echo "nginx is not installed: install Debian's nginx package for the hosting test"; \
	fi
