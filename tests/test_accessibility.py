"""Every page passes axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, in a real browser.

Checked in the light and the dark colour palette (the reader's system setting picks one), on a
phone screen, and with the search results open. The fixture
tests/fixtures/browser-failures/low-contrast.html proves the check fails on a pale paragraph. Colour and underline fixes go in docs/stylesheets/extra.css.
"""

import pytest

from checks.browser import start_theme
from checks.browser_search import open_search, type_query
from conftest import ROOT, serve_fixture_page, settle_animations

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # installed by `npm ci` (make test)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # axe has no wcag22a: 2.2 added AA rules
# Not a WCAG rule in axe, but Lighthouse scores it: a screen reader should announce the search dialog by name.
EXTRA_RULES = {"aria-dialog-name": {"enabled": True}}
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}  # system setting, Material's scheme

# Only violations are read, so axe is told not to describe every element that passed (resultTypes):
# the same checks, about a tenth less time on the longer pages.
RUN_AXE = """async ([tags, rules]) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]});
    return results.violations.map(violation => ({
        rule: violation.id,
        help: violation.help,
        elements: violation.nodes.map(node => ({
            where: node.target.join(" "),
            // On the whole-guide page: the page this element was gathered from (overrides/print.html)
            gathered: document.querySelector(node.target[0])?.closest("section.print-guide__page")?.id,
            why: node.failureSummary.replace(/\\s+/g, " ").trim(),
        })),
    }));
}"""


def axe_violations(page) -> list[str]:
    """Run axe-core on the page as it is now; one readable line per broken rule, naming the elements."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing; run `make test` (it runs npm ci)", pytrace=False)
    settle_animations(page)
    # The whole guide lays out each of its pages only when it nears the screen (content-visibility,
    # docs/stylesheets/extra.css); axe cannot measure the colours of what is not laid out. Everything is
    # laid out first, as it is once a reader scrolls to it.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    if not page.evaluate("typeof axe === 'object'"):
        # Inlined into the page (no request leaves the local server), and kept for every later page this
        # tab opens: sending axe's half a megabyte again for each page took a quarter of a second.
        page.add_init_script(path=AXE)
        page.add_script_tag(path=AXE)
    lines = []
    for violation in page.evaluate(RUN_AXE, [WCAG_TAGS, EXTRA_RULES]):
        elements = violation["elements"]
        where = ", ".join(f"`{element['where']}`" + gathered_from(element) for element in elements[:3])
        more = f" and {len(elements) - 3} more" if len(elements) > 3 else ""
        lines.append(
            f'{violation["rule"]} ({violation["help"]}) on {len(elements)} element(s): {where}{more}. '
            f'First one: {elements[0]["why"]}'
        )
    return lines


def gathered_from(element: dict) -> str:
    """For an element of the whole-guide page, the Markdown file to fix, never docs/print.md."""
    return f" (from docs/{element['gathered']}.md)" if element.get("gathered") else ""


def open_in_palette(browser, palette: str):
    """A new page whose system colour setting is light or dark, as a reader's phone or computer sets it."""
    return browser.new_page(color_scheme=PALETTES[palette][0])


def assert_palette_shown(page, path: str, palette: str) -> None:
    """Material really shows the palette asked for; otherwise the dark check would quietly test light."""
    shown = page.locator("body").get_attribute("data-md-color-scheme")
    assert shown == PALETTES[palette][1], (
        f"{path} shows Material's '{shown}' colour scheme for a {palette} system setting; check theme.palette in mkdocs.yml"
    )


@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_passes_axe(browser, server, site_pages, palette):
    page = open_in_palette(browser, palette)
    problems = []
    for path in site_pages:
        page.goto(server + path)
        assert_palette_shown(page, path, palette)
        problems += [f"{path} ({palette} palette): {line}" for line in axe_violations(page)]
    page.context.close()
    assert not problems, (
        "Accessibility problems, one line per page and axe rule (colours and underlines are set in "
        "docs/stylesheets/extra.css; text, headings and images in the page's docs/*.md):\n" + "\n".join(problems)
    )


