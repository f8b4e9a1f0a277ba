"""Every page ends with "Something wrong or unclear on this page? Tell us".

The link is set in mkdocs.yml (`extra: feedback:`): `email` opens the reader's own email program,
`issues` the project's issue tracker; either is pre-filled with the page's title and address. The
site sends nothing itself: a plain link, no form, no script. The page-status fixture uses the issue
tracker; the real site an email address. The offline copy is checked in tests/test_offline.py and
accessibility by axe on every page (tests/test_accessibility.py).
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from checks.build import EDITIONS, edition_settings
from checks.release import site_settings
from conftest import FIXTURES, ROOT
from checks.sitecheck import content_pages, read_page, source_name
from test_page_status import status_site  # noqa: F401  (the fixture pages, built once for both files)


def configured_feedback(config: Path) -> dict:
    return site_settings(config)["extra"]["feedback"]


def feedback_problems(site: Path, expected_start: str, edition: str = "en") -> list[str]:
    """One line per page whose feedback link is missing, points elsewhere, or is not pre-filled, in the
    edition's own words (`extra: strings:` in its settings file)."""
    words = edition_settings(ROOT, EDITIONS[edition][0])["extra"]["strings"]
    question, link_text, subject_start, page_start = (
        words["feedback_question"], words["feedback_link"], words["feedback_subject"], words["feedback_page"]
    )
    problems = []
    for page in content_pages(site):
        name = source_name(site, page)
        soup = read_page(page)
        links = soup.select(".page-feedback a[href]")
        if len(links) != 1:
            problems.append(f"{name}: has {len(links)} feedback links; every page needs exactly one")
            continue
        box = links[0].find_parent(class_="page-feedback")
        if question not in box.get_text(" ") or links[0].get_text() != link_text:
            problems.append(f"{name}: the feedback link does not read '{question} {link_text}'")
        if box.find(["form", "script", "input", "iframe"]):
            problems.append(f"{name}: the feedback link must be a plain link: no form, script or frame")
        href = links[0]["href"]
        if not href.startswith(expected_start + "?"):
            problems.append(f"{name}: the feedback link goes to {href!r}, not to {expected_start}")
            continue
        query = parse_qs(urlsplit(href).query)
        title = soup.select_one("a.md-nav__link--active").get_text(" ", strip=True)
        address = soup.select_one('link[rel="canonical"]')["href"]
        subject = (query.get("subject") or query.get("title") or [""])[0]
        if subject != f"{subject_start}{title}":
            problems.append(f"{name}: the feedback subject is {subject!r}, not '{subject_start}{title}'")
        if f"{page_start}{address}" not in query.get("body", [""])[0]:
            problems.append(f"{name}: the feedback message does not give the page's address {address}")
    return problems


def test_every_page_has_a_feedback_link_pre_filled_with_its_title_and_address(site, edition):
    email = configured_feedback(ROOT / "mkdocs.yml")["email"]
    problems = feedback_problems(site, f"mailto:{email}", edition)
    assert not problems, "\n".join(problems)


def test_feedback_can_go_to_the_issue_tracker_instead(status_site):  # noqa: F811
    issues = configured_feedback(FIXTURES / "page-status" / "mkdocs.yml")["issues"]
    assert feedback_problems(status_site, issues) == []


def test_feedback_check_names_the_page_without_a_link(site, tmp_path):
    """Proof that the check can fail: a copy of one page whose link was dropped or points elsewhere."""
    for name in ("glossary.html", "about.html"):
        (tmp_path / name).write_text((site / name).read_text(encoding="utf-8"), encoding="utf-8")
    dropped = BeautifulSoup((tmp_path / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    dropped.select_one(".page-feedback").decompose()
    (tmp_path / "glossary.html").write_text(str(dropped), encoding="utf-8")
    moved = (tmp_path / "about.html").read_text(encoding="utf-8").replace("Feedback%20on%3A%20", "Hello%20")
    (tmp_path / "about.html").write_text(moved, encoding="utf-8")
    email = configured_feedback(ROOT / "mkdocs.yml")["email"]
    assert feedback_problems(tmp_path, f"mailto:{email}") == [
        "docs/about.md: the feedback subject is 'Hello About this guide', not 'Feedback on: About this guide'",
        "docs/glossary.md: has 0 feedback links; every page needs exactly one",
    ]
