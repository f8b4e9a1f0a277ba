"""Printing: every page prints without the site's controls, and print.html prints the whole guide.

Chromium prints each page to PDF, as a reader's Print command does, and checks/printout.py reads
the text back.
The last tests give the checks a page with its controls forced onto paper, and a PDF that lacks
most of the guide, to prove that they fail.
"""

import re
import unicodedata
from pathlib import Path

import pytest

from checks.printout import Printout
from checks.sitecheck import HEADING_TAGS, heading_text, main_content, read_page

pytestmark = pytest.mark.browser

PRINT_PAGE = "print.html"
# Paper sizes in PDF points (1/72 inch), as Chromium writes them.
PAPER_SIZES = {"A4": (595, 842), "Letter": (612, 792)}
# The site's controls: none of them belongs on paper. Each selector is looked up on the built page,
# so the words to look for in the PDF are the site's own (in whatever language it is built).
CHROME = {
    ".md-header": "the header (site name, search box, colour switch)",
    ".md-search": "the search box",
    ".md-sidebar--primary": "the navigation menu",
    ".md-sidebar--secondary": "the table of contents",
    ".md-footer": "the footer (previous/next links, copyright)",
    ".md-skip": "the 'skip to content' link",
    ".md-top": "the 'back to top' button",
    ".md-typeset .headerlink": "the ¶ links beside headings",
}
# Words of the controls that appear nowhere in the content, to look for in the PDF's text.
CHROME_WORDS = (".md-skip", ".md-search__output", ".md-footer__link", ".md-footer-meta", ".md-nav--secondary > .md-nav__title")
# JavaScript: the CHROME selectors that would be visible on paper (run with print media emulated).
VISIBLE_CHROME = """(selectors) => selectors.filter(selector =>
    [...document.querySelectorAll(selector)].some(element => element.checkVisibility()))"""


def words(text: str) -> str:
    """Text as one line of single-spaced words, for messages and for counting repeated passages."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def squash(text: str) -> str:
    """Text reduced to its letters for comparing HTML with PDF text: a PDF breaks lines anywhere,
    keeps no trace of the spaces HTML puts around inline tags, and shows some headings in capitals."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


@pytest.fixture(scope="module")
def guide_pages(site_pages) -> list[str]:
    """The pages the whole-guide page gathers, in menu order: every menu page but itself."""
    return [page for page in site_pages if page != PRINT_PAGE]


def headings(site: Path, page: str) -> list[str]:
    return [words(heading_text(h)) for h in main_content(site / page).find_all(HEADING_TAGS)]


def print_page(browser, url: str, paper: str = "A4", extra_css: str = "") -> tuple[Printout, list[str]]:
    """Print a page to PDF with Chromium, the way a reader's Print command does. Returns the PDF and
    the site controls that were visible on paper."""
    page = browser.new_page()
    try:
        page.goto(url)
        if extra_css:
            page.add_style_tag(content=extra_css)
        page.emulate_media(media="print")
        visible = [f"{CHROME[selector]} ({selector})" for selector in page.evaluate(VISIBLE_CHROME, list(CHROME))]
        return Printout(page.pdf(format=paper)), visible
    finally:
        page.close()


def pdf_text(printout: Printout) -> str:
    return words(" ".join(printout.sheets))


def chrome_words_in(text: str, site: Path, page: str) -> list[str]:
    """Words of the site's controls (as the built page has them) that made it onto paper."""
    soup = read_page(site / page)
    found = []
    for selector in CHROME_WORDS:
        for element in soup.select(selector):
            chrome = words(element.get_text(" "))
            if chrome and squash(chrome) in squash(text):
                found.append(f"{chrome!r} ({selector})")
    return found


def print_problems(site: Path, page: str, text: str) -> list[str]:
    """What is wrong with one page's printout: missing headings, site controls, hidden addresses."""
    printed = squash(text)
    problems = [f"{page}: heading {h!r} is missing from the printout" for h in headings(site, page) if squash(h) not in printed]
    problems += [f"{page}: the printout shows the site's controls: {found}" for found in chrome_words_in(text, site, page)]
    for link in main_content(site / page).select('a[href^="http"]'):
        if squash(link["href"]) not in printed:
            problems.append(f"{page}: the link {words(link.get_text())!r} does not show its address {link['href']}")
    if re.search(r"\([^\s()]*\.html\b", text):
        problems.append(f"{page}: a link between the guide's pages shows its file name; show only outside addresses")
    return problems


