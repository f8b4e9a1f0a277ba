"""Each page's front matter: its description, its title, and its honest status.

The status fields (CONTRIBUTING.md, "Add a page"):
- `last_checked`: when the page was last checked against its sources (the editorial check);
- `clinical_signoff`: `name`, `role` and `date` of the qualified clinician who checked and signed
  the page; all three stay empty until a real person signs;
- `next_review`: when the page must be reviewed again. The rule: no later than 3 years after the
  clinical sign-off, or after the last check while the page is unsigned, and sooner when guidance
  changes.

`front_matter_problems` names each mistake, one sentence each. `release_status` says, page by page,
whether it may be published (`make release-check`); `reviews_due` lists pages due within 30 days or
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
# Fields MkDocs or Material read, besides the status: the page's own title, its template, hidden
# sidebars and search settings.
KNOWN_FIELDS = {"description", "title", "last_checked", "clinical_signoff", "next_review", "template", "hide", "search"}
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


class _DatesAsText(yaml.SafeLoader):
    """YAML that keeps dates as written, so `2027-02-30` gets a message instead of stopping the check."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def markdown_pages(docs: Path) -> list[Path]:
    """Every Markdown page under a docs folder, as paths relative to it."""
    return sorted(path.relative_to(docs) for path in docs.rglob("*.md"))


def page_name(page: Path, folder: str = "docs") -> str:
    return f"{folder}/{page.as_posix()}"


def read_front_matter(text: str) -> tuple[dict | None, str, str | None]:
    """(fields, text after the front matter, why it cannot be read). Fields is None when there is none."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return None, text, None
    try:
        fields = yaml.load(match.group(1) or "", Loader=_DatesAsText)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" near line {mark.line + 2}" if mark else ""
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        return {}, text[match.end() :], f"the front matter cannot be read{where} ({problem})"
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        return {}, text[match.end() :], "the front matter must be `field: value` lines"
    return fields, text[match.end() :], None


def body_sha256(text: str) -> str:
    """The first 12 hex digits of the sha256 of a page's text after its front matter: what a
    translation (checks/translation.py) was made from. Front matter edits (dates, sign-offs) leave it alone."""
    return hashlib.sha256(read_front_matter(text)[1].encode("utf-8")).hexdigest()[:12]


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
    fields, body, unreadable = read_front_matter((docs / page).read_text(encoding="utf-8"))
    status = PageStatus(name)
    if fields is None:
        return status, [
            f"{name}: the page has no front matter. Start it with the `---` block shown in CONTRIBUTING.md "
            "(\"Add a page\")."
        ]
    if unreadable:
        return status, [f"{name}: {unreadable}. Check the spacing and the colons on that line."]
    problems = []

    def date_field(label: str, value) -> datetime.date | None:
        parsed = parse_date(value)
        if isinstance(parsed, str):
            problems.append(f"{name}: `{label}: {shown(value)}` {parsed}.")
            return None
        if parsed > today:
            problems.append(
                f"{name}: `{label}: {parsed}` is in the future (today is {today}). "
                "Write the date it really happened."
            )
            return None
        return parsed

    for field in fields:
        if field in REPLACED_FIELDS:
            problems.append(f"{name}: front matter has the old field `{field}:`; {REPLACED_FIELDS[field]}.")
        elif field not in known:
            problems.append(
                f"{name}: front matter has an unknown field `{field}:`. Check its spelling; the fields are "
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
            f"{name}: `clinical_signoff` must hold three lines, `name:`, `role:` and `date:` (leave them empty "
            "until a clinician signs the page)."
        )
    elif signoff:
        for part in signoff:
            if part not in SIGNOFF_PARTS:
                problems.append(
                    f"{name}: `clinical_signoff` has an unknown field `{part}:`. It takes only name, role and date."
                )
        filled = {part: str(signoff.get(part) or "").strip() for part in SIGNOFF_PARTS}
        if any(filled.values()):
            for part in SIGNOFF_PARTS:
                if not filled[part]:
                    problems.append(
                        f"{name}: `clinical_signoff` has no `{part}:`. A sign-off needs the clinician's name, "
                        "professional role and the date they signed; until then leave all three empty."
                    )
            signed_on = date_field("clinical_signoff: date", signoff.get("date")) if filled["date"] else None
            if filled["name"] and filled["role"] and signed_on:
                status.signoff = {"name": filled["name"], "role": filled["role"], "date": signed_on}

    if "next_review" not in fields:
        problems.append(
            f"{name}: front matter has no `next_review:`. Add the date the page is due for review, written "
            f"YYYY-MM-DD, at most {REVIEW_PERIOD_YEARS} years after its last check or sign-off."
        )
    else:
        parsed = parse_date(fields["next_review"])
        if isinstance(parsed, str):
            problems.append(f"{name}: `next_review: {shown(fields['next_review'])}` {parsed}.")
        else:
            status.next_review = parsed
            base, what = (
                (status.signoff["date"], "the clinical sign-off") if status.signed else (status.last_checked, "the last check")
            )
            if base is not None:
                latest = years_later(base, REVIEW_PERIOD_YEARS)
                if parsed > latest:
                    problems.append(
                        f"{name}: `next_review: {parsed}` is more than {REVIEW_PERIOD_YEARS} years after {what} "
                        f"({base}). Set it on or before {latest}."
                    )
                elif parsed <= base:
                    problems.append(
                        f"{name}: `next_review: {parsed}` is not after {what} ({base}). Set a later date, "
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


def release_status(status: PageStatus, today: datetime.date) -> str | None:
    """Why a page may not be published yet, or None when it may."""
    reasons = []
    if not status.signed:
        reasons.append("no clinical sign-off yet: a qualified clinician checks the page and fills in `clinical_signoff`")
    if status.next_review is not None and status.next_review < today:
        reasons.append(f"review overdue since {status.next_review}")
    return "; ".join(reasons) or None


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
