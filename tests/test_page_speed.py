"""What a page does while it opens, which a slow phone pays for in blocking time (make bench measures it).

Behaviour only, never a time: the figures are in `make bench`. Search fetching its index on demand is
tested with search (tests/test_search.py); glossary meanings built on demand with the glossary
(tests/test_glossary.py).
"""

import pytest
from playwright.sync_api import expect

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


@pytest.mark.browser
@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_the_page_is_restyled_for_colours_only_when_they_change(browser, server, system, scheme):
    """Material marks <body> as switching colours, which restyles every element, even when nothing changes.

    overrides/assets/javascripts/palette-unchanged.js lets the mark through only for a real change: a
    light system keeps the page's first colours, a dark one switches to the dark palette."""
    page = browser.new_page(color_scheme=system)
    page.add_init_script(RECORD_COLOUR_CHANGES)
    page.goto(server + "get-help-urgently.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # Material removes the mark on a later frame
    changes = page.evaluate("window.__colourChanges")
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    page.close()
    assert shown == scheme, f"a {system} system setting shows Material's '{shown}' colours"
    if system == "light":
        assert "data-md-color-switching" not in changes, (
            "Opening a page restyled it for a colour change that did not happen: check that overrides/main.html "
            f"loads assets/javascripts/palette-unchanged.js before Material's bundle. Changes: {changes}"
        )
    else:
        assert changes.count("data-md-color-switching") == 2, f"the switch to dark colours was not marked: {changes}"


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
    # The colour switcher shows one of its two buttons once Material's script has set it up.
    expect(page.locator('[data-md-component="palette"] label:not([hidden])')).to_have_count(1)
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
