"""The educator's lists in tests/data/: read as they mean, and a slip in one is named in a sentence."""

import pytest

from checks.data_files import DataFileError, Query, SourcePoint, search_queries, source_points


def test_the_lists_hold_source_points_and_searches():
    points, queries = source_points(), search_queries()
    assert points[0] == SourcePoint(
        "A pump is a small computerised device that gives insulin",
        "what-is-a-pump.md#what-is-an-insulin-pump",
        ("small device that gives you insulin", "computer", "battery"),
    )
    assert queries[0] == Query("dawn phenomenon", ("glossary.html#dawn-phenomenon", "who-can-use-a-pump.html#dawn-phenomenon"))
    assert len(points) >= 28 and len(queries) >= 40


@pytest.mark.parametrize(
    "text, message",
    [
        ("- search: pump cost\n   answers:\n    - not-covered.html#cost\n",
         "tests/data/search-queries.yml, line 2: this line cannot be read"),
        ("- search: pump cost\n  answer:\n    - not-covered.html#cost\n",
         "tests/data/search-queries.yml, entry 1: it has search:, answer:; each entry needs exactly search:, answers:."),
        ("- search: pump cost\n  answers:\n    - not-covered.md#cost\n",
         "tests/data/search-queries.yml, entry 1: each answer must be page.html#section-id (or page.html for the whole page)."),
    ],
    ids=["indentation", "misspelt field", "answer naming the Markdown file"],
)
def test_a_slip_in_a_list_is_named_in_one_sentence(tmp_path, text, message):
    file = tmp_path / "search-queries.yml"
    file.write_text(text)
    with pytest.raises(DataFileError) as error:
        search_queries(file)
    assert str(error.value).startswith(message)
