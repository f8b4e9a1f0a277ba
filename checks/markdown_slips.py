"""Slips in a page's Markdown that the build lets through without a word, each named in one line
with the page, the line and the fix. `make check` and `make test` run this before the build.

- A box (`!!! type "Heading"`) whose type is not one of the components: Material shows an unknown
  type as a plain blue note, so a misspelt emergency card silently loses its red.
- A table row with fewer or more cells than the table's heading row: Python-Markdown fills in or
  drops cells silently.
- A file in docs/ the checks do not read (checks/release.py): it would be published unchecked.

COMPONENTS is the one list of the boxes an educator may use (CONTRIBUTING.md, "Components"; their
look is in docs/stylesheets/components.css; tests/fixtures/components/components.md holds one of each).
"""

import re
import sys
from pathlib import Path

from checks import report
from checks.front_matter import markdown_pages, page_name

COMPONENTS = {
    "emergency": "emergency care card: when to call 999 now",
    "urgent": "urgent care card: help the same day",
    "non-urgent": "non-urgent care card: speak to the care team soon",
    "warning": "warning callout: something the reader must not miss",
    "inset": "inset text: a note that stands out",
    "do": "do list",
    "dont": "don't list",
}
BOX = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+(?P<type>[^\s\"]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_LINE = re.compile(r"^\s{0,3}\|")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def cells(row: str) -> int:
    """How many cells a table row has: `|` inside `code` or written `\\|` does not split a cell."""
    text = re.sub(r"`[^`]*`", "code", row.replace("\\|", "")).strip()
    return len(text.strip("|").split("|"))


def page_slips(name: str, text: str) -> list[str]:
    problems = []
    lines = text.splitlines()
    in_code = False
    table: tuple[int, int] | None = None  # (line of its heading row, its cells)
    for number, line in enumerate(lines, 1):
        if FENCE.match(line):
            in_code = not in_code
        if in_code:
            table = None
            continue
        if box := BOX.match(line):
            kind = box["type"]
            if kind not in COMPONENTS:
                problems.append(
                    f"{name}, line {number}: `{line.strip()}` is not one of the components ("
                    + ", ".join(COMPONENTS)
                    + "). Check its spelling against CONTRIBUTING.md (\"Components\")."
                )
        if not TABLE_LINE.match(line):
            table = None
            continue
        if table is None:
            following = lines[number] if number < len(lines) else ""
            if SEPARATOR.match(following):
                table = (number, cells(line))
            continue
        if SEPARATOR.match(line) and number == table[0] + 1:
            continue
        found, expected = cells(line), table[1]
        if found != expected:
            fix = (
                "Add the missing cell (an empty one is `| |`)"
                if found < expected
                else "Remove the extra cell, or write a `|` inside a cell as `\\|`"
            )
            problems.append(
                f"{name}, line {number}: this table row has {found} cell{'s' if found != 1 else ''}, but the table has {expected} columns "
                f"(its heading row is line {table[0]}). {fix}."
            )
    return problems


def markdown_slips(docs: Path) -> list[str]:
    return [
        problem
        for page in markdown_pages(docs)
        for problem in page_slips(page_name(page, docs.name), (docs / page).read_text(encoding="utf-8"))
    ]


def main() -> int:
    from checks.build import EDITIONS
    from checks.release import ROOT, load_site, stray_file_problem

    problems = []
    for config_name, _ in EDITIONS.values():  # English (docs/), then the Chinese edition (docs-zh/)
        config, files = load_site(ROOT / config_name)
        docs = Path(config.docs_dir)
        problems += markdown_slips(docs)
        problems += [problem for file in files if (problem := stray_file_problem(file, docs.name))]
    return report(problems, "Markdown: {count} slip(s) above; nothing else was checked. Fix them, then run the command again.")


if __name__ == "__main__":
    sys.exit(main())
