"""The offline copy (`make dist`): a zip that works opened from disk, with no server and no network.

The tests run the real `make dist` into a temporary folder, unzip it, and open it in Chromium from
file:// with the network cut off: a reader follows the guide page by page and searches for
"dawn phenomenon". A copy that fetches Material's worker shim from a CDN (what the offline plugin
does unless mkdocs.yml names a local one) must fail the same check.
"""

import shutil
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from checks.browser_search import describe, search_results, site_location
from conftest import OFFLINE_COPY, ROOT
from checks.sitecheck import content_pages
from test_feedback import configured_feedback, feedback_problems

pytestmark = pytest.mark.browser

SHIM = "assets/javascripts/iframe-worker/shim.js"
QUERY, ANSWER = "dawn phenomenon", "glossary.html#dawn-phenomenon"


def offline_problems(browser, copy: Path, search_wait_ms: int = 20_000, query: str = QUERY, answer: str = ANSWER) -> list[str]:
    """Open the copy from disk with the network cut off; follow the guide from the first page to the
    last by its "Next" links, then search. Returns what went wrong, for a reader of the test output."""
    problems: list[str] = []
    context = browser.new_context()
    # Anything not on disk is recorded and refused, so the test also proves nothing leaves the machine.
    context.route(
        lambda url: not url.startswith("file://"),
        lambda route: (problems.append(f"the copy tried to load {route.request.url}"), route.abort()),
    )
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"script error on {page.url}: {error}"))
    page.set_default_timeout(search_wait_ms)
    base = copy.as_uri() + "/"
    try:
        page.goto(base + "index.html")
        visited = []
        while True:
            visited.append(page.url.removeprefix(base))
            if not page.locator("article h1").count():
                problems.append(f"{visited[-1]} opened from disk shows no page title (h1)")
            next_link = page.locator("a.md-footer__link--next")
            if not next_link.count():
                break
            next_link.click()
            page.wait_for_load_state()
        expected = [page.relative_to(copy).as_posix() for page in content_pages(copy)]
        if missed := sorted(set(expected) - set(visited)):
            problems.append(f"following the 'Next' links from index.html never reached {missed}")
        try:
            results = search_results(page, base, query)
        except PlaywrightError as error:
            problems.append(f"search did not work from disk: {error.message.splitlines()[0]}")
        else:
            if answer not in results:
                problems.append(f"searching {query!r} from disk did not find {answer}; it found {describe(results)}")
            else:
                path, section = answer.split("#")
                page.locator(f'.md-search-result__link[href*="{path}"][href$="#{section}"]').first.click()
                page.wait_for_load_state()
                if site_location(page.url, base) != answer or not page.locator(f"#{section}").is_visible():
                    problems.append(f"the search result for {query!r} opened {page.url}, not {answer}")
    finally:
        context.close()
    return problems


def test_offline_zip_holds_every_page_the_search_index_and_the_shim(offline_zip, site):
    with zipfile.ZipFile(offline_zip) as archive:
        names = {name.removeprefix(f"{OFFLINE_COPY}/") for name in archive.namelist()}
    pages = {page.relative_to(site).as_posix() for page in content_pages(site)}
    assert not pages - names, f"pages missing from the offline copy: {sorted(pages - names)}"
    assert {"search/search_index.js", SHIM} <= names, "the offline search needs its inlined index and the shim"
    assert not [name for name in names if name.endswith(".map")], "source maps are for developers: leave them out"


def test_offline_copy_works_from_disk_with_search(browser, offline_copy):
    problems = offline_problems(browser, offline_copy)
    assert not problems, "\n".join(problems)


def test_chinese_offline_copy_works_from_disk_with_search(browser, offline_zip, tmp_path):
    """`make dist` also writes the Chinese edition's own zip, with its own search index."""
    with zipfile.ZipFile(offline_zip.with_name(f"{OFFLINE_COPY}-zh.zip")) as archive:
        archive.extractall(tmp_path)
    copy = tmp_path / f"{OFFLINE_COPY}-zh"
    assert '<html lang="zh"' in (copy / "index.html").read_text(encoding="utf-8")
    assert not [page for page in content_pages(copy) if "language-switcher" in page.read_text(encoding="utf-8")], (
        "the offline copies are one language each: no page may link to the other edition, which is not in the zip"
    )
    problems = offline_problems(browser, copy, query="急救电话", answer="get-help-urgently.html#call-999")
    assert not problems, "\n".join(problems)


def test_offline_copy_has_the_feedback_link_on_every_page(offline_copy):
    """A mailto: link needs no network: from disk it opens the reader's email program as it does online."""
    email = configured_feedback(ROOT / "mkdocs.yml")["email"]
    problems = feedback_problems(offline_copy, f"mailto:{email}")
    assert not problems, "\n".join(problems)


def test_offline_copy_carries_the_draft_banner_on_every_page(offline_copy):
    """While mkdocs.yml says `draft: true`, the copy handed out says so on every page, as the site does."""
    missing = [page.name for page in content_pages(offline_copy) if 'class="draft-banner"' not in page.read_text(encoding="utf-8")]
    assert not missing, f"pages of the offline copy without the draft banner: {missing}"


def test_online_site_does_not_load_the_offline_shim(site):
    """The shim is only for file://; a page served from a web server must not load it."""
    loading = [page.name for page in content_pages(site) if "iframe-worker" in page.read_text(encoding="utf-8")]
    assert not loading, f"these pages of the online site load the offline shim: {loading}"


def test_offline_check_fails_on_a_copy_that_fetches_the_shim_from_a_cdn(browser, offline_copy, tmp_path):
    """What the offline plugin does when mkdocs.yml names no local shim: a script from unpkg.com."""
    broken = shutil.copytree(offline_copy, tmp_path / OFFLINE_COPY)
    (broken / SHIM).unlink()
    for page in broken.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace(f'src="{SHIM}"', 'src="https://unpkg.com/iframe-worker/shim"'), encoding="utf-8")
    problems = offline_problems(browser, broken, search_wait_ms=3_000)
    assert "the copy tried to load https://unpkg.com/iframe-worker/shim" in problems, problems
    assert [p for p in problems if p.startswith("search did not work from disk")], problems
