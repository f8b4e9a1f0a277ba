"""Glossary: every medical word is explained, the same way on the glossary page and in its tooltip."""

import re

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES, ROOT
from checks.sitecheck import glossary_entries, tooltip_problems, unlinked_terms

MINIMUM_TERMS = 15


def test_glossary_explains_enough_terms_each_with_a_short_meaning(site):
    entries = glossary_entries(site / "glossary.html")
    assert len(entries) >= MINIMUM_TERMS, f"docs/glossary.md has {len(entries)} terms; the guide uses at least {MINIMUM_TERMS}."
    empty = [term for term, meaning in entries.values() if not meaning]
    assert not empty, f"docs/glossary.md: these terms have no meaning under their heading: {empty}"


def test_tooltips_and_glossary_say_the_same_thing(site):
    problems = tooltip_problems(site / "glossary.html", ROOT / "includes" / "abbreviations.md")
    assert not problems, "\n".join(problems)


def test_first_use_of_each_term_on_a_page_links_to_the_glossary(site):
    problems = unlinked_terms(site)
    assert not problems, "\n".join(problems)


def test_glossary_checks_catch_a_tooltip_that_disagrees_and_a_term_with_no_link(broken_site):
    problems = tooltip_problems(broken_site / "glossary.html", FIXTURES / "broken-site" / "includes" / "abbreviations.md")
    assert problems == [
        "includes/abbreviations.md, line 1: the tooltip for 'bolus' says 'A big dose.', which is not the first "
        "paragraph of any glossary entry. Copy the meaning from docs/glossary.md word for word.",
        "docs/glossary.md: 'Bolus' has no tooltip. Add '*[bolus]: A larger dose of insulin at a meal.' to "
        "includes/abbreviations.md.",
    ]
    assert unlinked_terms(broken_site) == [
        "docs/index.md: the first use of 'basal insulin' is not linked to the glossary. "
        "Write it as [basal insulin](glossary.md#basal-insulin)."
    ]


# --- In the browser: the meaning appears where the word is -----------------------------------

TOOLTIP = ".md-tooltip2--active"
PAGE_WITH_TERMS = "who-can-use-a-pump.html"


def meaning_of(site, term: str) -> str:
    meanings = {name.lower(): meaning for name, meaning in glossary_entries(site / "glossary.html").values()}
    return meanings[term]


@pytest.mark.browser
def test_pointing_at_a_term_shows_its_meaning(page, server, site):
    page.goto(server + PAGE_WITH_TERMS)
    page.locator(".md-content p abbr", has_text="Gastroparesis").first.hover()
    expect(page.locator(TOOLTIP)).to_have_text(meaning_of(site, "gastroparesis"))


@pytest.mark.browser
def test_tabbing_to_a_term_shows_its_meaning_and_tells_screen_readers(page, server, site):
    page.goto(server + PAGE_WITH_TERMS)
    for _ in range(60):  # from the top of the page, past the header and menu, to the first term
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    term = page.locator("abbr:focus")
    expect(term, "No glossary term could be reached with the Tab key").to_have_count(1)
    expect(term, "Screen readers are not told the meaning").to_have_attribute("aria-describedby", re.compile("."))
    tooltip = page.locator(f"[id='{term.get_attribute('aria-describedby')}']")  # the term's own tooltip
    expect(tooltip).to_be_visible()
    assert tooltip.inner_text().strip() in {meaning for _, meaning in glossary_entries(site / "glossary.html").values()}


@pytest.mark.browser
def test_tapping_a_term_on_a_phone_shows_its_meaning(browser, server, site):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = phone.new_page()
    page.goto(server + PAGE_WITH_TERMS)
    page.locator(".md-content li abbr", has_text="nocturnal hypoglycaemia").first.tap()
    expect(page.locator(TOOLTIP)).to_have_text(meaning_of(site, "night-time hypoglycaemia"))
    phone.close()


@pytest.mark.browser
def test_escape_closes_a_meaning_without_moving_the_pointer_and_the_box_can_be_pointed_at(page, server, site):
    """WCAG 1.4.13: content shown on hover or focus can be dismissed, and stays while the pointer is on it."""
    page.goto(server + PAGE_WITH_TERMS)
    page.locator(".md-content p abbr", has_text="Gastroparesis").first.hover()
    meaning = page.locator(TOOLTIP)
    expect(meaning).to_have_text(meaning_of(site, "gastroparesis"))
    box = meaning.locator(".md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)  # straight on, as a reader does
    page.wait_for_timeout(1000)  # longer than the box lingers after the pointer leaves the term
    expect(meaning, "the meaning went away when the pointer moved onto it").to_be_visible()
    page.keyboard.press("Escape")
    expect(meaning, "Escape did not close the meaning").to_have_count(0)
