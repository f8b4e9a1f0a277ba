"""`make release-check`: the publishing gate.

It refuses to publish while any page lacks a clinical sign-off or is overdue for review, or while the
feedback link (mkdocs.yml, `extra: feedback:`) is missing or a placeholder. It prints one line per page.

A maintainer can publish a draft on purpose with ALLOW_DRAFT=true (on GitHub: the repository variable
ALLOW_DRAFT, read by .github/workflows/publish.yml). Every unsigned page then shows readers the notice
that no health professional has checked it yet (overrides/partials/page-status.html). Mistakes in the
front matter are never allowed through: they would show readers a wrong status.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from checks.front_matter import TRANSLATED_DOCS, front_matter_problems, page_statuses, release_status
from checks.translation import release_not_ready

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", ".example", ".invalid")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` and `!!python/name:` tags read as empty: only `extra` is needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_settings(config_file: Path) -> dict:
    """mkdocs.yml as a dict, without running MkDocs."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def feedback_problem(config_file: Path) -> str | None:
    """Why the feedback link is not ready for readers, or None."""
    feedback = (site_settings(config_file).get("extra") or {}).get("feedback")
    feedback = feedback if isinstance(feedback, dict) else {}
    email = str(feedback.get("email") or "").strip()
    issues = str(feedback.get("issues") or "").strip()
    where = f"{config_file.name}: extra: feedback:"
    if not (email or issues):
        return f"{where} has no `email:` or `issues:` address, so pages have no way to tell us what is wrong."
    host = email.rpartition("@")[2] if email else urlsplit(issues).hostname or ""
    if any(host == domain or host.endswith("." + domain.lstrip(".")) for domain in PLACEHOLDER_DOMAINS):
        return f"{where} {email or issues} is a placeholder. Set the team's real email address or issue tracker."
    return None


def chinese_edition_not_ready(zh_docs: Path, today: datetime.date) -> int:
    """The Chinese edition's pages (checks/translation.py): each needs its own clinical sign-off, a
    bilingual review and a translation of the English page as it is now. Prints one line a page."""
    lines = release_not_ready(zh_docs, today) if zh_docs.is_dir() else []
    for line in lines:
        print(f"  NOT READY  {line}.")
    return len(lines)


def draft_allowed(value: str) -> bool | None:
    """ALLOW_DRAFT: true or false (empty means false); None for anything else."""
    return {"": False, "false": False, "true": True}.get(value.strip().lower())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the pages (default: docs/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site settings (default: mkdocs.yml)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    options = parser.parse_args(argv)

    allow_draft = draft_allowed(os.environ.get("ALLOW_DRAFT", ""))
    if allow_draft is None:
        print(f"ALLOW_DRAFT is {os.environ['ALLOW_DRAFT']!r}: set it to true (publish a draft) or false.")
        return 2
    if not options.docs.is_dir() or not options.config.is_file():
        print(f"Release check: {options.docs} must be the pages folder and {options.config} the site settings.")
        return 2

    mistakes = front_matter_problems(options.docs, options.today)
    if mistakes:
        print("Release check: fix these front matter mistakes first (they would show readers a wrong status):")
        print("\n".join(f"  {mistake}" for mistake in mistakes))
        return 1

    statuses = page_statuses(options.docs, options.today)
    print(f"Release check on {options.today}: {len(statuses)} pages")
    not_ready = 0
    for status in statuses:
        reason = release_status(status, options.today)
        if reason:
            not_ready += 1
            print(f"  NOT READY  {status.page}: {reason}.")
        else:
            signoff = status.signoff
            print(
                f"  ready      {status.page}: signed by {signoff['name']} ({signoff['role']}) on {signoff['date']}; "
                f"next review due {status.next_review}."
            )
    not_ready += chinese_edition_not_ready(options.docs.parent / TRANSLATED_DOCS, options.today)
    feedback = feedback_problem(options.config)
    if feedback:
        not_ready += 1
        print(f"  NOT READY  {feedback}")

    if not not_ready:
        print("Ready to publish.")
        return 0
    if allow_draft:
        print(
            f"Publishing a DRAFT on purpose (ALLOW_DRAFT=true): {not_ready} item(s) above are not ready. "
            "Each unsigned page tells readers that no health professional has checked it yet."
        )
        return 0
    print(
        f"Not ready to publish: {not_ready} item(s) above. To publish a draft on purpose, run "
        "`ALLOW_DRAFT=true make release-check` (on GitHub, set the repository variable ALLOW_DRAFT to true)."
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
