"""Every page tells the reader the truth about itself, and the publishing gate enforces a clinical sign-off.

- The front matter (checks/front_matter.py) is checked page by page: one sentence per mistake.
- Each built page shows its status at its end (the draft banner is under its title): "Checked by NAME, ROLE, on DATE" when a clinician
  signed it, otherwise the notice that no health professional has checked it yet. No page of the
  guide is signed today, so every page must show the notice and none may claim a check.
- `make test` only warns about reviews due within 30 days or overdue; `make release-check`
  (checks/release.py, tests/test_release.py) refuses to publish an overdue page.
- The status template is rendered by both template engines: Jinja2 (MkDocs) and MiniJinja (Zensical).

tests/fixtures/page-status/ holds one page for each case, built with the real templates.
"""

import datetime
import functools
import re
import warnings
from pathlib import Path

import jinja2
import minijinja
import pytest
from bs4 import BeautifulSoup

from checks.front_matter import front_matter_problems, markdown_pages, page_status, read_front_matter, reviews_due
from checks.build import edition_settings
from conftest import DOCS, FIXTURES, ROOT, build_site
from checks.sitecheck import main_content, read_page, readable_text

FIXTURE = FIXTURES / "page-status"
FIXTURE_TODAY = datetime.date(2026, 11, 25)  # the fixture's dates are written relative to this day
NOT_CHECKED = "This page has not yet been checked by a health professional."
USUAL_ADVICE = "Use it to prepare questions for your care team."
UNSIGNED_NOTICE = f"{NOT_CHECKED} {USUAL_ADVICE}"


def unsigned_notice(page_file: Path) -> str:
    """The notice an unsigned page shows: its own `status_note` in place of the usual advice, where it has one."""
    fields, _, _ = read_front_matter(page_file.read_text(encoding="utf-8"))
    note = str((fields or {}).get("status_note") or USUAL_ADVICE).strip()
    return f"{NOT_CHECKED} {note}"


def visible_text(status) -> str:
    """A status box's words as a reader sees them: the overdue notice stays hidden until its script shows it."""
    return " ".join(" ".join(part.get_text() for part in status.find_all("p") if not part.has_attr("hidden")).split())


def shown_status(page: Path) -> str:
    """The status a built page shows at its end, before the feedback link ('' if it shows none there);
    an overdue notice the script has not shown yet (hidden) is left out."""
    feedback = main_content(page).select_one(".page-feedback")
    status = feedback.find_previous_sibling() if feedback else None
    if status is None or "page-status" not in status.get("class", []):
        return ""
    return visible_text(status)


# --- The front matter --------------------------------------------------------------------------


def test_every_page_front_matter_is_complete_and_correct():
    problems = front_matter_problems(DOCS, datetime.date.today())
    assert not problems, "Fix the front matter of these pages (CONTRIBUTING.md, 'Add a page'):\n" + "\n".join(
        problems
    )


class ReviewDue(UserWarning):
    """A page is due for review within 30 days, or overdue: shown in the test summary, never a failure."""


def warn_about_reviews(docs: Path, today: datetime.date) -> None:
    for reminder in reviews_due(docs, today):
        warnings.warn(reminder, ReviewDue)


def test_reviews_due_soon_or_overdue_are_a_warning_not_a_failure():
    """Day-to-day work is not blocked by a review date: only `make release-check` refuses to publish."""
    warn_about_reviews(DOCS, datetime.date.today())


def test_due_and_overdue_pages_become_warnings():
    with pytest.warns(ReviewDue) as warned:
        warn_about_reviews(FIXTURE / "docs", FIXTURE_TODAY)
    assert [str(warning.message) for warning in warned] == reviews_due(FIXTURE / "docs", FIXTURE_TODAY)


