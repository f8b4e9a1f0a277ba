"""One fact, one place: every page states a clinical number the way tests/data/facts.yml does.

Each fact in tests/data/facts.yml has its value ("2 to 4 hours") and the phrases pages use to state
it ("DKA ... within {value} hours"). This check reads every Markdown page under the folders it is
given (docs/ by default; a translated edition's folder, such as docs-zh/, works the same way) and
prints one line for each sentence that states a fact with other numbers:

    docs/page.md, line 63: '4 to 6 hours' for how soon DKA can start after a pump stops; tests/data/facts.yml says '2 to 4 hours' (source: alberta-pump-dka). ...

It reads the Markdown, not the built site, so it works the same for Material and Zensical builds.
"""

import re
import sys
from pathlib import Path

from checks.data_files import VALUE_PLACE, DataFileError, Fact, facts
from checks.front_matter import markdown_pages, read_front_matter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = ("docs",)

NUMBER = r"\d+(?:\.\d+)?"
# A number as pages write it: "4", "0.6", "2 to 4", "2 or 3", "4-6", "2–4", "2至4"
NUMBER_PHRASE = rf"{NUMBER}(?:\s*(?:to|or|-|–|至|到)\s*{NUMBER})?"
# "..." in a phrase: any words up to the end of the sentence (a full stop before a space, not the one in 0.6)
SAME_SENTENCE = r"(?:(?![.!?。！？](?:\s|$)).)*?"
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](address) -> text
CITATION = re.compile(r"\[\^[^\]]+\]")
MARKUP = re.compile(r"<[^>]+>|\*\*|__|`")


def phrase_pattern(phrase: str) -> re.Pattern:
    """'DKA ... within {value} hours' as a pattern that captures the number a page writes."""
    before, _, after = phrase.partition(VALUE_PLACE)

    def words(text: str) -> str:
        parts = [re.escape(part.strip()).replace(r"\ ", r"\s+") for part in text.split("...")]
        return SAME_SENTENCE.join(parts)

    pattern = words(before) + (r"\s*" if before.strip() else "")
    pattern += rf"(?P<value>{NUMBER_PHRASE})"
    pattern += (r"\s*" if after.strip() else "") + words(after)
    return re.compile(pattern, re.IGNORECASE)


def numbers(text: str) -> list[float]:
    return [float(number) for number in re.findall(NUMBER, text)]


def plain_line(line: str) -> str:
    """A Markdown line as a reader sees its words: link text kept, addresses, citations and markup gone."""
    return MARKUP.sub("", CITATION.sub("", LINK.sub(r"\1", line)))


def page_problems(page_file: Path, name: str, known: list[Fact]) -> list[str]:
    text = page_file.read_text(encoding="utf-8")
    _, body, _ = read_front_matter(text)
    first_line = text.count("\n") - body.count("\n") + 1
    problems = []
    patterns = [(fact, phrase_pattern(phrase)) for fact in known for phrase in fact.said_as]
    for number, line in enumerate(body.splitlines(), first_line):
        words = plain_line(line)
        for fact, pattern in patterns:
            for found in pattern.finditer(words):
                if numbers(found["value"]) != numbers(fact.value):
                    problem = (
                        f"{name}, line {number}: '{found.group(0).strip()}' gives {fact.about} as "
                        f"'{found['value']}'; tests/data/facts.yml says '{fact.value}' (source: {fact.source}). "
                        f"Write '{fact.value}', or change the fact in tests/data/facts.yml and every page that states it."
                    )
                    if problem not in problems:
                        problems.append(problem)
    return problems


def facts_problems(folder: Path, known: list[Fact] | None = None) -> list[str]:
    """One line per place a page under this folder states a fact with other numbers than the facts file."""
    known = facts() if known is None else known
    label = folder.resolve().relative_to(ROOT).as_posix() if folder.resolve().is_relative_to(ROOT) else folder.as_posix()
    return [
        problem
        for page in markdown_pages(folder)
        for problem in page_problems(folder / page, f"{label}/{page.as_posix()}", known)
    ]


def main(argv: list[str] | None = None) -> int:
    folders = (argv if argv is not None else sys.argv[1:]) or list(DEFAULT_FOLDERS)
    try:
        known = facts()
    except DataFileError as error:
        print(error)
        return 1
    problems = []
    for folder in folders:
        path = Path(folder) if Path(folder).is_absolute() else ROOT / folder
        if not path.is_dir():
            print(f"{folder}: there is no such folder of pages.")
            return 1
        problems += facts_problems(path, known)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
