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


# The rows that must give every option both its good points and its bad points (IPDAS: positive and
# negative features of each option), and the fewest words of its own each of those cells needs.
ADVANTAGES_ROW = "What may get better"
HARMS_ROW = "What may be harder or riskier"
FEWEST_WORDS_FOR_A_POINT = 6
# "What matters to me": each statement says which way it points, in data-favours, and as many point
# towards injections as towards a device, so the list does not lead the reader one way.
VALUES = "#what-matters ~ fieldset.decision-aid__rating, #what-matters ~ * fieldset.decision-aid__rating"
SIDES = ("injections", "device")


def own_words(cell) -> int:
    """The words of a table cell, without its citation numbers."""
    return len(" ".join(text for text in cell.find_all(string=True) if not text.find_parent("sup")).split())


def balance_problems(site: Path, page: Path) -> list[str]:
    """Every option has advantages and harms, and the values list is not tilted to one side."""
    name = source_name(site, page)
    article = main_content(page)
    table = article.select_one(OPTIONS_TABLE)
    if table is None:
        return [f"{name}: the options table (<table class=\"decision-aid-options__table\">) is missing."]
    options = [heading.get_text(" ", strip=True) for heading in table.select("thead th")][1:]
    rows = {row.find("th").get_text(" ", strip=True): row.find_all("td") for row in table.select("tbody tr")}
    problems = []
    for topic, kind in ((ADVANTAGES_ROW, "advantages"), (HARMS_ROW, "harms")):
        if topic not in rows:
            problems.append(f"{name}: the options table has no row {topic!r}. Add it, with the {kind} of every option.")
            continue
        for option, cell in zip(options, rows[topic]):
            if own_words(cell) < FEWEST_WORDS_FOR_A_POINT:
                problems.append(
                    f"{name}: the row {topic!r} gives {option!r} no real {kind}. "
                    f"Every option has {kind}: write them, with their source."
                )
    values = article.select(VALUES)
    sides = [statement.get("data-favours") for statement in values]
    for statement, side in zip(values, sides):
        if side not in SIDES:
            legend = statement.find("legend").get_text(" ", strip=True)
            problems.append(
                f"{name}: the 'What matters to me' statement {legend!r} does not say which way it points. "
                f'Add data-favours="injections" or data-favours="device" to its <fieldset>.'
            )
    counts = {side: sides.count(side) for side in SIDES}
    if len(set(counts.values())) > 1:
        problems.append(
            f"{name}: the 'What matters to me' list is tilted ({counts['injections']} statements point towards "
            f"injections, {counts['device']} towards a device). Give both sides the same number."
        )
    return problems
