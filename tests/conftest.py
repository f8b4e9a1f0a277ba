"""Shared set-up: one strict build of the real site per test session."""

import gc
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from checks.browser import CHROMIUM_ARGS, chromium_executable, serving
from checks.build import EDITIONS, ZENSICAL, build_editions, build_site, build_with_zensical, copy_for_build
from checks.sitecheck import navigation_pages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OFFLINE_COPY = "insulin-pump-guide"  # the folder and zip name `make dist` writes (Makefile: OFFLINE_COPY)
OFFLINE_COPY_ADDRESS = "https://pump-guide.test/insulin-pumps/"  # the address the copies are made for (SITE_URL)

# make test runs the tests on every core (pytest-xdist, --dist loadgroup): each test goes to whichever
# worker is free, in the order sorted below. A test that needs one of these costly fixtures goes to the
# worker that made it, so it is made once.
SHARED_FIXTURES = (
    "offline_zip",  # make offline-copy: two offline builds and two zips (about 10 s)
    "zensical_site",  # both editions built by Zensical (about 6 s)
    "search_outcomes",  # every query of tests/data/search-queries.yml typed into the search box (about 15 s)
    "nginx_site",  # nginx with deploy/nginx.conf, over a copy of the site
    "preview",  # make serve, left running
)


# Sites built from tests/fixtures/ to prove that a checker fails (a MkDocs build each): their tests run
# in make test, and make check, the quick loop while writing, leaves them out (marked slow).
FIXTURE_SITES = {"broken_site", "broken_citations_site", "status_site"}
# nginx is installed by make test, not make check: the tests that serve the site with it (deploy/) are
# left to make test too, as make check would skip them on a machine without it.
SERVED_BY_NGINX = {"nginx_site"}


def pytest_configure(config):
    # The checks keep every built page's parsed tree (tens of thousands of objects a page) for the whole
    # session, and Python's cycle collector walked them again every 700 new objects: about a tenth of
    # make check's time. It now runs once every 50,000.
    gc.set_threshold(50_000, 20, 100)


@pytest.hookimpl(trylast=True)  # after the session's fixtures are closed
def pytest_sessionfinish(session):
    # Those trees are then left for the process's exit to give back all at once: Python's last
    # collections freed them one by one, a second or more after the last test.
    gc.freeze()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups and -m chooses the tests
def pytest_collection_modifyitems(items):
    for item in items:
        if (FIXTURE_SITES | SERVED_BY_NGINX) & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
        shared = [name for name in SHARED_FIXTURES if name in item.fixturenames]
        if shared:
            item.add_marker(pytest.mark.xdist_group(shared[0]))
    items.sort(key=running_order)


# The tests that take 9 s or more on their own (make bench prints the slowest ten): each opens every
# page, or types every search query, in a browser, or runs make check on a copy of the project.
LONGEST = {
    "test_every_page_passes_axe",
    "test_every_page_passes_axe_on_a_phone",
    "test_every_chinese_page_passes_axe",
    "test_every_page_passes_pa11y",
    "test_every_chinese_page_passes_pa11y",
    "test_chinese_search_finds_nine_in_ten_first_and_every_one_in_the_top_three",
    "test_a_failed_check_shows_its_message_and_no_code",
    "test_screenshots_of_the_home_urgent_help_decision_aid_and_a_long_page",
    "test_every_page_prints_without_site_controls",
    "test_every_page_stays_on_the_local_server_with_no_cookies_or_errors",
}


