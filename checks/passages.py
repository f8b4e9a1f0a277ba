"""Passages: no single paragraph or list item is so hard that a reader gives up on it.

The reading-grade check averages over a whole page, so one very hard paragraph on a long page can
pass. These limits catch it. They are hard limits, far above the grade 8 a page must average, set
so that today's pages meet them with room to spare (November 2026: the longest sentence has
34 words; the hardest passage of 20 words or more reads at grade 17.5).
"""

from pathlib import Path

import textstat

from checks.sitecheck import HEADING_TAGS, SENTENCE_BREAK, read_copy, source_name, text_blocks, written_pages

LONGEST_SENTENCE = 40  # words in one sentence
HARDEST_GRADE = 20  # Flesch-Kincaid grade of one passage of at least GRADED_WORDS words
GRADED_WORDS = 20  # shorter passages get their grade from one or two words: a medical name is enough
PASSAGES = ["p", "li", "dd", "dt", "td"]
QUOTED_WORDS = 8  # the start of the passage, quoted in the message so it can be found
INCLUDED = {"disclaimer": "includes/disclaimer.md"}  # text added to every page from includes/


def passage_problems(site: Path) -> list[str]:
    problems: dict[str, None] = {}  # in order, once: included text is on every page
    for page in written_pages(site):
        for element, text in passages(page):
            problem = passage_problem(text)
            if problem:
                included = next((INCLUDED[c] for c in INCLUDED if element.find_parent(class_=c)), None)
                kind = "list item" if element.name == "li" else "paragraph"
                start = " ".join(text.split()[:QUOTED_WORDS])
                problems[f"{included or source_name(site, page, element)}: the {kind} starting {start!r}... {problem}"] = None
    return list(problems)


def passages(page: Path):
    """(element, text) for each paragraph or list item a reader reads as a piece of text: no headings,
    code or review dates, and no lists of references (the lists in the sections that search leaves
    out, data-search-exclude, and footnotes): a reference is a title, not a sentence."""
    article = read_copy(page)
    references = set()  # the lists' ids: the page is shared with other checks (read_copy), so nothing is removed
    for heading in article.find_all(HEADING_TAGS, attrs={"data-search-exclude": True}):
        for part in heading.find_next_siblings():
            if part.name in HEADING_TAGS:
                break
            if part.name in ("ul", "ol"):
                references.add(id(part))
    for block, text in text_blocks(article, PASSAGES):
        if not any(id(element) in references for element in (block, *block.parents)):
            yield block, text


def passage_problem(text: str) -> str | None:
    """What is too hard about one passage, or None."""
    longest = max(len(sentence.split()) for sentence in SENTENCE_BREAK.split(text))
    if longest > LONGEST_SENTENCE:
        return f"has a sentence of {longest} words (the limit is {LONGEST_SENTENCE}). Split it into shorter sentences."
    words = len(text.split())
    grade = textstat.flesch_kincaid_grade(text if text[-1] in ".?!:" else text + ".")
    if words >= GRADED_WORDS and grade > HARDEST_GRADE:
        return (
            f"reads at grade {grade:.0f} (the limit for one passage is {HARDEST_GRADE}; a page must average 8 "
            "or lower). Use shorter sentences and everyday words."
        )
    return None
