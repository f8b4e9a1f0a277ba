# Two commands do all set-up on a fresh machine: `make serve` to preview, `make test` to check
# (`make check` is the quick check to run while writing).
# Everything else (virtualenv, pinned packages, browser, npm tools) is installed on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Zensical, Material's successor, has its own virtualenv so that its packages never mix with Material's.
ZENSICAL_VENV := .venv-zensical
# Material 9.8 prints an end-of-life banner on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1
# make check runs after every edit: Python keeps the compiled checks and tests (__pycache__/, not in
# git) so that each run does not compile them again (about a second of make check), even where the
# environment says not to.
unexport PYTHONDONTWRITEBYTECODE
# pa11y (package.json) brings Puppeteer, which would download its own Chrome: the tests' Chromium is used.
export PUPPETEER_SKIP_DOWNLOAD := 1

.PHONY: help serve serve-zh build check test bench clean browser dist offline-copy offline-edition nginx zensical lock outdated sign pages

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# The preview is not strict: a broken link shows as a WARNING line and the preview keeps running.
# Strict mode is given on the command line of every build that checks (build, check, test, dist),
# not in mkdocs.yml, where it would stop the preview too. PREVIEW is the host:port it listens on
# (make serve PREVIEW=127.0.0.1:8001 when port 8000 is busy; checks.preview says so first).
PREVIEW ?= 127.0.0.1:8000
# The site's own path (/insulin-pumps/ from site_url in mkdocs.yml): the preview serves it there.
SITE_PATH = $(shell $(BIN)/python -c "from mkdocs.config import load_config; from urllib.parse import urlsplit; print(urlsplit(load_config().site_url).path)")

serve: $(VENV)/.site-installed ## preview the site; prints the address to open; reloads on every save
	@$(BIN)/python -m checks.preview $(PREVIEW)
	@echo "Preview: open http://$(PREVIEW)$(SITE_PATH) in your browser. It reloads when you save a page,"
	@echo "an include (includes/) or a template (overrides/). Stop it with Ctrl+C."
	@$(BIN)/python -m checks.front_matter --preview
	$(BIN)/mkdocs serve --dev-addr $(PREVIEW) --watch includes --watch overrides

# The Chinese edition (docs-zh/, mkdocs-zh.yml) on its own: its pages, includes/zh/ and the English
# includes it falls back to. Its language switcher links to the English edition, which this preview
# does not serve (run `make serve` for that).
serve-zh: $(VENV)/.site-installed ## preview the Chinese edition (简体中文版) the same way
	@echo "Preview: open http://$(PREVIEW)$(SITE_PATH)zh/ in your browser. It reloads when you save."
	@$(BIN)/python -m checks.front_matter --preview
	$(BIN)/mkdocs serve --config-file mkdocs-zh.yml --dev-addr $(PREVIEW) --watch includes --watch overrides

# checks.sources checks the Markdown and the educator's data files before the build, in one process
# (checks/sources.py lists them): the lists in tests/data/, each page's front matter, editors' slips,
# citations, clinical numbers against tests/data/facts.yml, the translations' records. Each names the
# file and the fix in one sentence, and the first that finds a mistake stops the rest.
# checks.build prints only MkDocs' warnings, each with what to fix, and stops there: when the build
# fails nothing else is run. make check and make test then check the same built site (CHECKED_SITE).
CHECKED_SITE := site
# make test runs the tests in one process per core (pytest-xdist), every worker reading the one site
# built above. Each test goes to whichever worker is free (--dist loadgroup); the tests that share a
# costly fixture (the offline copy, the Zensical build, nginx) go to one worker together, so it is made
# once (tests/conftest.py, SHARED_FIXTURES). make check runs its share of the tests the same way.
PARALLEL := -n auto --dist loadgroup

build: $(VENV)/.site-installed ## strict build of both editions: English into site/, Chinese into site/zh/
	@$(BIN)/python -m checks.build $(CHECKED_SITE)

check: $(VENV)/.test-installed ## quick check while writing: strict build and every check that needs no browser
	@$(BIN)/python -m checks.sources
	@$(BIN)/python -m checks.build $(CHECKED_SITE)
	@CHECKED_SITE=$(abspath $(CHECKED_SITE)) $(BIN)/pytest -q $(PARALLEL) -m "not browser and not tooling and not slow"

test: $(VENV)/.test-installed $(ZENSICAL_VENV)/.installed node_modules/.installed browser nginx ## build the site and run every check
	@$(BIN)/python -m checks.sources
	@$(BIN)/python -m checks.build $(CHECKED_SITE)
	@CHECKED_SITE=$(abspath $(CHECKED_SITE)) $(BIN)/pytest $(PARALLEL)

