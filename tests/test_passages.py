"""Passages: no paragraph or list item is far too hard, even on a page whose average grade passes."""

from checks.passages import passage_problems
from checks.sitecheck import reading_grade


def test_no_passage_has_a_very_long_sentence_or_reads_far_above_grade_8(site):
    problems = passage_problems(site)
    assert not problems, "\n".join(problems)


def test_passage_check_catches_a_hard_paragraph_on_a_page_that_passes_on_average(broken_site):
    page = broken_site / "hard-reading.html"
    assert reading_grade(page) <= 8, "The fixture page should pass the page-average check, to show the gap"
    assert passage_problems(broken_site) == [
        "docs/hard-reading.md: the paragraph starting 'Continuous subcutaneous insulin infusion therapy facilitates "
        "physiological approximation'... has a sentence of 72 words (the limit is 40). Split it into shorter sentences.",
        "docs/hard-reading.md: the list item starting 'Sophisticated algorithmic insulin delivery necessitates "
        "comprehensive understanding of'... reads at grade 41 (the limit for one passage is 20; a page must average "
        "8 or lower). Use shorter sentences and everyday words.",
    ]


def test_a_hard_passage_in_the_disclaimer_is_reported_once_for_its_include(tmp_path):
    """The disclaimer is added to every page from includes/disclaimer.md: that is the file to fix."""
    long_sentence = " ".join(["This guide gives general information only"] * 9) + "."
    for name in ("one.html", "two.html"):
        (tmp_path / name).write_text(
            f'<article class="md-content__inner"><h1>Page</h1><div class="disclaimer"><p>{long_sentence}</p></div></article>'
        )
    problems = passage_problems(tmp_path)
    assert len(problems) == 1 and problems[0].startswith("includes/disclaimer.md: the paragraph starting"), problems
