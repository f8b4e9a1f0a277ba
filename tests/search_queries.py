"""Searches a patient might type, and the section each one should find.

Each query lists the page sections (page.html#heading-id) that answer it; the first of them
is the best answer. The browser search tests run every query through the site's real search box.
"""

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    answers: tuple[str, ...]


QUERIES = [
    Query("dawn phenomenon", ("glossary.html#dawn-phenomenon", "who-can-use-a-pump.html#dawn-phenomenon")),
]
