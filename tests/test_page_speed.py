"""What a page does while it opens, which a slow phone pays for in blocking time (make bench measures it).

Behaviour only, never a time: the figures are in `make bench`. Search fetching its index on demand is
tested with search (tests/test_search.py); glossary meanings built on demand with the glossary
(tests/test_glossary.py).
"""

import pytest

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


def test_every_page_names_its_colour_schemes_before_material_does(site, edition):
    """Material's script adds a color-scheme <meta> as a page opens, which restyles the whole page; the
    browser reads only the first one, so each page carries its own in the HTML (overrides/main.html)."""
    missing = [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if (read_page(page).head.select_one('meta[name="color-scheme"]') or {}).get("content") != "light dark"
    ]
    assert not missing, f"No color-scheme <meta> in the head (overrides/main.html, block extrahead): {missing}"
