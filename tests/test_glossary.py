"""Glossary: every medical word is explained, the same way on the glossary page and in its tooltip."""

from conftest import FIXTURES, ROOT
from sitecheck import glossary_entries, tooltip_problems, unlinked_terms

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