def whole_guide_problems(site: Path, pages: list[str], printout: Printout) -> list[str]:
    """Each guide page must start on a new sheet with its title, in menu order, with all its headings;
    the disclaimer every page carries must be printed once, not once per page."""
    sheets = [squash(sheet) for sheet in printout.sheets]
    problems, starts = [], []
    for page in pages:
        title = headings(site, page)[0]
        after = starts[-1][1] + 1 if starts else 1  # sheet 1 holds the whole guide's own title and contents
        start = next((i for i in range(after, len(sheets)) if sheets[i].startswith(squash(title))), None)
        if start is None:
            problems.append(f"{page}: its title {title!r} does not start a new sheet after the previous page's")
        else:
            starts.append((page, start))
    for (page, start), end in zip(starts, [s for _, s in starts[1:]] + [len(sheets)]):
        section, position = "".join(sheets[start:end]), 0
        for heading in headings(site, page):
            found = section.find(squash(heading), position)
            if found < 0:
                problems.append(f"{page}: heading {heading!r} is missing or out of order in the whole guide")
            else:
                position = found + len(squash(heading))
    disclaimer = squash(read_page(site / PRINT_PAGE).select_one(".disclaimer").get_text())
    if (count := "".join(sheets).count(disclaimer)) != 1:
        problems.append(f"the disclaimer is printed {count} times in the whole guide; once is enough")
    return problems


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_whole_guide_prints_every_page_in_order_on_a4_and_letter(browser, server, site, guide_pages, paper):
    pdf, visible = print_page(browser, server + PRINT_PAGE, paper)
    size = pdf.size
    assert all(abs(got - want) < 2 for got, want in zip(size, PAPER_SIZES[paper])), (
        f"printed on {size} points, not {paper} {PAPER_SIZES[paper]}: the print stylesheet must not set a paper size"
    )
    problems = whole_guide_problems(site, guide_pages, pdf)
    problems += [f"{PRINT_PAGE}: {chrome} is visible on paper" for chrome in visible]
    problems += print_problems(site, PRINT_PAGE, pdf_text(pdf))
    assert not problems, "\n".join(problems)


def test_every_page_prints_without_site_controls(browser, server, site, guide_pages):
    """print.html itself is printed, with the same checks, by the whole-guide tests below."""
    problems = []
    for page in guide_pages:
        pdf, visible = print_page(browser, server + page)
        problems += [f"{page}: {chrome} is visible on paper" for chrome in visible]
        problems += print_problems(site, page, pdf_text(pdf))
    assert not problems, "Fix docs/stylesheets/print.css:\n" + "\n".join(problems)


def test_whole_guide_ids_are_unique_and_its_links_stay_on_the_page(site, guide_pages):
    """Each gathered page keeps its own ids (prefixed), so links between its sections still work."""
    soup = read_page(site / PRINT_PAGE)
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    article = main_content(site / PRINT_PAGE)
    for page in guide_pages:
        section = article.select_one(f"section#{Path(page).stem}")
        assert section is not None, f"the whole guide has no section for {page}"
        assert section.find("h2"), f"{page}: its title should be an h2 under the whole guide's h1"
    # The language switcher (not printed) links to this page in each language, on purpose.
    links = article.select("a[href]:not(.language-switcher__link)")
    outside = [a["href"] for a in links if not a["href"].startswith(("#", "http", "mailto:"))]
    assert not outside, f"links in the whole guide that leave it instead of jumping to its section: {outside}"


CHROME_ON_PAPER = "@media print { .md-header, .md-sidebar, .md-footer, .md-skip { display: block !important; transform: none !important; opacity: 1 !important; } }"


def test_chrome_checks_catch_controls_forced_onto_paper(browser, server, site, guide_pages):
    page = guide_pages[-1]
    pdf, visible = print_page(browser, server + page, extra_css=CHROME_ON_PAPER)
    assert {".md-header", ".md-footer", ".md-sidebar--primary", ".md-skip"} <= {v.split("(")[-1][:-1] for v in visible}
    assert [p for p in print_problems(site, page, pdf_text(pdf)) if "site's controls" in p]


def test_whole_guide_check_catches_a_printout_of_one_page(browser, server, site, guide_pages):
    first, *others = guide_pages
    problems = whole_guide_problems(site, guide_pages, print_page(browser, server + first)[0])
    for page in others:
        assert any(p.startswith(f"{page}:") for p in problems), f"the check missed that {page} is not printed"