def running_order(item) -> int:
    """Long tests first, so that no worker is left running one while the other has nothing to do: the
    groups that go to one worker, then the longest tests, then the others that drive a browser, run
    make or build a site (seconds each), then the quick checks of built files, which fill in at the end.
    (The Chinese axe checks, last in file order, once kept one worker busy 10 s after the other was done.)"""
    if item.get_closest_marker("xdist_group"):
        return 0
    if item.originalname in LONGEST:
        return 1
    if any(item.get_closest_marker(mark) for mark in ("browser", "tooling", "slow")):
        return 2
    return 3


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real site, both editions (English, and Chinese in zh/), built once in strict mode. `make check`
    and `make test` build it first and name the folder in CHECKED_SITE; run alone, pytest builds it into
    a temporary folder.

    If the build fails, the session stops with MkDocs' own messages: every other test needs the site,
    and a hundred errors would hide the one line that matters.
    """
    if os.environ.get("CHECKED_SITE"):
        return Path(os.environ["CHECKED_SITE"]).resolve()
    site_dir = tmp_path_factory.mktemp("site")
    problems = build_editions(ROOT, site_dir)
    if problems:
        pytest.exit("The strict build failed; nothing else was checked. Fix these lines:\n" + "\n".join(problems), 1)
    return site_dir


# The checks of built pages that hold for any language run on both editions; the rest (reading grade,
# glossary tooltips, the browser tests) on English, with the Chinese edition's own in test_zh_edition.py.
BOTH_EDITIONS = {
    "test_every_internal_link_image_and_asset_resolves",
    "test_links_to_other_websites_are_well_formed_https",
    "test_each_page_has_one_title_no_skipped_levels_unique_ids_and_no_empty_headings",
    "test_every_page_is_in_the_navigation",
    "test_built_pages_number_every_citation_and_list_references_under_their_heading",
    "test_every_page_has_a_feedback_link_pre_filled_with_its_title_and_address",
    "test_every_page_carries_the_disclaimer",
    "test_the_disclaimer_is_shown_once_a_page",
    "test_every_image_has_alt_text_or_is_marked_decorative",
    "test_every_page_names_its_colour_schemes_before_material_does",
}


def pytest_generate_tests(metafunc):
    if metafunc.function.__name__ in BOTH_EDITIONS and "edition" in metafunc.fixturenames:
        metafunc.parametrize("edition", ["en", "zh"], indirect=True, scope="session")


@pytest.fixture(scope="session")
def edition(request) -> str:
    """The edition a test checks: "en" unless the test is one of BOTH_EDITIONS."""
    return getattr(request, "param", "en")


@pytest.fixture(scope="session")
def site(published_site, edition) -> Path:
    """The built site of one edition: English at the top, Chinese in its zh/ folder. A module that
    checks another build (test_zensical.py) gives its own `site`, using `edition` the same way."""
    return published_site / EDITIONS[edition][1]


@pytest.fixture(scope="session")
def zh_site(published_site) -> Path:
    """The Chinese edition's built site (docs-zh/, mkdocs-zh.yml)."""
    return published_site / EDITIONS["zh"][1]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed check shows only its message (which names the file and what to fix), not Python code.

    A check asserts with a message: `assert not problems, "..."`. pytest adds its own account of the
    expression after the message, on a line starting "assert"; that part, and the code, are dropped.
    An assertion without a message, as in the tests of the checks themselves, keeps pytest's account.
    """
    report = yield
    if report.failed and call.excinfo is not None and call.excinfo.errisinstance(AssertionError):
        message, account, _ = str(call.excinfo.value).partition("\nassert ")
        if account and message.strip():
            where = call.excinfo.traceback[-1]
            report.longrepr = f"{message}\n\n({os.path.relpath(where.path, ROOT)}:{where.lineno + 1})"
    return report


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The zip `make offline-copy` writes (what `make dist` hands out, without the release check), made
    for OFFLINE_COPY_ADDRESS into a temporary folder, so dist/ is left alone. The Chinese zip is beside it."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        ["make", "--no-print-directory", "offline-copy", f"DIST={out}", f"SITE_URL={OFFLINE_COPY_ADDRESS}"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"`make offline-copy` failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return out / f"{OFFLINE_COPY}.zip"


@pytest.fixture(scope="session")
def offline_copy(offline_zip, tmp_path_factory) -> Path:
    """The zip unzipped, as a reader would: the folder holding index.html."""
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / OFFLINE_COPY


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session. In CI a missing browser fails the run."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS, chromium_sandbox=False
            )
        except Error as error:
            message = f"Chromium could not start; run `make browser` to install it.\n{error}"
            if os.environ.get("CI") == "true":
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with its own cookies and cache, closed after the test."""
    page = browser.new_page()
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def server(published_site):
    """The real site, served on 127.0.0.1; yields the base URL, ending in '/'."""
    with serving(published_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(site) -> list[str]:
    """Every page in the built site's navigation menu, in menu order."""
    return navigation_pages(site)


FIXTURES = Path(__file__).parent / "fixtures"


def settle_animations(page) -> None:
    """Wait until Material's fades and slides have finished: measured halfway, colours and sizes are wrong."""
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(animation => animation.effect?.getComputedTiming().iterations !== Infinity)
            .map(animation => animation.finished.catch(() => null)))"""
    )


def serve_fixture_page(page, server: str, name: str) -> str:
    """Have the page's browser get tests/fixtures/browser-failures/<name> from the local server's address.

    Returns that address. The built site stays untouched: the browser answers the request itself.
    """
    url = f"{server}fixture-{name}"
    page.route(url, lambda route: route.fulfill(path=FIXTURES / "browser-failures" / name))
    return url


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory) -> Path:
    """A small site with one mistake of each kind, built without --strict so its pages exist."""
    site_dir = tmp_path_factory.mktemp("broken-site")
    result = build_site(FIXTURES / "broken-site", site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    return site_dir


# --- Zensical, Material's successor (make zensical; README, "Building with Zensical") ---------------

@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real site, built once by Zensical in strict mode (into a temporary copy of the project)."""
    if not ZENSICAL.exists():
        pytest.fail("Zensical is not installed: `make test` installs it (or run `make zensical`).", pytrace=False)
    project = copy_for_build(tmp_path_factory.mktemp("zensical") / "project")
    result = build_with_zensical(project)
    if result.returncode != 0:
        output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # Zensical colours its messages
        pytest.fail(f"The Zensical build failed (`make zensical` shows the same):\n{output}", pytrace=False)
    return project / "site"
