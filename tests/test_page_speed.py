"""What a page does while it opens, which a slow phone pays for in blocking time (make bench measures it).

Behaviour only, never a time: the figures are in `make bench`. Search fetching its index on demand is
tested with search (tests/test_search.py); glossary meanings built on demand with the glossary
(tests/test_glossary.py).
"""

import pytest
from playwright.sync_api import expect

from checks.browser import THEME_RUNNING, start_theme
from checks.browser_search import QUERY_BOX, type_query
from checks.sitecheck import html_pages, read_page

# Every change to <body>'s colour attributes while the page opens, in order.
RECORD_COLOUR_CHANGES = """
window.__colourChanges = [];
new MutationObserver(changes => {
    for (const change of changes) {
        if (change.target === document.body && change.attributeName.startsWith("data-md-color-")) {
            window.__colourChanges.push(change.attributeName);
        }
    }
}).observe(document, {attributes: true, subtree: true});
"""


# The colour scheme on <body> once the page is read, before any deferred script runs.
RECORD_SCHEME_WHEN_READ = """
document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") window.__schemeWhenRead = document.body.dataset.mdColorScheme;
});
"""


@pytest.mark.browser
@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_the_page_has_the_systems_colours_from_the_start_and_is_restyled_only_when_they_change(browser, server, system, scheme):
    """The page is drawn in the colours the reader's system asks for (overrides/partials/palette.html).
    Material's script, when it starts, marks <body> as switching colours, which restyles every element,
    even when nothing changes: overrides/assets/javascripts/palette-unchanged.js lets the mark through
    only for a real change, such as the reader's own switch."""
    page = browser.new_page(color_scheme=system)
    page.add_init_script(RECORD_COLOUR_CHANGES + RECORD_SCHEME_WHEN_READ)
    page.goto(server + "get-help-urgently.html")
    start_theme(page)
    page.wait_for_timeout(300)  # Material removes the mark on a later frame
    changes_at_start = page.evaluate("window.__colourChanges")
    when_read, shown = page.evaluate("[window.__schemeWhenRead, document.body.dataset.mdColorScheme]")
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    changes_on_switch = page.evaluate("window.__colourChanges").count("data-md-color-switching")
    page.close()
    assert when_read == scheme, (
        f"a {system} system setting first shows Material's '{when_read}' colours: check the script in "
        "overrides/partials/palette.html"
    )
    assert shown == scheme, f"a {system} system setting shows Material's '{shown}' colours once its script runs"
    assert "data-md-color-switching" not in changes_at_start, (
        "Starting Material's script restyled the page for a colour change that did not happen: check that "
        f"overrides/main.html loads assets/javascripts/palette-unchanged.js before Material's bundle. Changes: {changes_at_start}"
    )
    assert changes_on_switch == 2, f"the reader's switch of colours was not marked (set, then removed): {changes_on_switch}"


# <html>'s class and the number of color-scheme <meta>s once the page is read, before any deferred script runs.
RECORD_BEFORE_SCRIPTS = """
document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") {
        window.__beforeScripts = {
            htmlClass: document.documentElement.className,
            colourSchemes: document.querySelectorAll('meta[name="color-scheme"]').length,
        };
    }
});
"""


@pytest.mark.browser
def test_the_themes_script_changes_nothing_that_restyles_every_element(browser, server):
    """As a page opens, Material's script changes <html>'s class ("no-js" to "js", "js-focus-visible") and
    adds a color-scheme <meta>: each restyles every element, on a long page about 0.4 s of a slow phone's
    blocking time. overrides/main.html sets the class before the first paint, and
    overrides/assets/javascripts/palette-unchanged.js keeps the second <meta> out."""
    page = browser.new_page()
    page.add_init_script(RECORD_BEFORE_SCRIPTS)
    page.goto(server + "is-a-pump-right-for-me.html")
    start_theme(page)
    before = page.evaluate("window.__beforeScripts")
    html_class = page.evaluate("document.documentElement.className")
    colour_schemes = page.evaluate("document.querySelectorAll('meta[name=\"color-scheme\"]').length")
    page.close()
    assert set(html_class.split()) == set(before["htmlClass"].split()), (
        f"Material's script changed <html>'s class from '{before['htmlClass']}' to '{html_class}': check the "
        "inline script after the color-scheme <meta> in overrides/main.html (block extrahead)"
    )
    assert before["colourSchemes"] == colour_schemes == 1, (
        f"{colour_schemes} color-scheme <meta>s after Material's script, {before['colourSchemes']} before: check that "
        "overrides/main.html loads assets/javascripts/palette-unchanged.js before Material's bundle"
    )


def test_every_page_names_its_colour_schemes_before_material_does(site, edition):
    """The page follows the reader's light or dark setting from its first paint: each page carries a
    color-scheme <meta> in the HTML (overrides/main.html). That Material's script adds no second one is
    checked in a browser, above."""
    missing = [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if (read_page(page).head.select_one('meta[name="color-scheme"]') or {}).get("content") != "light dark"
    ]
    assert not missing, f"No color-scheme <meta> in the head (overrides/main.html, block extrahead): {missing}"


