"""Citations: every numbered citation leads to a full reference, written once in includes/references.md.

The checks read the Markdown (which names the page, the line and the key) and the built pages (which
show whether the footnotes extension turned each citation into a number, with its list in place).
tests/fixtures/citations-broken/ holds each kind of mistake, to prove that the checks catch them.
"""

import shutil

import pytest

from checks.citations import (
    citation_problems,
    misplaced_reference_lists,
    reference_problems,
    touching_citation_marks,
    unresolved_citations,
)
from conftest import DOCS, FIXTURES, ROOT, build_site
from checks.sitecheck import HEADING_TAGS, main_content

REFERENCES = ROOT / "includes" / "references.md"
BROKEN = FIXTURES / "citations-broken"
URGENT_HELP = "get-help-urgently.html"


def test_every_reference_has_a_publisher_title_date_and_https_link_and_is_written_once():
    problems = reference_problems(REFERENCES)
    assert not problems, "\n".join(problems)


def test_every_citation_has_its_reference_on_the_page_and_every_included_reference_is_cited():
    problems = citation_problems(DOCS, REFERENCES)
    assert not problems, "\n".join(problems)


def test_built_pages_number_every_citation_and_list_references_under_their_heading(site):
    problems = unresolved_citations(site) + misplaced_reference_lists(site)
    assert not problems, "\n".join(problems)


def test_no_citation_mark_reads_as_part_of_a_number(site):
    problems = touching_citation_marks(site)
    assert not problems, "\n".join(problems)


def test_citation_mark_check_catches_bare_numbers_beside_numbers(tmp_path):
    shutil.copy(FIXTURES / "citation-marks" / URGENT_HELP, tmp_path / URGENT_HELP)
    problems = touching_citation_marks(tmp_path)
    assert [line.split(" so it reads")[0] for line in problems] == [
        "docs/get-help-urgently.md: the citation mark '2' comes right after the citation '1',",
        "docs/get-help-urgently.md: the citation mark '3' comes right after 'are over 2+',",
        "docs/get-help-urgently.md: the citation mark '4' comes right after 'glucose above 4',",
        "docs/get-help-urgently.md: the citation mark '5' comes right after 'and eat 15' and comes right before '0 g.',",
    ]


def test_every_section_of_the_urgent_help_page_cites_its_source(site):
    """Emergency advice is never the guide's own: each section of the page names where it comes from."""
    article = main_content(site / URGENT_HELP)
    uncited = []
    for heading in article.find_all(["h2", "h3"]):
        if heading.get("id") == "references":
            continue
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in HEADING_TAGS:
                break
            section.append(sibling)
        if not any(part.select("a.footnote-ref") for part in section):
            uncited.append(heading.get_text(" ", strip=True).rstrip("¶"))
    assert not uncited, f"docs/get-help-urgently.md: these sections cite no reference: {uncited}"


@pytest.fixture(scope="module")
def broken_citations_site(tmp_path_factory):
    """The citations fixture, built without --strict so that its pages exist despite their mistakes."""
    site_dir = tmp_path_factory.mktemp("citations-broken")
    result = build_site(BROKEN, site_dir, strict=False)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_citation_checks_catch_a_dangling_citation_and_an_uncited_reference():
    assert citation_problems(BROKEN / "docs", BROKEN / "includes" / "references.md") == [
        "docs/index.md, line 3: cites [^no-such-reference], but includes/references.md has no reference "
        "'no-such-reference'. Add the reference there, or correct the key.",
        "docs/index.md, line 11: includes the reference 'uncited-reference' but never cites [^uncited-reference]. "
        "Cite it after the sentence it supports, or remove the include line.",
        "docs/no-marker.md: cites references but lacks the lines '## References { #references data-search-exclude }' "
        "and '///Footnotes Go Here///' at its end, so its reference list would print after the disclaimer. "
        "Add both, then the include lines.",
        "includes/references.md, line 14: no page cites the reference 'incomplete-reference'. "
        "Cite it from a page, or remove it.",
        "includes/references.md, line 22: no page cites the reference 'no-title-reference'. "
        "Cite it from a page, or remove it.",
    ]


def test_reference_checks_catch_a_missing_date_title_and_https_link_and_a_key_written_twice():
    assert reference_problems(BROKEN / "includes" / "references.md") == [
        "includes/references.md, line 18: the reference 'good-reference' is written twice (first on line 2). "
        "Keep one, so that a change of address is made once.",
        "includes/references.md, line 14: the reference 'incomplete-reference' has no date. "
        "Add the month and year it was published or last read.",
        "includes/references.md, line 14: the reference 'incomplete-reference' links to http://example.org/. "
        "Use its https:// address.",
        "includes/references.md, line 22: the reference 'no-title-reference' does not follow the pattern "
        "'Publisher. *Title*. Date. <https://...>'. Write it as: Publisher. *Title*. Date. <https://...>",
    ]


def test_built_page_checks_catch_a_citation_shown_as_text_and_a_list_after_the_page(broken_citations_site):
    assert unresolved_citations(broken_citations_site) == [
        "docs/index.md: shows '[^no-such-reference]' as text instead of a numbered citation. "
        'Include its reference with --8<-- "references.md:no-such-reference", or correct the key.'
    ]
    assert misplaced_reference_lists(broken_citations_site) == [
        "docs/no-marker.md: its list of references is not under its References heading. "
        "Put '///Footnotes Go Here///' on its own line under '## References { #references data-search-exclude }'."
    ]
