"""One fact, one place: the clinical numbers in tests/data/facts.yml, and every page that states them.

The check (checks/facts.py) reads the Markdown of a folder of pages, so it is proved here on a fixture
folder named like a translated edition's (docs-zh/), with a page that states two numbers differently.
"""

import pytest

from checks.data_files import DataFileError, facts
from checks.facts import facts_problems, main, page_problems, phrase_pattern, plain_line
from checks.front_matter import markdown_pages
from conftest import DOCS, FIXTURES

FIXTURE = FIXTURES / "facts" / "docs-zh"


def test_every_page_states_each_fact_as_the_facts_file_does():
    problems = facts_problems(DOCS)
    assert not problems, "Make these pages agree with tests/data/facts.yml:\n" + "\n".join(problems)


def test_every_fact_is_stated_on_some_page():
    """A fact whose phrases no page matches any more is not being checked: its said_as needs the new wording."""
    lines = [plain_line(line) for page in markdown_pages(DOCS) for line in (DOCS / page).read_text().splitlines()]
    unstated = [
        fact.id
        for fact in facts()
        if not any(phrase_pattern(phrase).search(line) for phrase in fact.said_as for line in lines)
    ]
    assert not unstated, (
        f"tests/data/facts.yml: no page states {', '.join(unstated)} in any of its said_as phrases. "
        "Add the way the pages now say it."
    )


def test_a_page_that_contradicts_the_facts_file_is_named_with_its_line_fact_and_value():
    assert facts_problems(FIXTURE) == [
        "tests/fixtures/facts/docs-zh/pump-stops.md, line 7: 'DKA can start within 4 to 6 hours' gives how soon DKA "
        "can start after a pump stops as '4 to 6'; tests/data/facts.yml says '2 to 4 hours' (source: "
        "alberta-pump-dka). Write '2 to 4 hours', or change the fact in tests/data/facts.yml and every page that "
        "states it.",
        "tests/fixtures/facts/docs-zh/pump-stops.md, line 10: 'cannula every 3 to 5 days' gives how often a new cannula "
        "goes in as '3 to 5'; tests/data/facts.yml says 'every 2 or 3 days' (source: nbt-staying-safe-insulin-pump). "
        "Write 'every 2 or 3 days', or change the fact in tests/data/facts.yml and every page that states it.",
    ]


def test_the_command_prints_one_line_per_problem_and_fails(capsys):
    assert main([str(FIXTURE)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all(line.startswith("tests/fixtures/facts/docs-zh/pump-stops.md, line ") for line in printed)
    assert main(["docs"]) == 0


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "- id: x\n  about: a number\n  value: 2 to 4 hours\n  source: alberta-pump-dka\n  said_as:\n    - DKA within hours\n",
            "tests/data/facts.yml, entry 1 (x): said_as: 'DKA within hours' must have {value} once",
        ),
        (
            "- id: x\n  about: a number\n  value: 2 to 4 hours\n  source: a-paper-nobody-cites\n  said_as:\n    - DKA ... {value} hours\n",
            "tests/data/facts.yml, entry 1 (x): source: 'a-paper-nobody-cites' is not a key in includes/references.md",
        ),
        (
            "- id: x\n  about: a number\n  value: a few hours\n  source: alberta-pump-dka\n  said_as:\n    - DKA ... {value} hours\n",
            "tests/data/facts.yml, entry 1 (x): value: must hold the number as pages write it",
        ),
    ],
)
def test_a_slip_in_the_facts_file_is_named_in_one_sentence(tmp_path, entry, message):
    broken = tmp_path / "facts.yml"
    broken.write_text(entry, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        facts(broken)
    assert str(error.value).startswith(message)


def test_numbers_inside_a_sentence_and_after_a_link_are_read_as_the_reader_sees_them():
    line = plain_line("Change your [cannula](glossary.md#cannula) every 2 or 3 days.[^nbt-staying-safe-insulin-pump]")
    assert line == "Change your cannula every 2 or 3 days."
    assert not page_problems(FIXTURE / "pump-stops.md", "x", [f for f in facts() if f.id == "glucose-for-ketone-check"])