def test_front_matter_check_names_each_mistake_page_and_field():
    assert front_matter_problems(FIXTURE / "docs", FIXTURE_TODAY) == [
        "docs/dates-written-another-way.md, line 3: `last_checked: 24/11/2025` is not written YYYY-MM-DD. Write it like 2026-11-24.",
        "docs/dates-written-another-way.md, line 8: `next_review: 2027-02-30` is not a real date. "
        "Write a date that exists, as YYYY-MM-DD.",
        "docs/future-dates.md, line 3: `last_checked: 2027-01-05` is in the future (today is 2026-11-25). "
        "Write the date it really happened.",
        "docs/future-dates.md, line 7: `clinical_signoff: date: 2027-01-05` is in the future (today is 2026-11-25). "
        "Write the date it really happened.",
        "docs/half-signed.md, line 4: `clinical_signoff` has no `role:`. A sign-off needs the clinician's name, professional "
        "role and the date they signed; until then leave all three empty.",
        "docs/half-signed.md, line 4: `clinical_signoff` has no `date:`. A sign-off needs the clinician's name, professional "
        "role and the date they signed; until then leave all three empty.",
        "docs/missing-status.md: front matter has no `last_checked:`. Add the date the page was last checked against "
        "its sources, written YYYY-MM-DD.",
        "docs/missing-status.md: front matter has no `clinical_signoff:`. Add it with empty `name:`, `role:` and "
        "`date:` lines until a clinician signs the page.",
        "docs/missing-status.md: front matter has no `next_review:`. Add the date the page is due for review, written "
        "YYYY-MM-DD, at most 3 years after its last check or sign-off.",
        "docs/no-description-no-title.md: front matter has no `description:`. Add one sentence that says what the "
        "page is about.",
        "docs/no-description-no-title.md: the page has no title. Start its text with one `# Title` line.",
        'docs/no-front-matter.md: the page has no front matter. Start it with the `---` block shown in '
        'CONTRIBUTING.md ("Add a page").',
        "docs/review-too-late.md, line 8: `next_review: 2029-01-11` is more than 3 years after the last check (2026-01-10). "
        "Set it on or before 2029-01-10.",
        "docs/unknown-fields.md, line 3: front matter has the old field `reviewed:`; use `last_checked:` for the date the "
        "page was last checked against its sources.",
        "docs/unknown-fields.md, line 4: front matter has the old field `reviewed_by:`; use `clinical_signoff:` with the "
        "name, role and date of the clinician who signed, or leave it empty until one does.",
        "docs/unknown-fields.md, line 11: front matter has an unknown field `next_reveiw:`. Check its spelling; the fields "
        "are clinical_signoff, description, hide, last_checked, next_review, search, status_note, template, title.",
        "docs/unknown-fields.md, line 10: `clinical_signoff` has an unknown field `email:`. It takes only name, role and date.",
        "docs/unknown-fields.md: front matter has no `next_review:`. Add the date the page is due for review, "
        "written YYYY-MM-DD, at most 3 years after its last check or sign-off.",
        "docs/unreadable-front-matter.md: the front matter cannot be read near line 4 (mapping values are not "
        "allowed in this context). Check the spacing and the colons on that line.",
    ]


def test_three_year_rule_counts_from_the_sign_off_once_signed(tmp_path):
    page = tmp_path / "page.md"
    signed = "---\ndescription: d\nlast_checked: 2026-01-10\nclinical_signoff:\n  name: Dr Fictional Example\n"
    signed += "  role: consultant diabetologist\n  date: 2026-03-01\nnext_review: {}\n---\n# Page\n"
    page.write_text(signed.format("2029-03-01"))
    assert page_status(tmp_path, Path("page.md"), FIXTURE_TODAY)[1] == []
    page.write_text(signed.format("2029-03-02"))
    assert page_status(tmp_path, Path("page.md"), FIXTURE_TODAY)[1] == [
        "docs/page.md, line 8: `next_review: 2029-03-02` is more than 3 years after the clinical sign-off (2026-03-01). "
        "Set it on or before 2029-03-01."
    ]
    page.write_text(signed.format("2026-02-01"))
    assert page_status(tmp_path, Path("page.md"), FIXTURE_TODAY)[1] == [
        "docs/page.md, line 8: `next_review: 2026-02-01` is not after the clinical sign-off (2026-03-01). "
        "Set a later date, on or before 2029-03-01."
    ]


def test_reminders_name_the_overdue_page_and_the_page_due_within_30_days():
    assert reviews_due(FIXTURE / "docs", FIXTURE_TODAY) == [
        "docs/due-soon.md: review due on 2026-12-10, in 15 days.",
        "docs/overdue.md: review overdue since 2026-03-01. Review the page, then update its front matter.",
    ]
    assert reviews_due(FIXTURE / "docs", datetime.date(2026, 11, 9)) == [
        "docs/overdue.md: review overdue since 2026-03-01. Review the page, then update its front matter."
    ]


# --- What the built pages show -----------------------------------------------------------------


