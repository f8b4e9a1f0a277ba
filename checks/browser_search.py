"""Type a query into the site's real search box (Material for MkDocs) and read the results.

Material searches in a web worker and starts a new search on each key released in the box. To be
sure the results read are the ones for the whole query, not for a part still being typed, the box
is first filled with all but the last character (filling releases no key, so nothing is searched)
and then the last character is pressed as a real keystroke: exactly one search, for the whole
query. The waits are on what the page shows (Material's status line above the results), never on
a clock.

    from checks.browser_search import search_results
    search_results(page, "http://127.0.0.1:8000/", "dawn phenomenon")
    # ['glossary.html#dawn-phenomenon', 'who-can-use-a-pump.html#dawn-phenomenon']
"""

import json
from urllib.parse import urlsplit

from playwright.sync_api import Page

QUERY_BOX = "input.md-search__input"
STATUS_LINE = ".md-search-result__meta"

# The status line's texts come from the page's own configuration, so another site language works too.
SEARCH_TEXTS = """() => {
    const translations = JSON.parse(document.getElementById("__config").textContent).translations;
    return {
        waiting: translations["search.result.placeholder"],
        none: translations["search.result.none"],
        one: translations["search.result.one"],
        other: translations["search.result.other"],
    };
}"""

# True once the status line shows the outcome of the search: "1 matching document", "# matching
# documents" or "No matching documents"; not "Initializing search" (the index is still on its way: it
# is fetched when the reader goes to the search box) or "Type to start searching".
SEARCH_FINISHED = f"""(texts) => {{
    const status = document.querySelector({json.dumps(STATUS_LINE)}).textContent.trim();
    const [before, after] = texts.other.split("#");
    const number = status.slice(before.length, status.length - after.length);
    const counted = status.startsWith(before) && status.endsWith(after) && /^[0-9]+$/.test(number);
    return status === texts.none || status === texts.one || counted;
}}"""

# Every result link a reader can see, best first as Material lists them. Material heads each page's
# group with the page title; when only a section matched, that title scores 0 and is not a result.
# Sections Material folds away under "N more on this page" are not visible, so they are left out.
VISIBLE_RESULTS = """() => [...document.querySelectorAll(".md-search-result__link")]
    .filter(link => parseFloat(link.querySelector("[data-md-score]").dataset.mdScore) > 0)
    .filter(link => link.checkVisibility())
    .map(link => link.href)"""


# Empties the status line, so that the last query's count cannot pass for this one's (Material writes it
# afresh for each search); true when the box already holds these words.
CLEAR_STATUS = """([box, status, query]) => {
    document.querySelector(status).textContent = "";
    return document.querySelector(box).value === query;
}"""

# Waits in the page until the status line shows the outcome (SEARCH_FINISHED), then returns the visible
# results (VISIBLE_RESULTS): one call to the browser for both, where a query took seven calls before
# (90 queries: 11 s, now 9 s). The same 30 s limit as Playwright's own waits.
SEARCH_OUTCOME = f"""async () => {{
    const texts = ({SEARCH_TEXTS})(), finished = {SEARCH_FINISHED}, visible = {VISIBLE_RESULTS};
    const start = performance.now();
    while (!finished(texts)) {{
        if (performance.now() - start > 30000) {{
            const status = document.querySelector({json.dumps(STATUS_LINE)}).textContent.trim();
            throw new Error(`the search shows no outcome after 30 s; its status line says "${{status}}"`);
        }}
        await new Promise(frame => requestAnimationFrame(frame));
    }}
    return visible();
}}"""


def search_texts(page: Page) -> dict[str, str]:
    """The status texts Material shows: 'waiting' (type to start searching), 'none' (no match), 'one'
    and 'other' (a count of matching pages, '#' standing for the number)."""
    return page.evaluate(SEARCH_TEXTS)