def test_every_page_passes_axe_on_a_phone(browser, server, site_pages):
    """The phone layout has its own parts: the menu button, the shorter header, the stacked content.
    Here each page is checked once Material's script has started, as it does at a reader's first touch
    (the other passes check the page as it opens, before any touch)."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    problems = []
    for path in site_pages:
        page.goto(server + path)
        start_theme(page)
        problems += [f"{path} (phone, 360 x 740, after the first touch): {line}" for line in axe_violations(page)]
    page.context.close()
    assert not problems, "Accessibility problems on a phone screen:\n" + "\n".join(problems)


# Each page of the whole guide, before it nears the screen and is laid out, is given the room that
# docs/stylesheets/extra.css sets (contain-intrinsic-size). Its real height is measured with every page laid out.
WHOLE_GUIDE_ROOM = """() => [...document.querySelectorAll("section.print-guide__page")].map(section => {
    const room = parseFloat(getComputedStyle(section).containIntrinsicHeight.replace("auto", ""));
    section.style.contentVisibility = "visible";
    return {page: section.id, room, height: section.getBoundingClientRect().height};
})"""
NARROWEST_PHONE = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: 320 CSS pixels wide


def whole_guide_room_problems(browser, server, style: str = "") -> list[str]:
    """Each page of the whole guide fits the room it is given until it is laid out, on the narrowest phone,
    where pages are tallest: otherwise a tool that measures the page as it opens, as Lighthouse's axe
    does, finds its end lying over the next page and the footer, and measures its colours against theirs."""
    page = browser.new_page(viewport=NARROWEST_PHONE)
    page.goto(server + "print.html")
    if style:
        page.add_style_tag(content=style)
    sections = page.evaluate(WHOLE_GUIDE_ROOM)
    page.close()
    return [
        f"docs/{section['page']}.md is {section['height']:.0f} px tall in the whole guide on a 320 px phone, taller "
        f"than the {section['room']:.0f} px each page is given until it is laid out: raise contain-intrinsic-size "
        "for .print-guide__page in docs/stylesheets/extra.css"
        for section in sections
        if section["height"] > section["room"]
    ]


def test_each_page_of_the_whole_guide_fits_the_room_it_is_given(browser, server):
    problems = whole_guide_room_problems(browser, server)
    assert not problems, "\n".join(problems)


def test_whole_guide_room_check_catches_too_little_room(browser, server):
    problems = whole_guide_room_problems(browser, server, style=".print-guide__page {contain-intrinsic-size: auto 4000px}")
    assert any(problem.startswith("docs/is-a-pump-right-for-me.md is ") for problem in problems), problems


@pytest.mark.parametrize("palette", PALETTES)
def test_open_search_results_pass_axe(browser, server, palette):
    page = open_in_palette(browser, palette)
    page.goto(server + "index.html")
    assert_palette_shown(page, "index.html", palette)
    open_search(page)
    type_query(page, "pump")  # a word on every page: a long list, with "more on this page" folds
    problems = axe_violations(page)
    page.context.close()
    assert not problems, f"Accessibility problems with the search results open ({palette} palette):\n" + "\n".join(
        problems
    )


def test_axe_check_fails_on_a_low_contrast_fixture(browser, server):
    page = browser.new_page()
    page.goto(serve_fixture_page(page, server, "low-contrast.html"))
    problems = axe_violations(page)
    page.context.close()
    assert any(line.startswith("color-contrast") for line in problems), (
        f"The axe check should report the pale paragraph in low-contrast.html, but reported: {problems}"
    )


def test_axe_names_the_page_a_whole_guide_problem_comes_from(browser, server):
    page = browser.new_page()
    page.goto(serve_fixture_page(page, server, "whole-guide-low-contrast.html"))
    problems = axe_violations(page)
    page.context.close()
    assert any(line.startswith("color-contrast") and "(from docs/glossary.md)" in line for line in problems), problems