# The offline copies, one per edition: each built with Material's offline plugin (pages and search
# work from disk), plus the iframe-worker shim from npm (mkdocs.yml explains why), zipped. Source maps
# are left out: they are for developers. DIST is where the zips go (the tests write to a temporary folder).
# `make dist` runs the release check first, like every way out; give it the addresses the copies name
# (SITE_URL=https://.../insulin-pumps/ SITE_URL_ZH=https://.../insulin-pumps/zh/). `make offline-copy`
# makes the same copies without the check, for the tests and a look on your own machine: never hand
# those out.
DIST ?= dist
OFFLINE_COPY := insulin-pump-guide
OFFLINE_COPY_ZH := insulin-pump-guide-zh

dist: release-check ## the release check, then the offline copies: dist/insulin-pump-guide.zip and dist/insulin-pump-guide-zh.zip (中文)
	@$(MAKE) --no-print-directory offline-copy

offline-copy: $(VENV)/.site-installed node_modules/.installed ## the offline copies without the release check (for tests; never hand them out)
	@$(MAKE) --no-print-directory offline-edition EDITION=en COPY=$(OFFLINE_COPY)
	@$(MAKE) --no-print-directory offline-edition EDITION=zh COPY=$(OFFLINE_COPY_ZH)

offline-edition:
	rm -rf $(DIST)/$(COPY) $(DIST)/$(COPY).zip
	OFFLINE=true $(BIN)/python -m checks.build $(abspath $(DIST)/$(COPY)) --edition=$(EDITION)
	mkdir -p $(DIST)/$(COPY)/assets/javascripts/iframe-worker
	cp node_modules/iframe-worker/shim/index.js $(DIST)/$(COPY)/assets/javascripts/iframe-worker/shim.js
	find $(DIST)/$(COPY) -name '*.map' -delete
	cd $(DIST) && $(abspath $(BIN))/python -c "import shutil; shutil.make_archive('$(COPY)', 'zip', '.', '$(COPY)')"
	@echo "Wrote $(DIST)/$(COPY).zip ($$(du -k $(DIST)/$(COPY).zip | cut -f1) KB): unzip it and open $(COPY)/index.html"

# Publishing gate (checks/release.py), run before every way out (GitHub Pages, the container, make dist):
# one line per page and per setting; fails on an unsigned page unless the site is a draft (extra: draft:
# in mkdocs.yml, shown on every page), and always on an overdue or changed page, a file the checks do
# not read, or a placeholder address. It checks each edition (CONFIG: both by default; the Chinese
# pages also need an up-to-date translation and a bilingual review). DRAFT=false or DRAFT=true, given
# here, reaches the build of the same command too (make dist DRAFT=false).
CONFIG ?= mkdocs.yml mkdocs-zh.yml
.PHONY: release-check check-external
release-check: $(VENV)/.site-installed ## the publishing gate: sign-offs, review dates, addresses (SITE_URL=..., SITE_URL_ZH=..., DRAFT=...)
	@status=0; for config in $(CONFIG); do $(BIN)/python -m checks.release --config $$config || status=1; done; exit $$status

# GitHub Pages: the release check, the strict build, then the Content-Security-Policy and referrer
# policy as <meta> tags in every page (Pages sends no headers of ours; deploy/csp_hashes.py).
pages: release-check build ## the site for GitHub Pages, gated, with its CSP in every page (SITE_URL=...)
	@$(BIN)/python deploy/csp_hashes.py --meta $(CHECKED_SITE)

# A clinician has signed a page: record who, when, and a hash of the text they signed (CONTRIBUTING.md,
# "How a page is produced"). The values reach the command as environment variables, so any name is safe.
# It reads the settings of the edition the page belongs to (SIGN_CONFIG names others).
SIGN_CONFIG ?= $(if $(filter docs-zh/%,$(PAGE)),mkdocs-zh.yml,mkdocs.yml)
sign: $(VENV)/.site-installed ## record a sign-off: make sign PAGE=docs/x.md NAME="..." ROLE="..." [DATE=YYYY-MM-DD]
	@$(BIN)/python -m checks.release --config $(SIGN_CONFIG) --sign "$$PAGE" --name "$$NAME" --role "$$ROLE" $(if $(DATE),--date $(DATE))