def open_search(page: Page) -> None:
    """Open the search dialog and wait until the search index has loaded ("Type to start searching")."""
    texts = search_texts(page)
    page.locator(QUERY_BOX).focus()  # focusing the box is what opens Material's search dialog
    page.locator(STATUS_LINE).filter(has_text=texts["waiting"]).wait_for()


def type_query(page: Page, query: str) -> list[str]:
    """Type the query into the open search box and wait until its results (or "no match") are shown.

    Works again on the same page for the next query. Returns the addresses of the results on screen,
    best first, as the page has them (site_locations makes them relative to the site).
    """
    if not query:
        raise ValueError("an empty query searches nothing")
    box = page.locator(QUERY_BOX)
    if page.evaluate(CLEAR_STATUS, [QUERY_BOX, STATUS_LINE, query]):  # Material searches only when the words change
        box.fill("")
        box.press("Backspace")  # a released key on the empty box brings back "Type to start searching"
        page.locator(STATUS_LINE).filter(has_text=search_texts(page)["waiting"]).wait_for()
    if query.isascii():
        box.fill(query[:-1])
        box.press(query[-1])
    else:  # Chinese: pressing a key Chromium has no key for inserts it without the key-up Material searches on
        box.fill(query)
        box.press("End")
    return wait_for_search_outcome(page)


def wait_for_search_outcome(page: Page) -> list[str]:
    """Wait until the status line shows a count of matching pages, or "No matching documents"; the
    addresses of the results on screen, best first."""
    return page.evaluate(SEARCH_OUTCOME)


def shown_result_locations(page: Page, base_url: str) -> list[str]:
    """The locations of the results on screen, best first, relative to the site: 'page.html#section'.

    Material adds ?h=terms to each link to highlight the words on the page it opens; that is dropped.
    """
    return site_locations(page.evaluate(VISIBLE_RESULTS), base_url)


def site_location(url: str, base_url: str) -> str:
    """'http://127.0.0.1:8000/glossary.html?h=dawn#dawn-phenomenon' -> 'glossary.html#dawn-phenomenon'."""
    parts = urlsplit(url)
    base_path = urlsplit(base_url).path
    path = parts.path[len(base_path) :] if parts.path.startswith(base_path) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def site_locations(urls: list[str], base_url: str) -> list[str]:
    """site_location of each address, in the same order."""
    return [site_location(url, base_url) for url in urls]


def search_results(page: Page, base_url: str, query: str, start_page: str = "index.html") -> list[str]:
    """Open start_page, type the query in the search box, and return the result locations, best first.

    An empty list means Material showed "No matching documents".
    """
    page.goto(base_url + start_page)
    open_search(page)
    return site_locations(type_query(page, query), base_url)


def search_every_query(page: Page, base_url: str, queries, start_page: str = "index.html") -> dict[str, list[str]]:
    """Each query's result locations, best first: {query text: [locations]}.

    One page, one search box, one query after another, as a reader searching again does: each query
    is a new search of the whole index, so its results do not depend on the one before.
    """
    page.goto(base_url + start_page)
    open_search(page)
    outcomes = {}
    for query in queries:
        outcomes[query.text] = site_locations(type_query(page, query.text), base_url)
    return outcomes


def found_first(results: list[str], answers: tuple[str, ...]) -> bool:
    """The answer leads the results: it is the first result, or it comes straight after its own page's
    entry. Material shows a page's matching sections under the page's title, as one group, so a
    reader sees that section in the first group either way."""
    if not results:
        return False
    if results[0] in answers:
        return True
    under_its_page = len(results) > 1 and "#" not in results[0] and results[1].partition("#")[0] == results[0]
    return under_its_page and results[1] in answers


def found_in_top(results: list[str], answers: tuple[str, ...], top: int = 3) -> bool:
    return any(answer in results[:top] for answer in answers)


def describe(locations: list[str], limit: int = 5) -> str:
    """A short readable list of result locations for failure messages."""
    if not locations:
        return "no results"
    return json.dumps(locations[:limit]) + (f" and {len(locations) - limit} more" if len(locations) > limit else "")
