"""The options table of "Is a pump right for me?" treats every option alike (an IPDAS certifying
criterion: good and bad points of each option in equal detail), and every cell names its source."""

from pathlib import Path

from checks.sitecheck import main_content, source_name

OPTIONS_TABLE = "table.decision-aid-options__table"
# The wordiest option may have at most this much more text than the shortest: beyond it, one option
# looks better explained (or better) than the others.
MOST_EXTRA_WORDS = 0.2


def options_table_problems(site: Path, page: Path) -> list[str]:
    name = source_name(site, page)
    table = main_content(page).select_one(OPTIONS_TABLE)
    if table is None:
        return [f"{name}: the options table (<table class=\"decision-aid-options__table\">) is missing."]
    options = [heading.get_text(" ", strip=True) for heading in table.select("thead th")][1:]
    problems, words = [], dict.fromkeys(options, 0)
    for row in table.select("tbody tr"):
        topic = row.find("th").get_text(" ", strip=True)
        cells = row.find_all("td")
        if len(cells) != len(options):
            problems.append(f"{name}: the row {topic!r} has {len(cells)} cells for {len(options)} options. Give each option its own cell.")
            continue
        for option, cell in zip(options, cells):
            if cell.select_one(".footnote-ref") is None:
                problems.append(f"{name}: the row {topic!r} says nothing about its source for {option!r}. Add a citation like [^nice-ta151].")
            words[option] += len(" ".join(text for text in cell.find_all(string=True) if not text.find_parent("sup")).split())
    if words and min(words.values()) * (1 + MOST_EXTRA_WORDS) < max(words.values()):
        problems.append(
            f"{name}: the options are not described in equal detail (words per option: {words}). "
            "Add to the shortest or trim the longest, row by row."
        )
    return problems
