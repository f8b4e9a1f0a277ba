"""A second accessibility engine agrees with axe: pa11y with HTML_CodeSniffer, WCAG 2 AA, on every page,
with no list of accepted errors.

pa11y comes from npm (package.json) and runs in the same Chromium as the other browser tests
(checks/pa11y_pages.mjs). HTML_CodeSniffer's rule H32.2 asks every form for a submit button:
- the colour palette toggle is no form (overrides/partials/palette.html); a test below shows that it
  still switches colours by mouse and by keyboard;
- the search form has a submit button (overrides/partials/search.html): results still appear as the
  reader types, without moving them (WCAG 3.2.2), Enter opens the best result, and the button sends
  the query to the page's own address, which opens search with its results;
- the decision aid's worksheet ("Is a pump right for me?") has its Print button as its submit button
  (docs/javascripts/decision-aid.js): it prints, the form sends nothing, and Enter in a tick box
  changes nothing.
Material's contents toggle (#__toc) has its label on every page, because every page has a section
(the whole-guide page too: docs/print.md, "How to print it").
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from checks.browser import chromium_executable
from checks.browser_search import QUERY_BOX, site_location, type_query
from checks.pa11y import PA11Y, pa11y_errors, pa11y_problems
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def chromium(browser) -> str:
    """The browser the other tests use: Debian's Chromium, or else Playwright's own download."""
    if not PA11Y.exists():
        pytest.fail(f"{PA11Y.relative_to(ROOT)} is missing; run `make test` (it runs npm ci)", pytrace=False)
    return chromium_executable() or browser.browser_type.executable_path


def test_every_page_passes_pa11y(chromium, server, site_pages):
    """Once Material's script has started, as at a reader's first touch; the Chinese pages are checked
    as they open (tests/test_zh_edition.py), so both states of the same templates are checked."""
    errors = pa11y_errors([server + path for path in site_pages], chromium, after_first_touch=True)
    problems = pa11y_problems(errors, name_of=lambda url: "docs/" + url.removeprefix(server).replace(".html", ".md"))
    assert not problems, (
        "pa11y (HTML_CodeSniffer, WCAG 2 AA) found problems (colours in docs/stylesheets/*.css, header parts in "
        "overrides/partials/, text in the page's docs/*.md):\n" + "\n".join(problems)
    )


def test_pa11y_check_fails_on_low_contrast_and_on_a_form_without_a_submit_button(chromium):
    pages = [(FIXTURES / "browser-failures" / name).as_uri() for name in ("low-contrast.html", "form-without-submit.html")]
    problems = pa11y_problems(pa11y_errors(pages, chromium), name_of=lambda url: Path(url).name)
    assert any(line.startswith("low-contrast.html: WCAG 1.4.3") for line in problems), problems
    assert any(line.startswith("form-without-submit.html: WCAG 3.2.2 H32.2") for line in problems), problems


def test_search_form_shows_results_in_place_and_its_submit_button_searches(page, server):
    home = server + "index.html"
    page.goto(home)
    page_loads = []
    page.on("framenavigated", lambda frame: page_loads.append(frame.url) if frame == page.main_frame else None)
    page.keyboard.press("/")
    query = page.locator(QUERY_BOX)
    expect(query).to_be_focused()
    type_query(page, "xylophone")  # a word the guide does not use
    page.keyboard.press("Enter")  # nothing to open: Material keeps the form from being sent
    type_query(page, "dawn phenomenon")
    expect(query, "Typing should show results without moving the reader (no change of context)").to_be_focused()
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert not page_loads and page.url == home, f"searching reloaded or left the page: {page_loads}"
    page.locator(".md-search__form button[type=submit]").click()  # the form's own submit button
    page.wait_for_url(home + "?q=dawn+phenomenon")
    expect(page.locator(QUERY_BOX), "the sent query should open search with the query filled in").to_have_value("dawn phenomenon")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Enter")  # the keyboard's way to submit: Material opens the best result
    page.wait_for_url(lambda url: site_location(url, server) != "index.html")


def test_decision_aid_submit_button_prints_and_enter_changes_nothing(page, server):
    aid = server + "is-a-pump-right-for-me.html"
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1 }")
    page.goto(aid)
    page_loads = []
    page.on("framenavigated", lambda frame: page_loads.append(frame.url) if frame == page.main_frame else None)
    first_box = page.locator("form.decision-aid input[type=checkbox]").first
    first_box.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # the keyboard's submit: for this worksheet it must change nothing
    expect(first_box, "Enter in the worksheet should leave the reader where they were").to_be_focused()
    expect(first_box).to_be_checked()
    assert not page_loads and page.url == aid, f"Enter in the worksheet reloaded or left the page: {page_loads}"
    assert not page.evaluate("window.printed"), "Enter in the worksheet started printing"
    reached = set()
    for _ in range(200):  # every tick box, radio group and button of the page lies on the way
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.textContent.trim()"))
        if {"Print my summary", "Clear my answers"} <= reached:
            break
    assert {"Print my summary", "Clear my answers"} <= reached, "the keyboard does not reach the worksheet's buttons"
    page.keyboard.press("Shift+Tab")  # back from Clear to Print, and press it
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1, "the Print my summary button did not print by keyboard"


def test_palette_toggle_switches_colours_by_mouse_and_keyboard(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(server + "index.html")
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    assert scheme() == "default"
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(server + "glossary.html")
    expect(page.locator("body"), "The chosen palette should stay on the next page").to_have_attribute("data-md-color-scheme", "slate")
    page.locator("input[aria-label='Switch to light mode']").focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
