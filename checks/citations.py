"""Citations: every numbered citation on a page leads to a reference that is written once, in full.

Each reference lives in includes/references.md as a snippet section holding one footnote definition:

    <!-- --8<-- [start:nice-ta943] -->
    [^nice-ta943]: NICE. *Hybrid closed loop systems ...* (TA943). December 2023. <https://www.nice.org.uk/guidance/ta943>
    <!-- --8<-- [end:nice-ta943] -->

A page cites it with [^nice-ta943] and includes it under its References heading with
--8<-- "references.md:nice-ta943". Python-Markdown shows a citation with no definition as plain
"[^key]" text and lists a definition nobody cites, without a word of warning: these checks catch both.
"""

import re
from pathlib import Path
from typing import NamedTuple

from checks import report
from checks.front_matter import markdown_pages, page_name
from checks.sitecheck import HEADING_TAGS, content_pages, main_content, source_name

REFERENCES_FILE = "includes/references.md"
PLACE_MARKER = "///Footnotes Go Here///"
REFERENCES_HEADING = "## References { #references data-search-exclude }"

SECTION_MARKER = re.compile(r"<!--\s*--8<--\s*\[(?P<edge>start|end)\s*:\s*(?P<key>[^\]\s]+)\s*\]\s*-->")
DEFINITION = re.compile(r"^\[\^(?P<key>[^\]\s]+)\]:\s*(?P<text>.*?)\s*$")
CITATION = re.compile(r"\[\^(?P<key>[^\]\s]+)\](?!:)")
INCLUDE = re.compile(r'^\s*--8<--\s+"references\.md:(?P<key>[^"]+)"\s*$')
KEY = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Publisher. *Title*. Any details. Date. <https-link>
REFERENCE_TEXT = re.compile(r"^(?P<publisher>[^*<]+?)\.\s+\*(?P<title>[^*]+)\*(?P<details>[^<]*)<(?P<link>[^>\s]+)>$")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
FORMAT = "Publisher. *Title*. Date. <https://...>"


class Reference(NamedTuple):
    key: str
    line: int
    text: str