# Every link to another site in the built pages, fetched (checks/external_links.py): a table of OK,
# moved, broken and unreachable links, each with its page. Needs the network; not part of `make test`.
# EXTERNAL_LINKS_REPORT=file also writes the table to that file (the weekly workflow keeps it).
check-external: build $(VENV)/.test-installed ## fetch every link to another site and report OK, moved, broken or unreachable
	$(BIN)/python -m checks.external_links site $(if $(EXTERNAL_LINKS_REPORT),--report $(EXTERNAL_LINKS_REPORT))

# Figures, not pass/fail: build time, transfer per page, search time, Lighthouse (see bench/bench.py).
# Lighthouse is large, so it has its own package.json and is installed here only, never by `make test`.
bench: $(VENV)/.test-installed $(ZENSICAL_VENV)/.installed bench/node_modules/.installed browser ## measure build (Material and Zensical), page weight, search and Lighthouse; writes bench/results.json
	$(BIN)/python -m bench.bench

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean: ## remove everything the commands create
	rm -rf $(VENV) site dist node_modules bench/node_modules .pytest_cache $(ZENSICAL_VENV) site-zensical .cache

# Installs come from the lock files only (`make lock` writes them), each file checked against its sha256.
$(VENV)/.site-installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

$(VENV)/.test-installed: requirements-test.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium where it is (or can be installed as root); Playwright's own browser elsewhere.
# Two builds of it: the headless shell, which the tests drive (it opens pages for a sixth of the
# desktop browser's processor time: checks/browser.py), and the desktop browser, for the one test
# that needs the back/forward cache and for `make bench`. Playwright's download brings both.
browser: $(VENV)/.test-installed
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then \
		echo "Browser: /usr/bin/chromium-headless-shell (tests), /usr/bin/chromium (back/forward cache, bench)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && apt-get install -y -q chromium chromium-headless-shell; \
	else \
		$(BIN)/playwright install chromium; \
	fi
	@$(MAKE) --no-print-directory cjk-fonts

# A Chinese font for the Chinese edition's browser and PDF tests: without one, Chromium draws empty boxes.
# Debian's fonts-noto-cjk (Noto Sans CJK SC), installed as root where missing; elsewhere, how to get it.
.PHONY: cjk-fonts
cjk-fonts:
	@if fc-list :lang=zh-cn family 2>/dev/null | grep -q .; then \
		echo "Chinese font: $$(fc-match 'sans-serif:lang=zh-cn' family)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && apt-get install -y -q --no-install-recommends fonts-noto-cjk; \
	else \
		echo "No Chinese font: install Debian's fonts-noto-cjk (sudo apt-get install fonts-noto-cjk) or any Noto Sans CJK SC font"; \
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

# --- Zensical and the lock files (README, "Building with Zensical" and "Python packages") -----------

# Zensical, Material's successor, in its own virtualenv (ZENSICAL_VENV, above). Material stays the
# default build; this one builds both editions into site-zensical/ (Chinese in site-zensical/zh/), from a
# copy of the project: Zensical neither follows docs-zh/'s links to docs/stylesheets and the like, nor
# reads INHERIT as MkDocs does (checks/build.py, settings_without_inherit).
zensical: $(VENV)/.site-installed $(ZENSICAL_VENV)/.installed ## strict build of both editions with Zensical (Material's successor) into site-zensical/
	@$(BIN)/python -m checks.build --zensical site-zensical

$(ZENSICAL_VENV)/.installed: requirements-zensical.lock
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.lock
	touch $@

# uv (pinned in requirements-test.txt) resolves from PyPI alone, ignoring any local pip or uv settings,
# for Python 3.11.5 and newer on every platform. Versions already in a lock are kept unless a list
# asks for another, so adding one package changes only what it needs.
LOCK := $(BIN)/uv pip compile --quiet --no-config --index-url https://pypi.org/simple --universal \
	--python-version 3.11.5 --generate-hashes --custom-compile-command "make lock"

lock: $(VENV)/.test-installed ## rewrite the lock files from requirements*.txt (exact versions, sha256 hashes)
	$(LOCK) requirements.txt --output-file requirements.lock
	$(LOCK) requirements-test.txt --output-file requirements-test.lock
	$(LOCK) requirements-zensical.txt --output-file requirements-zensical.lock

outdated: $(VENV)/.test-installed $(ZENSICAL_VENV)/.installed ## list the locked packages that have a newer release
	@echo "Material build and tests (.venv):"
	@$(BIN)/pip list --outdated --exclude pip --disable-pip-version-check 2>/dev/null
	@echo "Zensical build (.venv-zensical):"
	@$(ZENSICAL_VENV)/bin/pip list --outdated --exclude pip --exclude setuptools --disable-pip-version-check 2>/dev/null