def status_problems(docs: Path, site: Path, today: datetime.date) -> list[str]:
    """One line per built page whose status at its end, or whose text, disagrees with its front matter."""
    problems = []
    for page in markdown_pages(docs):
        name = f"docs/{page.as_posix()}"
        built = site / page.with_suffix(".html")
        status, _ = page_status(docs, page, today)
        shown = shown_status(built)
        if status.signed:
            expected = f"Checked by {status.signoff['name']}, {status.signoff['role']}, on"
            if not shown.startswith(expected):
                problems.append(f"{name}: signed in its front matter, but shows {shown!r} at its end")
        elif not shown.startswith(unsigned_notice(docs / page)):
            problems.append(f"{name}: not signed, but does not show the notice at its end (it shows {shown!r})")
        if not status.signed:
            for claim in re.findall(r"(?:reviewed|approved|checked) by [^.]*", readable_text(built), re.IGNORECASE):
                problems.append(f"{name}: says {claim!r}, but no clinician has signed the page")
    return problems


def test_no_page_claims_a_check_that_did_not_happen(site):
    """Today no clinician has signed any page: each shows the notice, and none says who checked it."""
    problems = status_problems(DOCS, site, datetime.date.today())
    assert not problems, "\n".join(problems)


def test_the_urgent_help_page_status_says_call_999_not_prepare_questions(site):
    """On the emergency page the notice must not send a reader off to prepare questions (clinical read F-MW4)."""
    shown = shown_status(site / "get-help-urgently.html")
    assert shown.startswith(NOT_CHECKED) and "call 999" in shown and USUAL_ADVICE not in shown, (
        f"docs/get-help-urgently.md shows {shown!r} at its end. Its `status_note:` should say it follows NHS "
        "advice and to call 999 in an emergency."
    )


@pytest.fixture(scope="module")
def status_site(tmp_path_factory) -> Path:
    """The fixture pages, built with the site's real templates (not strict: some front matter is broken on purpose)."""
    site = tmp_path_factory.mktemp("page-status")
    result = build_site(FIXTURE, site, strict=False)
    assert result.returncode == 0, result.stderr
    return site


def test_status_check_catches_a_claimed_review_and_a_sign_off_that_cannot_be_true(status_site):
    assert status_problems(FIXTURE / "docs", status_site, FIXTURE_TODAY) == [
        "docs/claims-a-review.md: says 'reviewed by a diabetes specialist nurse', but no clinician has signed the page",
        # Its sign-off date is in the future: the checker does not count it, and the page must not show it.
        "docs/future-dates.md: not signed, but does not show the notice at its end (it shows 'Checked by Dr "
        "Fictional Example, consultant diabetologist, on 5 January 2027. Next review due by 5 January 2028.')",
    ]


def test_signed_page_says_who_checked_it_and_when(status_site):
    assert shown_status(status_site / "signed.html") == (
        "Checked by Dr Fictional Example, consultant diabetologist, on 12 January 2026. Next review due by 12 January 2029."
    )
    times = [t["datetime"] for t in read_page(status_site / "signed.html").select(".page-status p:not([hidden]) time")]
    assert times == ["2026-01-12", "2029-01-12"]


def test_unsigned_page_shows_the_calm_notice_and_its_dates(status_site):
    assert shown_status(status_site / "unsigned.html") == (
        f"{UNSIGNED_NOTICE} We last checked it against its sources on 10 January 2026. "
        "Next review due by 10 January 2027."
    )


def test_a_half_filled_sign_off_is_shown_as_unsigned(status_site):
    assert shown_status(status_site / "half-signed.html").startswith(UNSIGNED_NOTICE)
    assert "Fictional" not in main_content(status_site / "half-signed.html").get_text()


@pytest.mark.parametrize(
    "page", ["dates-written-another-way", "missing-status", "no-front-matter", "unreadable-front-matter", "no-description-no-title"]
)
def test_broken_front_matter_still_builds_and_shows_the_notice(status_site, page):
    assert shown_status(status_site / f"{page}.html").startswith(UNSIGNED_NOTICE)


def test_each_status_has_its_own_name_for_screen_readers(site):
    """The whole-guide page shows one status per guide page: each landmark needs its own name."""
    labels = [section["aria-label"] for section in read_page(site / "print.html").select(".page-status")]
    assert len(labels) == len(markdown_pages(DOCS)), labels
    assert len(set(labels)) == len(labels), f"status landmarks share a name: {labels}"


# --- One template, two engines -----------------------------------------------------------------

TEMPLATE = '{% from "partials/page-status.html" import page_status %}{{ page_status(meta, title, strings) }}'
STRINGS = edition_settings(ROOT, "mkdocs.yml")["extra"]["strings"]  # the English edition's words


@functools.cache  # the template is compiled once for each setting, not once for each case
def jinja2_template(autoescape: bool) -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=autoescape)
    return environment.from_string(TEMPLATE)