def test_every_page_starts_the_themes_script_through_the_first_use_loader(site, edition):
    """Material's bundle is never loaded by the page itself: overrides/main.html hands its address to
    assets/javascripts/theme-on-first-use.js, which loads it at the reader's first touch, scroll or key."""
    wrong = []
    for page in html_pages(site):
        scripts = read_page(page).select("script[src]")
        loader = [script for script in scripts if script["src"].endswith("assets/javascripts/theme-on-first-use.js")]
        direct = [script["src"] for script in scripts if "/bundle." in "/" + script["src"] and script not in loader]
        if direct or len(loader) != 1 or "/bundle." not in "/" + loader[0].get("data-theme-script", ""):
            wrong.append(f"{page.relative_to(site).as_posix()}: bundle {direct}, loaders {len(loader)}")
    assert not wrong, "Check block scripts in overrides/main.html, which swaps the bundle's <script> for the loader:\n" + "\n".join(wrong)


THEME_REQUESTED = "() => performance.getEntriesByType('resource').some(entry => /\\/bundle\\.[^/]*\\.js$/.test(entry.name))"
THEME_BUNDLE = "**/assets/javascripts/bundle.*.js"


def hold_back_theme(page) -> list:
    """Hold Material's script back on the network, as a slow line does: the list fills with its request,
    which the test lets through with `.continue_()`."""
    held = []
    page.route(THEME_BUNDLE, lambda route: held.append(route))
    return held


@pytest.mark.browser
@pytest.mark.parametrize("first_use", ["scroll", "tap", "key"])
def test_the_themes_script_starts_at_the_first_use_not_as_the_page_opens(browser, server, first_use):
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(server + "print.html", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not page.evaluate(THEME_REQUESTED), "print.html loaded Material's script before the reader did anything"
    if first_use == "scroll":
        page.mouse.wheel(0, 2000)
    elif first_use == "tap":
        page.tap("h1")
    else:
        page.keyboard.press("Tab")
    page.wait_for_function(THEME_RUNNING)
    if first_use == "scroll":  # Material's parts are set up: scrolling back up shows the back-to-top button
        page.mouse.wheel(0, -200)
        expect(page.locator(".md-top")).to_be_visible()
    page.close()


@pytest.mark.browser
def test_an_address_with_a_section_starts_the_themes_script_at_once(page, server):
    """Material opens a folded section that a link points into, and marks the words a search found."""
    for address in ("print.html#print-guide-contents", "index.html?h=pump"):
        page.goto(server + address)
        page.wait_for_function(THEME_RUNNING)


@pytest.mark.browser
def test_until_the_themes_script_runs_a_colour_switch_is_kept_and_folded_sections_print_open(browser, server):
    """On a slow line the theme's script arrives a while after the reader's first tap."""
    page = browser.new_page(color_scheme="light")
    held = hold_back_theme(page)
    page.goto(server + "is-a-pump-right-for-me.html")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    opened = page.evaluate("[...document.querySelectorAll('details')].map(details => details.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    closed = page.evaluate("[...document.querySelectorAll('details')].map(details => details.open)")
    assert opened and all(opened) and not any(closed), f"folded sections for printing: {opened}, after: {closed}"
    switch = page.locator('[data-md-component="palette"] label:not([hidden])')
    switch.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert len(held) == 1 and not page.evaluate(THEME_RUNNING), "the tap should have asked for the script"
    held[0].continue_()
    page.wait_for_function(THEME_RUNNING)
    page.unroute(THEME_BUNDLE)
    page.reload()
    start_theme(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(switch).to_have_attribute("title", "Switch to light mode")
    page.close()


@pytest.mark.browser
def test_until_the_themes_script_runs_the_search_button_puts_the_cursor_in_the_search_box(browser, server):
    """On a phone the cursor must go to the box within the tap itself, or the keyboard does not come up."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    held = hold_back_theme(page)
    page.goto(server + "index.html")
    page.tap('header [for="__search"]')
    expect(page.locator(QUERY_BOX)).to_be_focused()
    assert len(held) == 1 and not page.evaluate(THEME_RUNNING), "the tap should have asked for the script"
    held[0].continue_()
    page.wait_for_function(THEME_RUNNING)
    type_query(page, "dawn phenomenon")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.close()


@pytest.mark.browser
def test_keys_pressed_before_the_themes_script_runs_are_answered_when_it_does(browser, server):
    """A keyboard reader may be quicker than a slow line: Enter on the colour switch still switches, and
    "/" still puts the cursor in the search box, once the script has arrived."""
    page = browser.new_page(color_scheme="light")
    held = hold_back_theme(page)
    page.goto(server + "glossary.html")
    page.locator("input[aria-label='Switch to dark mode']").focus()
    page.keyboard.press("Enter")
    page.locator("h1").click()  # the focus leaves the switch, as a reader moves on
    page.keyboard.press("/")
    assert len(held) == 1 and not page.evaluate(THEME_RUNNING), "the focus should have asked for the script"
    held[0].continue_()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(QUERY_BOX)).to_be_focused()
    page.close()
