"""Zensical, Material's successor, builds the same guide: the HTML checks pass on its build too.

The tests imported below are the suite's own HTML checks, collected again here; in this module the
`site` they read is the Zensical build (`zensical_site`, conftest.py), so nothing is copied and a
check changed in its own file changes here too. The browser tests stay on the Material build.
README, "Building with Zensical", says what differs.
"""

import datetime
from pathlib import Path

import pytest

from checks.build import EDITIONS
from checks.sitecheck import content_pages, main_content, navigation_pages, source_name
from test_content import (  # noqa: F401
    test_every_page_carries_the_disclaimer,
    test_every_page_reads_at_grade_8_or_lower,
    test_source_point_is_in_the_guide,
)
from test_glossary import (  # noqa: F401
    test_first_use_of_each_term_on_a_page_links_to_the_glossary,
    test_glossary_explains_enough_terms_each_with_a_short_meaning,
    test_tooltips_and_glossary_say_the_same_thing,
)
from test_headings import (  # noqa: F401
    test_each_page_has_one_title_no_skipped_levels_unique_ids_and_no_empty_headings,
    test_every_page_is_in_the_navigation,
)
from test_links import (  # noqa: F401
    test_every_internal_link_image_and_asset_resolves,
    test_links_to_other_websites_are_well_formed_https,
)
from test_page_status import test_no_page_claims_a_check_that_did_not_happen  # noqa: F401

pytestmark = pytest.mark.slow  # a second engine builds the site: in make test, not in the quick make check


@pytest.fixture(scope="module")
def site(zensical_site, edition):
    """In this module, every check reads the Zensical build (of the edition, for the checks that run on both)."""
    return zensical_site / EDITIONS[edition][1]


def test_status_dates_read_as_day_month_year(site):
    """The date macro (overrides/partials/page-status.html) formats a date without Python's strftime;
    on Zensical the date arrives as text, and the reader must still see "24 November 2026"."""
    problems, checked = [], 0
    for page in content_pages(site):
        for time in main_content(page).select(".page-status time[datetime]"):
            checked += 1
            expected = datetime.date.fromisoformat(time["datetime"]).strftime("%-d %B %Y")
            if time.get_text(strip=True) != expected:
                problems.append(f"{source_name(site, page)}: shows {time.get_text(strip=True)!r}, not {expected!r}")
    assert checked, "no status date (.page-status time) on any page of the Zensical build"
    assert not problems, "\n".join(problems)


def test_whole_guide_page_links_every_page_to_print_one_by_one(site):
    """Zensical gives a template no other page's HTML, so print.html lists the pages instead of
    gathering them; each page of the menu must still be there, linked."""
    guide = [Path(page).name for page in navigation_pages(site) if Path(page).name != "print.html"]
    listed = [Path(link["href"]).name for link in main_content(site / "print.html").select(".print-guide__contents a[href]")]
    assert listed == guide, f"docs/print.md (overrides/print.html) lists {listed}; the menu has {guide}"


# --- The Chinese edition on Zensical (site/zh/ of the same build) ---------------------------------

ZENSICAL_QUERY_BOX = "input[role=combobox]"  # Zensical's search dialog is in a shadow root; Playwright's CSS reaches in


# Waits in the page for Zensical's result list (in a shadow root) to belong to the query (its links carry
# it, ?h=...) and to be the same when looked at again (in case the list is drawn as results arrive), then
# returns its addresses; an empty list if none comes within two seconds (no result for this query).
# It looks every 25 ms on a timer, not every frame: asking for frames made Chromium redraw the blurred
# backdrop of the search dialog each time, and the 81 queries took 21 s (11 s this way, run alone).
ZENSICAL_RESULTS = """async (query) => {
    const links = () => [...document.querySelectorAll('*')].filter(element => element.shadowRoot)
        .flatMap(host => [...host.shadowRoot.querySelectorAll('ol[role=listbox] a[href]')]);
    const read = () => links().map(a => a.getAttribute('href'));
    const pause = () => new Promise(resolve => setTimeout(resolve, 25));
    const start = performance.now();
    let previous = null;
    while (performance.now() - start < 2000) {
        await pause();
        const hrefs = read();
        const current = hrefs.some(href => href.includes(query)) ? hrefs.join(" ") : null;
        if (current !== null && current === previous) return hrefs;
        previous = current;
    }
    return [];
}"""


# Zensical blurs the page behind its search dialog. Chromium without a graphics card redraws that blur in
# software at each change in the dialog: 8 s of processor time over the 81 queries, for a picture this test
# does not look at. It is switched off here; the search and its results are untouched.
NO_BACKDROP_BLUR = """() => {
    for (const host of [...document.querySelectorAll('*')].filter(element => element.shadowRoot)) {
        const style = document.createElement('style');
        style.textContent = '* { backdrop-filter: none !important; }';
        host.shadowRoot.append(style);
    }
}"""


def zensical_search(page, base_url: str, query: str) -> list[str]:
    """Type the query into Zensical's search box; the result locations, best first ('page.html#section')."""
    from urllib.parse import quote

    from checks.browser_search import site_location

    box = page.locator(ZENSICAL_QUERY_BOX)
    box.fill(query)
    box.press("End")
    return [site_location(href, base_url) for href in page.evaluate(ZENSICAL_RESULTS, f"h={quote(query)}")]


@pytest.mark.browser
def test_zensical_chinese_search_finds_nine_in_ten_first_and_every_one_in_the_top_three(site, page):
    from checks.browser import serving
    from checks.browser_search import describe, found_first, found_in_top
    from checks.data_files import SEARCH_QUERIES_ZH_FILE, search_queries

    queries = search_queries(SEARCH_QUERIES_ZH_FILE)
    with serving(site) as url:
        page.goto(url + "zh/index.html")
        page.click(".md-search__button")
        page.evaluate(NO_BACKDROP_BLUR)
        outcomes = {query.text: zensical_search(page, url + "zh/", query.text) for query in queries}
    missed = [f"{q.text}: {describe(outcomes[q.text])}" for q in queries if not found_in_top(outcomes[q.text], q.answers)]
    assert not missed, "Zensical's Chinese search misses (tests/data/search-queries-zh.yml):\n" + "\n".join(missed)
    first = sum(found_first(outcomes[q.text], q.answers) for q in queries) / len(queries)
    assert first >= 0.9, f"Zensical's Chinese search finds only {first:.0%} of sections first (goal 90%)"


def test_zensical_builds_the_chinese_edition_in_chinese(site):
    import json

    zh = site / "zh"
    assert '<html lang="zh"' in (zh / "index.html").read_text(encoding="utf-8")
    entries = json.loads((zh / "search.json").read_text(encoding="utf-8"))["items"]
    titles = [entry.get("title", "") for entry in entries]
    assert titles and all(any("\u4e00" <= c <= "\u9fff" for c in title) for title in titles if title), (
        f"Zensical's Chinese search index has English titles: {[t for t in titles if t.isascii()][:5]}"
    )
