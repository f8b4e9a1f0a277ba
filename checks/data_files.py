"""The educator's own lists, kept as plain YAML files under tests/data/ (each explains itself in
its first lines): the points of the source text, and the searches patients type.

`make check` and `make test` read them first (`python -m checks.data_files`), so a slip in a file
gives one line naming the file, the entry and what to fix, not a traceback.
"""

import sys
from pathlib import Path
from typing import NamedTuple

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SOURCE_POINTS_FILE = DATA / "source-points.yml"
SEARCH_QUERIES_FILE = DATA / "search-queries.yml"
SEARCH_QUERIES_ZH_FILE = DATA / "search-queries-zh.yml"  # the Chinese edition's (site/zh/)


class SourcePoint(NamedTuple):
    point: str
    section: str  # page.md#section-id
    must_say: tuple[str, ...]


class Query(NamedTuple):
    text: str
    answers: tuple[str, ...]  # page.html#section-id, the best answer first


class DataFileError(ValueError):
    """A mistake in one of the data files, told in one sentence."""


def read_entries(file: Path, fields: dict[str, type]) -> list[dict]:
    """The file's list of entries, each with exactly these fields (str, or list of str)."""
    name = f"tests/data/{file.name}"
    try:
        entries = yaml.safe_load(file.read_text(encoding="utf-8"))
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
    return entries


def source_points(file: Path = SOURCE_POINTS_FILE) -> list[SourcePoint]:
    entries = read_entries(file, {"point": str, "section": str, "must_say": list})
    for number, entry in enumerate(entries, 1):
        if "#" not in entry["section"]:
            raise DataFileError(f"tests/data/{file.name}, entry {number}: section: must be page.md#section-id.")
    return [SourcePoint(entry["point"], entry["section"], tuple(entry["must_say"])) for entry in entries]


def search_queries(file: Path = SEARCH_QUERIES_FILE) -> list[Query]:
    entries = read_entries(file, {"search": str, "answers": list})
    for number, entry in enumerate(entries, 1):
        if not all(answer.partition("#")[0].endswith(".html") for answer in entry["answers"]):
            raise DataFileError(
                f"tests/data/{file.name}, entry {number}: each answer must be page.html#section-id (or page.html for the whole page)."
            )
    return [Query(entry["search"], tuple(entry["answers"])) for entry in entries]


def main() -> int:
    try:
        source_points()
        search_queries()
        search_queries(SEARCH_QUERIES_ZH_FILE)
    except DataFileError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