def read_references(references_file: Path) -> tuple[dict[str, Reference], list[str]]:
    """The references in includes/references.md by key, and any problems with how they are written."""
    references: dict[str, Reference] = {}
    problems = []
    open_section: tuple[str, int] | None = None
    for number, line in enumerate(references_file.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{REFERENCES_FILE}, line {number}"
        if marker := SECTION_MARKER.search(line):
            key = marker["key"]
            if marker["edge"] == "start":
                if open_section:
                    problems.append(f"{where}: '{key}' starts before '{open_section[0]}' ends. Add its end line first.")
                open_section = (key, number)
            elif open_section and open_section[0] == key:
                open_section = None
            else:
                problems.append(f"{where}: an end line for '{key}', which is not the open section. Check the key.")
        elif definition := DEFINITION.match(line):
            key = definition["key"]
            if not open_section or open_section[0] != key:
                problems.append(
                    f"{where}: the reference '{key}' is not inside its own section. Put "
                    f"'<!-- --8<-- [start:{key}] -->' above it and '<!-- --8<-- [end:{key}] -->' below it."
                )
            if key in references:
                problems.append(
                    f"{where}: the reference '{key}' is written twice (first on line {references[key].line}). "
                    "Keep one, so that a change of address is made once."
                )
                continue
            references[key] = Reference(key, number, definition["text"])
    if open_section:
        problems.append(f"{REFERENCES_FILE}, line {open_section[1]}: the section '{open_section[0]}' has no end line.")
    return references, problems


def reference_problems(references_file: Path) -> list[str]:
    """Each reference written once, with a plain key, a publisher, a title, a date and an https link."""
    references, problems = read_references(references_file)
    for reference in references.values():
        where = f"{REFERENCES_FILE}, line {reference.line}: the reference '{reference.key}'"
        if not KEY.fullmatch(reference.key):
            problems.append(f"{where}: use lowercase words joined by hyphens for its key, such as 'nhs-dka'.")
        parts = REFERENCE_TEXT.match(reference.text)
        if parts is None:
            problems.append(f"{where} does not follow the pattern '{FORMAT}'. Write it as: {FORMAT}")
            continue
        if not YEAR.search(parts["details"]):
            problems.append(f"{where} has no date. Add the month and year it was published or last read.")
        if not parts["link"].startswith("https://"):
            problems.append(f"{where} links to {parts['link']}. Use its https:// address.")
    return problems


def _markdown_lines(page: Path):
    """(line number, line) of a page, leaving out code blocks, where [^key] is only an example."""
    in_code = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        elif not in_code:
            yield number, line


def citation_problems(docs: Path, references_file: Path) -> list[str]:
    """On each page: every citation has a reference, included on that page; every included reference is
    cited there; the list goes where the page's References heading puts it. Every reference is used."""
    references, _ = read_references(references_file)
    used: set[str] = set()
    problems = []
    for page in markdown_pages(docs):
        name = page_name(page)
        page = docs / page
        cited: dict[str, int] = {}
        included: dict[str, int] = {}
        has_marker = has_heading = False
        for number, line in _markdown_lines(page):
            has_marker |= line.strip() == PLACE_MARKER
            has_heading |= line.strip() == REFERENCES_HEADING
            if include := INCLUDE.match(line):
                key = include["key"]
                if key in included:
                    problems.append(f"{name}, line {number}: includes the reference '{key}' twice. Keep one include line.")
                included.setdefault(key, number)
                continue
            if definition := DEFINITION.match(line):
                problems.append(
                    f"{name}, line {number}: defines the reference '{definition['key']}' on the page. "
                    f"Write it once in {REFERENCES_FILE}, and include it here with "
                    f'--8<-- "references.md:{definition["key"]}".'
                )
                continue
            for citation in CITATION.finditer(line):
                cited.setdefault(citation["key"], number)
        used |= included.keys()
        for key, number in cited.items():
            if key not in references:
                problems.append(
                    f"{name}, line {number}: cites [^{key}], but {REFERENCES_FILE} has no reference '{key}'. "
                    "Add the reference there, or correct the key."
                )
            elif key not in included:
                problems.append(
                    f"{name}, line {number}: cites [^{key}], but the page does not include that reference. "
                    f'Add --8<-- "references.md:{key}" under the References heading.'
                )
        for key, number in included.items():
            if key not in references:
                problems.append(f"{name}, line {number}: includes '{key}', but {REFERENCES_FILE} has no reference '{key}'.")
            elif key not in cited:
                problems.append(
                    f"{name}, line {number}: includes the reference '{key}' but never cites [^{key}]. "
                    "Cite it after the sentence it supports, or remove the include line."
                )
        if (cited or included) and not (has_marker and has_heading):
            problems.append(
                f"{name}: cites references but lacks the lines '{REFERENCES_HEADING}' and '{PLACE_MARKER}' "
                "at its end, so its reference list would print after the disclaimer. Add both, then the include lines."
            )
    for key, reference in references.items():
        if key not in used:
            problems.append(
                f"{REFERENCES_FILE}, line {reference.line}: no page cites the reference '{key}'. "
                "Cite it from a page, or remove it."
            )
    return problems


def unresolved_citations(site: Path) -> list[str]:
    """Citations the built pages show as plain '[^key]' text: their reference never reached the page."""
    problems = []
    for page in content_pages(site):
        for key in sorted(set(CITATION.findall(main_content(page).get_text()))):
            problems.append(
                f"{source_name(site, page)}: shows '[^{key}]' as text instead of a numbered citation. "
                f'Include its reference with --8<-- "references.md:{key}", or correct the key.'
            )
    return problems


def misplaced_reference_lists(site: Path) -> list[str]:
    """A page's numbered list of references sits under its References heading, not after the disclaimer."""
    problems = []
    for page in content_pages(site):
        for footnotes in main_content(page).select("div.footnote"):
            heading = footnotes.find_previous(HEADING_TAGS)
            disclaimer = footnotes.find_previous("div", class_="disclaimer")
            under_heading = heading is not None and heading.get("id", "").endswith("references")
            if not under_heading or (disclaimer is not None and disclaimer not in heading.find_all_previous("div")):
                problems.append(
                    f"{source_name(site, page)}: its list of references is not under its References heading. "
                    f"Put '{PLACE_MARKER}' on its own line under '{REFERENCES_HEADING}'."
                )
    return problems


# A citation number that touches a number in the text reads as part of it: "over 2+3" for "over 2+"
# with citation 3, "(seizure)12" for citations 1 and 2. mkdocs.yml writes each mark in brackets
# (the footnotes extension's SUPERSCRIPT_TEXT, "[{}]"), so "2+[3]" and "[1][2]" cannot be misread.
READS_AS_NUMBER = set("0123456789+%")


def _text_beside(mark, side: str) -> tuple[str, object]:
    """The text just before (or after) a citation mark, and the citation mark it belongs to, if any."""
    if side == "before":
        text = mark.find_previous(string=True)
    else:
        text = list(mark.descendants)[-1].find_next(string=True)
    owner = text.find_parent("sup") if text is not None else None
    neighbour = owner if owner is not None and owner.select_one("a.footnote-ref") else None
    return (str(text) if text is not None else ""), neighbour


def touching_citation_marks(site: Path) -> list[str]:
    """Citation marks that could be read as part of a number: a bare citation number right after a
    digit, "+" or "%", or before a digit, or two bare numbers side by side."""
    problems = []
    for page in content_pages(site):
        article = main_content(page)
        for mark in article.select("sup:has(> a.footnote-ref)"):
            label = mark.get_text()
            before, cited_before = _text_beside(mark, "before")
            after, cited_after = _text_beside(mark, "after")
            touching = []
            if label[:1].isdigit() and before[-1:] in READS_AS_NUMBER and cited_before is None:
                touching.append(f"comes right after '{' '.join(before.split()[-3:])}'")
            if label[-1:].isdigit() and after[:1].isdigit() and cited_after is None:
                touching.append(f"comes right before '{' '.join(after.split()[:2])}'")
            if label[:1].isdigit() and cited_before is not None and cited_before.get_text()[-1:].isdigit():
                touching.append(f"comes right after the citation '{cited_before.get_text()}'")
            if touching:
                problems.append(
                    f"{source_name(site, page, mark)}: the citation mark '{label}' {' and '.join(touching)}, so it "
                    "reads as part of a number. Keep `SUPERSCRIPT_TEXT: \"[{}]\"` under `footnotes` in mkdocs.yml, "
                    "which writes each mark in brackets."
                )
    return problems


def main() -> int:
    """`make check` and `make test` run this before the build, so a citation slip is told in the
    citation check's words, not in the footnote extension's."""
    root = Path(__file__).resolve().parent.parent
    problems = reference_problems(root / REFERENCES_FILE) + citation_problems(root / "docs", root / REFERENCES_FILE)
    return report(problems, "Citations: {count} problem(s) above; nothing else was checked. Fix them, then run the command again.")


if __name__ == "__main__":
    raise SystemExit(main())
