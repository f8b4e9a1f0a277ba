"""Each page's front matter: its description, its title, and its honest status.

The status fields (CONTRIBUTING.md, "Add a page"):
- `last_checked`: when the page was last checked against its sources (the editorial check);
- `clinical_signoff`: `name`, `role` and `date` of the qualified clinician who checked and signed
  the page; all three stay empty until a real person signs;
- `next_review`: when the page must be reviewed again. The rule: no later than 3 years after the
  clinical sign-off, or after the last check while the page is unsigned, and sooner when guidance
  changes.

`front_matter_problems` names each mistake, one sentence each (checks/release.py, `make release-check`,
says page by page whether it may be published); `reviews_due` lists pages due within 30 days or
overdue (`make test` warns about them, and does not fail).
"""

import datetime
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REVIEW_PERIOD_YEARS = 3
DUE_SOON_DAYS = 30
SIGNOFF_PARTS = ("name", "role", "date")
# Written by `make sign` (checks/release.py) beside the three parts: a hash of the text that was signed.
SIGNOFF_HASH = "sha256"
# What people type when they mean "nobody yet": never a signer's name or role.
PLACEHOLDERS = {"tbd", "tbc", "todo", "none", "null", "nil", "-", "--", "?", "n/a", "na", "x", "xx", "xxx", "name", "role"}
# Fields MkDocs or Material read, besides the status: the page's own title, its template, hidden
# sidebars and search settings.
KNOWN_FIELDS = {
    "description", "title", "last_checked", "clinical_signoff", "next_review", "status_note", "template", "hide", "search"
}
# A Chinese page (docs-zh/) also records what it was translated from (checks/translation.py).
TRANSLATED_PAGE_FIELDS = KNOWN_FIELDS | {"translation"}
TRANSLATED_DOCS = "docs-zh"
# The fields pages had before this status existed, and what replaces each.
REPLACED_FIELDS = {
    "reviewed": "use `last_checked:` for the date the page was last checked against its sources",
    "reviewed_by": "use `clinical_signoff:` with the name, role and date of the clinician who signed, "
    "or leave it empty until one does",
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")


class _DatesAsText(yaml.CSafeLoader):
    """YAML that keeps dates as written, so `2027-02-30` gets a message instead of stopping the check.

    Every check reads YAML with libyaml's parser (CSafeLoader): the pure-Python one took about a
    second of make check, reading every page's front matter and the data files several times."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def markdown_pages(docs: Path) -> list[Path]:
    """Every Markdown page under a docs folder, as paths relative to it."""
    return sorted(path.relative_to(docs) for path in docs.rglob("*.md"))


def page_name(page: Path, folder: str = "docs") -> str:
    return f"{folder}/{page.as_posix()}"


def field_lines(yaml_text: str) -> tuple[dict[str, int], str | None]:
    """The page line of each top-level field (the front matter starts on line 2), and the first key
    written twice in any block, told as a sentence ending (YAML would keep the last one silently)."""
    node = yaml.compose(yaml_text, Loader=_DatesAsText)
    if not isinstance(node, yaml.MappingNode):
        return {}, None
    lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    blocks = [(None, node)]
    while blocks:
        parent, block = blocks.pop()
        seen: dict[str, int] = {}
        for key, value in block.value:
            line = key.start_mark.line + 2
            if str(key.value) in seen:
                where = f"`{parent}:` has " if parent else "the front matter has "
                return lines, (
                    f"line {line}: {where}`{key.value}:` twice (also on line {seen[str(key.value)]}); "
                    "YAML keeps only the last one. Keep one"
                )
            seen[str(key.value)] = line
            if parent:
                lines.setdefault(f"{parent}.{key.value}", line)
            if isinstance(value, yaml.MappingNode) and parent is None:
                blocks.append((key.value, value))
    return lines, None


def read_front_matter(text: str) -> tuple[dict | None, str, str | None]:
    """(fields, text after the front matter, why it cannot be read). Fields is None when there is none."""
    fields, body, unreadable, _ = read_front_matter_with_lines(text)
    return fields, body, unreadable


def read_front_matter_with_lines(text: str) -> tuple[dict | None, str, str | None, dict[str, int]]:
    """read_front_matter, and the page line of each top-level field."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return None, text, None, {}
    try:
        lines, duplicate = field_lines(match.group(1) or "")
        if duplicate:
            return {}, text[match.end() :], duplicate, lines
        fields = yaml.load(match.group(1) or "", Loader=_DatesAsText)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" near line {mark.line + 2}" if mark else ""
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        return {}, text[match.end() :], f"the front matter cannot be read{where} ({problem})", {}
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        return {}, text[match.end() :], "the front matter must be `field: value` lines", {}
    return fields, text[match.end() :], None, lines


def body_sha256(text: str) -> str:
    """The first 12 hex digits of the sha256 of a page's text after its front matter: what a
    translation (checks/translation.py) was made from. Front matter edits (dates, sign-offs) leave it alone."""
    return text_sha256(read_front_matter(text)[1])


def parse_date(value) -> datetime.date | str:
    """The date, or why it is not one (a sentence ending to put after the field)."""
    text = "" if value is None else str(value).strip()
    if not DATE_TEXT.fullmatch(text):
        return "is not written YYYY-MM-DD. Write it like 2026-11-24"
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return "is not a real date. Write a date that exists, as YYYY-MM-DD"


def shown(value) -> str:
    """A field's value as the author wrote it (an empty field shows as nothing)."""
    return "" if value is None else str(value)


def years_later(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a year with no 29th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass
class PageStatus:
    """What a page's front matter says about it, once read (None where a field is missing or wrong)."""

    page: str
    last_checked: datetime.date | None = None
    signoff: dict | None = None  # name, role and date (a date object) when signed in full
    next_review: datetime.date | None = None

    @property
    def signed(self) -> bool:
        return self.signoff is not None


def page_status(docs: Path, page: Path, today: datetime.date) -> tuple[PageStatus, list[str]]:
    """A page's status and one sentence per mistake in its front matter."""
    name = page_name(page, docs.name if docs.name == TRANSLATED_DOCS else "docs")
    known = TRANSLATED_PAGE_FIELDS if docs.name == TRANSLATED_DOCS else KNOWN_FIELDS
    fields, body, unreadable, lines = read_front_matter_with_lines((docs / page).read_text(encoding="utf-8"))
    status = PageStatus(name)
    if fields is None:
        return status, [
            f"{name}: the page has no front matter. Start it with the `---` block shown in CONTRIBUTING.md "
            "(\"Add a page\")."
        ]
    if unreadable:
        if unreadable.startswith("line "):  # a field written twice
            return status, [f"{name}, {unreadable}."]
        return status, [f"{name}: {unreadable}. Check the spacing and the colons on that line."]
    problems = []

    def at(field: str) -> str:
        """The page, and the line of a field where it is written (`clinical_signoff.date` for a part)."""
        return f"{name}, line {lines[field]}" if field in lines else name

    def date_field(label: str, value) -> datetime.date | None:
        where = at(label.replace(": ", "."))
        parsed = parse_date(value)
        if isinstance(parsed, str):
            problems.append(f"{where}: `{label}: {shown(value)}` {parsed}.")
            return None
        if parsed > today:
            problems.append(
                f"{where}: `{label}: {parsed}` is in the future (today is {today}). "
                "Write the date it really happened."
            )
            return None
        return parsed

    outdented = [field for field in fields if field in (*SIGNOFF_PARTS, SIGNOFF_HASH) and "clinical_signoff" in fields]
    if outdented:
        numbers = [lines.get(str(field), 0) for field in outdented]
        where = f"line {numbers[0]}" if len(numbers) == 1 else f"lines {min(numbers)} to {max(numbers)}"
        problems.append(
            f"{name}, {where}: " + ", ".join(f"`{field}:`" for field in outdented)
            + (" belongs" if len(outdented) == 1 else " belong")
            + " to the sign-off: indent "
            + ("it" if len(outdented) == 1 else "them")
            + " under `clinical_signoff:` with two spaces, as in CONTRIBUTING.md (\"Add a page\")."
        )
    for field in fields:
        where = f"{name}, line {lines[str(field)]}" if str(field) in lines else name
        if field in outdented:
            continue
        if field in REPLACED_FIELDS:
            problems.append(f"{where}: front matter has the old field `{field}:`; {REPLACED_FIELDS[field]}.")
        elif field not in known:
            problems.append(
                f"{where}: front matter has an unknown field `{field}:`. Check its spelling; the fields are "
                + ", ".join(sorted(known))
                + "."
            )

    if not str(fields.get("description") or "").strip():
        problems.append(f"{name}: front matter has no `description:`. Add one sentence that says what the page is about.")
    if not str(fields.get("title") or "").strip() and not re.search(r"^#[ \t]+\S", body, re.MULTILINE):
        problems.append(f"{name}: the page has no title. Start its text with one `# Title` line.")

    if "last_checked" not in fields:
        problems.append(
            f"{name}: front matter has no `last_checked:`. Add the date the page was last checked against "
            "its sources, written YYYY-MM-DD."
        )
    else:
        status.last_checked = date_field("last_checked", fields["last_checked"])

    signoff = fields.get("clinical_signoff")
    if "clinical_signoff" not in fields:
        problems.append(
            f"{name}: front matter has no `clinical_signoff:`. Add it with empty `name:`, `role:` and `date:` "
            "lines until a clinician signs the page."
        )
    elif signoff is not None and not isinstance(signoff, dict):
        problems.append(
            f"{at('clinical_signoff')}: `clinical_signoff` must hold three lines, `name:`, `role:` and `date:` (leave them empty "
            "until a clinician signs the page)."
        )
    elif signoff:
        for part in signoff:
            if part not in (*SIGNOFF_PARTS, SIGNOFF_HASH):
                problems.append(
                    f"{at(f'clinical_signoff.{part}')}: `clinical_signoff` has an unknown field `{part}:`. It takes only name, role and date."
                )
        refused = set()  # parts already named in a message: not told again as missing
        for part in ("name", "role"):
            value = signoff.get(part)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if not isinstance(value, str):
                problems.append(
                    f"{at(f'clinical_signoff.{part}')}: `clinical_signoff: {part}:` must be plain words ("
                    + ("the clinician's full name" if part == "name" else "their professional role")
                    + f"), not {shown(value)!r}: YAML reads yes, no, lists and brackets as something else."
                )
                refused.add(part)
            elif value.strip().lower() in PLACEHOLDERS:
                problems.append(
                    f"{at(f'clinical_signoff.{part}')}: `clinical_signoff: {part}: {value.strip()}` is a placeholder, not a {part}. "
                    "Leave it empty until a clinician signs the page."
                )
                refused.add(part)
        sha = signoff.get(SIGNOFF_HASH)
        if sha is not None and not re.fullmatch(r"[0-9a-f]{12}", str(sha)):
            problems.append(
                f"{at(f'clinical_signoff.{SIGNOFF_HASH}')}: `clinical_signoff: {SIGNOFF_HASH}: {shown(sha)}` is not the hash `make sign` writes. "
                "Run `make sign` again for this page (CONTRIBUTING.md, \"How a page is produced\")."
            )
        filled = {part: "" if part in refused else str(signoff.get(part) or "").strip() for part in SIGNOFF_PARTS}
        if any(filled.values()):
            for part in SIGNOFF_PARTS:
                if not filled[part] and part not in refused:
                    problems.append(
                        f"{at('clinical_signoff')}: `clinical_signoff` has no `{part}:`. A sign-off needs the clinician's name, "
                        "professional role and the date they signed; until then leave all three empty."
                    )
            signed_on = date_field("clinical_signoff: date", signoff.get("date")) if filled["date"] else None
            if filled["name"] and filled["role"] and signed_on:
                status.signoff = {
                    "name": filled["name"], "role": filled["role"], "date": signed_on, SIGNOFF_HASH: sha and str(sha)
                }

    if "next_review" not in fields:
        problems.append(
            f"{name}: front matter has no `next_review:`. Add the date the page is due for review, written "
            f"YYYY-MM-DD, at most {REVIEW_PERIOD_YEARS} years after its last check or sign-off."
        )
    else:
        parsed = parse_date(fields["next_review"])
        if isinstance(parsed, str):
            problems.append(f"{at('next_review')}: `next_review: {shown(fields['next_review'])}` {parsed}.")
        else:
            status.next_review = parsed
            base, what = (
                (status.signoff["date"], "the clinical sign-off") if status.signed else (status.last_checked, "the last check")
            )
            if base is not None:
                latest = years_later(base, REVIEW_PERIOD_YEARS)
                if parsed > latest:
                    problems.append(
                        f"{at('next_review')}: `next_review: {parsed}` is more than {REVIEW_PERIOD_YEARS} years after {what} "
                        f"({base}). Set it on or before {latest}."
                    )
                elif parsed <= base:
                    problems.append(
                        f"{at('next_review')}: `next_review: {parsed}` is not after {what} ({base}). Set a later date, "
                        f"on or before {latest}."
                    )
    return status, problems


def front_matter_problems(docs: Path, today: datetime.date) -> list[str]:
    """One sentence per mistake in any page's front matter, naming docs/<page>.md and the field."""
    return [problem for page in markdown_pages(docs) for problem in page_status(docs, page, today)[1]]


def page_statuses(docs: Path, today: datetime.date) -> list[PageStatus]:
    return [page_status(docs, page, today)[0] for page in markdown_pages(docs)]


def reviews_due(docs: Path, today: datetime.date) -> list[str]:
    """Pages whose review is overdue or due within 30 days: a reminder, not a failure."""
    reminders = []
    for status in page_statuses(docs, today):
        due = status.next_review
        if due is None:
            continue
        if due < today:
            reminders.append(f"{status.page}: review overdue since {due}. Review the page, then update its front matter.")
        elif (due - today).days <= DUE_SOON_DAYS:
            reminders.append(f"{status.page}: review due on {due}, in {(due - today).days} days.")
    return reminders


def main(argv: list[str] | None = None) -> int:
    """`make check` and `make test` run this before the build: each mistake in one sentence, then stop.
    `make serve` runs it with --preview: the same sentences, and the preview starts all the same."""
    preview = "--preview" in (sys.argv[1:] if argv is None else argv)
    root, today = Path(__file__).resolve().parent.parent, datetime.date.today()
    mistakes = []
    for docs in (root / "docs", root / TRANSLATED_DOCS):  # English, then the Chinese edition
        for reminder in reviews_due(docs, today):
            print(f"Reminder: {reminder}")
        mistakes += front_matter_problems(docs, today)
    if mistakes:
        print("\n".join(mistakes))
        if preview:
            print(f"Front matter: {len(mistakes)} mistake(s) above. The preview starts anyway: fix them and save.")
        else:
            print(f"Front matter: {len(mistakes)} mistake(s) above; nothing else was checked. Fix them, then run the command again.")
    return 1 if mistakes and not preview else 0


if __name__ == "__main__":
    raise SystemExit(main())
