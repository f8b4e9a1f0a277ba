"""The educator's own lists, kept as plain YAML files under tests/data/ (each explains itself in
its first lines): the points of the source text, the searches patients type, and the clinical
numbers that several pages state (checks/facts.py holds every page to them).

`make check` and `make test` read them first (`python -m checks.data_files`), so a slip in a file
gives one line naming the file, the entry and what to fix, not a traceback.
"""

import sys
from pathlib import Path
from typing import NamedTuple

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DOCS = DATA.parent.parent / "docs"
SOURCE_POINTS_FILE = DATA / "source-points.yml"
SEARCH_QUERIES_FILE = DATA / "search-queries.yml"
FACTS_FILE = DATA / "facts.yml"
ROOT = DATA.parent.parent
VALUE_PLACE = "{value}"  # where a fact's number stands in each of its said_as phrases
SEARCH_QUERIES_ZH_FILE = DATA / "search-queries-zh.yml"  # the Chinese edition's (site/zh/)


class SourcePoint(NamedTuple):
    point: str
    section: str  # page.md#section-id
    must_say: tuple[str, ...]


class Query(NamedTuple):
    text: str
    answers: tuple[str, ...]  # page.html#section-id, the best answer first


class Fact(NamedTuple):
    id: str
    about: str  # what the number is, in words, for messages
    value: str  # as pages write it: "2 to 4 hours"
    source: str  # its reference key in includes/references.md (or the repository file that sets it)
    said_as: tuple[str, ...]  # phrases that state it: "DKA ... within {value} hours"


class DataFileError(ValueError):
    """A mistake in one of the data files, told in one sentence."""


def entry_lines(text: str) -> list[int]:
    """The line each entry of a YAML list starts on."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    return [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []


def check_pages_exist(file: Path, named: list[tuple[int, int, str]], docs: Path) -> None:
    """Every page a list names, as (entry, line, page.md#section or page.html#section), must still be in
    docs/: a removed page's entries go with it. One sentence per missing page, naming its entries."""
    missing: dict[str, list[str]] = {}
    for number, line, written in named:
        page = written.partition("#")[0].removesuffix(".html").removesuffix(".md") + ".md"
        entry = f"{number} (line {line})"
        if not (docs / page).is_file() and entry not in missing.get(page, []):
            missing.setdefault(page, []).append(entry)
    if missing:
        raise DataFileError("\n".join(
            (
                f"tests/data/{file.name}: entry {entries[0]} names {docs.name}/{page}, which does not exist. If the page was "
                "removed, remove this entry or point it at the page that now covers it."
                if len(entries) == 1
                else f"tests/data/{file.name}: entries {', '.join(entries)} name {docs.name}/{page}, which does not exist. "
                "If the page was removed, remove these entries or point them at the page that now covers it."
            )
            for page, entries in missing.items()
        ))


def read_entries(file: Path, fields: dict[str, type]) -> list[dict]:
    """The file's list of entries, each with exactly these fields (str, or list of str)."""
    name = f"tests/data/{file.name}"
    try:
        text = file.read_text(encoding="utf-8")
        entries = yaml.load(text, Loader=yaml.CSafeLoader)
        lines = entry_lines(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise DataFileError(
            f"{name}, line {mark.line + 1}: this line cannot be read ({error.problem}). "
            "Compare it with the entries around it: the dashes, colons and spaces must line up."
        ) from None
    if not isinstance(entries, list):
        raise DataFileError(f"{name}: the file must be a list of entries, each starting with '- '.")
    for number, entry in enumerate(entries, 1):
        expected = ", ".join(f"{field}:" for field in fields)
        if not isinstance(entry, dict) or set(entry) != set(fields):
            found = ", ".join(f"{field}:" for field in entry) if isinstance(entry, dict) else repr(entry)
            raise DataFileError(f"{name}, entry {number}: it has {found}; each entry needs exactly {expected}.")
        for field, kind in fields.items():
            value = entry[field]
            if kind is str and not (isinstance(value, str) and value.strip()):
                raise DataFileError(f"{name}, entry {number}: {field}: must be some words, not {value!r}.")
            if kind is list and not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
                raise DataFileError(f"{name}, entry {number}: {field}: must be a list of lines each starting with '- '.")
    for entry, line in zip(entries, lines):
        entry["line"] = line
    return entries


def source_points(file: Path = SOURCE_POINTS_FILE, docs: Path = DOCS) -> list[SourcePoint]:
    entries = read_entries(file, {"point": str, "section": str, "must_say": list})
    for number, entry in enumerate(entries, 1):
        if "#" not in entry["section"]:
            raise DataFileError(f"tests/data/{file.name}, entry {number}: section: must be page.md#section-id.")
    check_pages_exist(file, [(number, entry["line"], entry["section"]) for number, entry in enumerate(entries, 1)], docs)
    return [SourcePoint(entry["point"], entry["section"], tuple(entry["must_say"])) for entry in entries]


def search_queries(file: Path = SEARCH_QUERIES_FILE, docs: Path = DOCS) -> list[Query]:
    entries = read_entries(file, {"search": str, "answers": list})
    for number, entry in enumerate(entries, 1):
        if not all(answer.partition("#")[0].endswith(".html") for answer in entry["answers"]):
            raise DataFileError(
                f"tests/data/{file.name}, entry {number}: each answer must be page.html#section-id (or page.html for the whole page)."
            )
    check_pages_exist(
        file,
        [(number, entry["line"], answer) for number, entry in enumerate(entries, 1) for answer in entry["answers"]],
        docs,
    )
    return [Query(entry["search"], tuple(entry["answers"])) for entry in entries]


def facts(file: Path = FACTS_FILE) -> list[Fact]:
    from checks.citations import REFERENCES_FILE, read_references  # only this list needs the references

    name = f"tests/data/{file.name}"
    entries = read_entries(file, {"id": str, "about": str, "value": str, "source": str, "said_as": list})
    references, _ = read_references(ROOT / REFERENCES_FILE)
    seen = set()
    for number, entry in enumerate(entries, 1):
        where = f"{name}, entry {number} ({entry['id']})"
        if entry["id"] in seen:
            raise DataFileError(f"{where}: the id is used twice. Give each fact its own id.")
        seen.add(entry["id"])
        if not any(character.isdigit() for character in entry["value"]):
            raise DataFileError(f"{where}: value: must hold the number as pages write it, like '2 to 4 hours'.")
        if entry["source"] not in references and not (ROOT / entry["source"]).is_file():
            raise DataFileError(
                f"{where}: source: '{entry['source']}' is not a key in {REFERENCES_FILE}. Write the key of the reference "
                "that states this number."
            )
        for phrase in entry["said_as"]:
            if phrase.count(VALUE_PLACE) != 1:
                raise DataFileError(
                    f"{where}: said_as: '{phrase}' must have {VALUE_PLACE} once, where the number stands, "
                    "like 'DKA ... within {value} hours'."
                )
    return [
        Fact(entry["id"], entry["about"], entry["value"], entry["source"], tuple(entry["said_as"])) for entry in entries
    ]


def main() -> int:
    try:
        source_points()
        search_queries()
        facts()
        search_queries(SEARCH_QUERIES_ZH_FILE, ROOT / "docs-zh")
    except DataFileError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