def render_with_jinja2(meta: dict, autoescape: bool) -> str:
    return jinja2_template(autoescape).render(meta=meta, title="A page", strings=STRINGS)


def render_with_minijinja(meta: dict, autoescape: bool) -> str:
    environment = minijinja.Environment(
        loader=lambda name: (ROOT / "overrides" / name).read_text(encoding="utf-8")
        if (ROOT / "overrides" / name).is_file()
        else None
    )
    environment.auto_escape_callback = lambda name: autoescape
    return environment.render_str(TEMPLATE, meta=meta, title="A page", strings=STRINGS)


SIGNOFF = {"name": "Dr Fictional Example", "role": "consultant diabetologist"}
# (front matter as MkDocs reads it, as Zensical reads it, what the reader sees)
ENGINE_CASES = {
    "signed": (
        {"clinical_signoff": {**SIGNOFF, "date": datetime.date(2026, 1, 2)}, "next_review": datetime.date(2028, 12, 31)},
        {"clinical_signoff": {**SIGNOFF, "date": "2026-01-02"}, "next_review": "2028-12-31"},
        "Checked by Dr Fictional Example, consultant diabetologist, on 2 January 2026. Next review due by 31 December 2028.",
    ),
    "unsigned": (
        {"last_checked": datetime.date(2026, 11, 24), "clinical_signoff": {"name": None, "role": None, "date": None}},
        {"last_checked": "2026-11-24", "clinical_signoff": {"name": None, "role": None, "date": None}},
        f"{UNSIGNED_NOTICE} We last checked it against its sources on 24 November 2026.",
    ),
    "date written another way": (
        {"last_checked": "24/11/2027", "next_review": 2027},
        {"last_checked": "24/11/2027", "next_review": 2027},
        f"{UNSIGNED_NOTICE} We last checked it against its sources on 24/11/2027. Next review due by 2027.",
    ),
    "sign-off without a name": (
        {"clinical_signoff": {"role": "dietitian", "date": datetime.date(2026, 1, 2)}},
        {"clinical_signoff": {"role": "dietitian", "date": "2026-01-02"}},
        UNSIGNED_NOTICE,
    ),
    "sign-off written as one line, unknown fields": (
        {"clinical_signoff": "Dr Fictional Example", "colour": "blue"},
        {"clinical_signoff": "Dr Fictional Example", "colour": "blue"},
        UNSIGNED_NOTICE,
    ),
    "empty front matter": ({}, {}, UNSIGNED_NOTICE),
}


@pytest.mark.parametrize("case", ENGINE_CASES)
@pytest.mark.parametrize("autoescape", [False, True], ids=["no-autoescape", "autoescape"])
def test_status_template_renders_the_same_in_both_engines(case, autoescape):
    mkdocs_meta, zensical_meta, expected = ENGINE_CASES[case]
    for engine, html in (
        ("Jinja2 (MkDocs)", render_with_jinja2(mkdocs_meta, autoescape)),
        ("MiniJinja (Zensical)", render_with_minijinja(zensical_meta, autoescape)),
    ):
        section = BeautifulSoup(html, "html.parser").select_one("section.page-status")
        assert section is not None, f"{engine} rendered no status: {html!r}"
        assert section["aria-label"] == "Page status: A page", engine
        assert visible_text(section) == expected, engine


# --- In a real browser: each status landmark on the whole-guide page has its own name ----------

AXE_RULE = """async rule => (await axe.run(document, {runOnly: {type: "rule", values: [rule]}}))
    .violations.flatMap(violation => violation.nodes.map(node => node.target.join(" ")))"""


def landmark_unique_violations(page) -> list[str]:
    from test_accessibility import AXE  # the pinned axe-core, installed by `make test`

    page.add_script_tag(path=AXE)
    return page.evaluate(AXE_RULE, "landmark-unique")


@pytest.mark.browser
def test_whole_guide_status_landmarks_pass_axe_landmark_unique(page, server, site):
    page.goto(server + "print.html")
    assert landmark_unique_violations(page) == []
    # Proof the rule sees them: the same page with every status named alike fails it.
    html = (site / "print.html").read_text(encoding="utf-8")
    same_names = re.sub(r'aria-label="Page status: [^"]*"', 'aria-label="Page status"', html)
    page.route(server + "print-same-names.html", lambda route: route.fulfill(body=same_names, content_type="text/html"))
    page.goto(server + "print-same-names.html")
    assert landmark_unique_violations(page) != []
