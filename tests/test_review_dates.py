"""Every page says when it was last reviewed, by whom, and when it is next due, and shows it.

A health page whose review date has passed must not go unnoticed: the check fails on the day after
`next_review`, naming the page to review. The fixture in tests/fixtures/review-dates-broken/ holds
one page of each kind (complete, missing dates, overdue) to prove the checks can fail.
"""

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from conftest import DOCS, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "review-dates-broken"
DATE_FIELDS = ("reviewed", "next_review")


def markdown_pages(docs: Path) -> list[Path]:
    """Every Markdown page under a docs folder (each one is a page of the site), as relative paths."""
    return sorted(path.relative_to(docs) for path in docs.rglob("*.md"))


def front_matter(docs: Path, page: Path) -> dict:
    """The page's front matter, parsed the way MkDocs parses it (YAML dates become datetime.date)."""
    return get_data((docs / page).read_text(encoding="utf-8"))[1]


def front_matter_problems(docs: Path, today: datetime.date) -> list[str]:
    """One line per missing, malformed or overdue review field, naming the page and what to do."""
    problems = []
    for page in markdown_pages(docs):
        meta = front_matter(docs, page)
        for field in DATE_FIELDS:
            if field not in meta:
                problems.append(f"{page}: front matter has no `{field}:` date (write it as YYYY-MM-DD)")
            elif not isinstance(meta[field], datetime.date):
                problems.append(f"{page}: `{field}: {meta[field]}` is not a date (write it as YYYY-MM-DD)")
        if not str(meta.get("reviewed_by") or "").strip():
            problems.append(f"{page}: front matter has no `reviewed_by:` (the reviewer's role, not a name)")
        due = meta.get("next_review")
        if isinstance(due, datetime.date) and due < today:
            problems.append(
                f"{page}: review overdue since {due.isoformat()}. Have the page reviewed, then update "
                "`reviewed`, `reviewed_by` and `next_review` in its front matter"
            )
        reviewed = meta.get("reviewed")
        if isinstance(reviewed, datetime.date) and isinstance(due, datetime.date) and due <= reviewed:
            problems.append(f"{page}: `next_review` ({due}) must come after `reviewed` ({reviewed})")
    return problems


def shown_review_problems(docs: Path, site: Path) -> list[str]:
    """One line per built page that does not show its front matter's review dates and reviewer."""
    problems = []
    for page in markdown_pages(docs):
        built = site / page.with_suffix(".html")
        meta = front_matter(docs, page)
        box = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(".review-dates")
        if box is None:
            problems.append(f"{built.name}: shows no review dates (is its front matter complete?)")
            continue
        shown = {time["datetime"] for time in box.select("time[datetime]")}
        for field in DATE_FIELDS:
            if str(meta.get(field)) not in shown:
                problems.append(f"{built.name}: does not show `{field}: {meta.get(field)}`; it shows {sorted(shown)}")
        if str(meta.get("reviewed_by")) not in box.get_text(" "):
            problems.append(f"{built.name}: does not show who reviewed it ({meta.get('reviewed_by')})")
    return problems


def test_every_page_has_review_dates_that_are_not_overdue():
    problems = front_matter_problems(DOCS, datetime.date.today())
    assert not problems, "Pages to review or fix:\n" + "\n".join(problems)


def test_every_built_page_shows_its_review_dates(site):
    problems = shown_review_problems(DOCS, site)
    assert not problems, "\n".join(problems)


def test_front_matter_check_names_the_missing_and_the_overdue_page():
    problems = front_matter_problems(FIXTURE / "docs", datetime.date(2026, 1, 1))
    assert problems == [
        "missing-dates.md: front matter has no `reviewed:` date (write it as YYYY-MM-DD)",
        "missing-dates.md: front matter has no `next_review:` date (write it as YYYY-MM-DD)",
        "overdue.md: review overdue since 2020-03-01. Have the page reviewed, then update "
        "`reviewed`, `reviewed_by` and `next_review` in its front matter",
    ]


def test_front_matter_check_fails_the_day_after_the_review_is_due(tmp_path):
    (tmp_path / "due.md").write_text(
        "---\nreviewed: 2026-01-01\nreviewed_by: a dietitian\nnext_review: 2026-06-30\n---\n# Due\n"
    )
    assert front_matter_problems(tmp_path, datetime.date(2026, 6, 30)) == []
    assert len(front_matter_problems(tmp_path, datetime.date(2026, 7, 1))) == 1


@pytest.fixture(scope="module")
def review_dates_site(tmp_path_factory) -> Path:
    """The fixture project, built with the site's real templates."""
    site = tmp_path_factory.mktemp("review-dates-broken")
    result = build_site(FIXTURE, site)
    assert result.returncode == 0, result.stderr
    return site


def test_shown_dates_check_names_the_page_that_shows_none(review_dates_site):
    assert shown_review_problems(FIXTURE / "docs", review_dates_site) == [
        "missing-dates.html: shows no review dates (is its front matter complete?)"
    ]


@pytest.mark.parametrize("field", ["reviewed", "next_review", "reviewed_by"])
def test_shown_dates_check_notices_a_template_that_drops_a_field(review_dates_site, tmp_path, field):
    """If the template stopped showing one field, the built-page check must say so."""
    for page in review_dates_site.glob("*.html"):
        (tmp_path / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "reviewed.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one(".review-dates")
    if field == "reviewed_by":
        by = box.find(string=lambda text: "specialist nurse" in text)
        by.replace_with(by.replace("a diabetes specialist nurse", "someone"))
    else:
        box.select("time")[DATE_FIELDS.index(field)].decompose()
    page.write_text(str(soup), encoding="utf-8")
    problems = shown_review_problems(FIXTURE / "docs", tmp_path)
    assert [p for p in problems if p.startswith("reviewed.html:")], problems
