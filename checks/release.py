"""`make release-check`: the publishing gate, run before every way out (GitHub Pages, the container,
the offline copy `make dist`).

It reads one site's settings (`--config mkdocs.yml` by default; another edition passes its own) and
everything MkDocs would publish from that site's docs folder, and prints one line per page:
- `ready`: signed by a clinician, the signed text unchanged since (`make sign` recorded its hash), and
  not overdue for review;
- `draft`: not signed yet, and the site is a draft (`extra: draft:` in the settings, true until every
  page is signed): every page then carries the draft banner (overrides/partials/draft-banner.html);
- `NOT READY`: anything else. A draft never lets through an overdue page, a signed page whose text
  changed, a front-matter mistake, a page or file the checks do not read, or a placeholder address
  (the feedback link, `site_url`).

    python -m checks.release [--config mkdocs.yml] [--today YYYY-MM-DD]
    python -m checks.release --sign docs/page.md --name "..." --role "..." [--date YYYY-MM-DD]

The draft setting is `draft: !ENV [DRAFT, true]`: committed, and overridden only on the command line
of one build (`make dist DRAFT=false`), which the build reads too, so the banner always matches.
"""

import argparse
import datetime
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from checks.front_matter import (
    FRONT_MATTER,
    TRANSLATED_DOCS,
    PLACEHOLDERS,
    SIGNOFF_HASH,
    page_name,
    page_status,
    read_front_matter,
    text_sha256,
)
from checks.translation import translation_release_reasons

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "example", "invalid", "localhost")
# What may sit in docs/ besides the .md pages: the files a page shows or the site loads.
ASSET_SUFFIXES = {".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff2", ".woff"}
SNIPPET_LINE = re.compile(r'^\s*--8<--\s+"(?P<file>[^":]+)(?::(?P<section>[^"]+))?"\s*$', re.MULTILINE)


class _ConfigLoader(yaml.CSafeLoader):
    """mkdocs.yml with its `!ENV` and `!!python/name:` tags read as empty: only `extra` is needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_settings(config_file: Path) -> dict:
    """mkdocs.yml as a dict, without running MkDocs."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def placeholder_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == name or host.endswith("." + name) for name in PLACEHOLDER_HOSTS) or host.startswith("example.")


def feedback_problem(extra: dict, config_name: str) -> str | None:
    """Why the feedback link is not ready for readers, or None."""
    feedback = extra.get("feedback")
    feedback = feedback if isinstance(feedback, dict) else {}
    email = str(feedback.get("email") or "").strip()
    issues = str(feedback.get("issues") or "").strip()
    where = f"{config_name}: extra: feedback:"
    if not (email or issues):
        return f"{where} has no `email:` or `issues:` address, so pages have no way to tell us what is wrong."
    if email and "@" not in email:
        return f"{where} email: {email} is not an email address. Set the team's real address."
    host = email.rpartition("@")[2] if email else urlsplit(issues).hostname or ""
    if placeholder_host(host) or "OWNER/REPO" in issues.upper():
        return f"{where} {email or issues} is a placeholder. Set the team's real email address or issue tracker."
    return None


def site_url_problem(site_url: str | None, config_name: str) -> str | None:
    host = urlsplit(site_url or "").hostname or ""
    if not site_url or placeholder_host(host):
        return (
            f"{config_name}: site_url: {site_url or '(empty)'} is a placeholder, and would be printed in every "
            "canonical link, the sitemap and the decision-aid summary. Give the address readers will use: "
            "SITE_URL=https://.../insulin-pumps/ before the command."
        )
    return None


# --- What a sign-off covers ----------------------------------------------------------------------


def snippet_section(text: str, section: str) -> str:
    """The lines between a snippet file's `[start:section]` and `[end:section]` markers."""
    match = re.search(
        rf"--8<--\s*\[start:{re.escape(section)}\].*?\n(?P<body>.*?)^[^\n]*--8<--\s*\[end:{re.escape(section)}\]",
        text,
        re.DOTALL | re.MULTILINE,
    )
    return match["body"] if match else ""


def signed_text_sha256(page: Path, snippets: dict, config_dir: Path) -> str:
    """The hash a sign-off records: the page's text after its front matter, then each include it uses
    (the sections it names with --8<--, and the files added to every page: glossary tooltips, disclaimer)."""
    body = read_front_matter(page.read_text(encoding="utf-8"))[1]
    folders = [config_dir / folder for folder in snippets.get("base_path") or ["."]]
    named = [(m["file"], m["section"]) for m in SNIPPET_LINE.finditer(body)]
    named += [(file, None) for file in snippets.get("auto_append") or []]
    parts = [body]
    for file, section in named:
        found = next((folder / file for folder in folders if (folder / file).is_file()), None)
        text = found.read_text(encoding="utf-8") if found else ""
        parts.append(f"\n--8<-- {file}:{section or ''}\n" + (snippet_section(text, section) if section else text))
    return text_sha256("".join(parts))


# --- The site as MkDocs would publish it ---------------------------------------------------------


def load_site(config_file: Path):
    """The site's settings as MkDocs reads them (INHERIT, !ENV) and the files it would publish."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(config_file))
    files = [file for file in get_files(config) if not file.inclusion.is_excluded()]
    return config, files


def stray_file_problem(file, docs_name: str) -> str | None:
    """Why a file MkDocs would publish is not one the checks read, or None."""
    name = f"{docs_name}/{file.src_uri}"
    suffix = Path(file.src_uri).suffix.lower()
    if file.is_documentation_page():
        if suffix != ".md":
            return (
                f"{name}: MkDocs would publish this as a page, but the checks read only .md pages. "
                f"Rename it to {Path(file.src_uri).with_suffix('.md').as_posix()}."
            )
        return None
    if suffix not in ASSET_SUFFIXES:
        return (
            f"{name}: MkDocs would copy this file into the site as it is, unchecked. Only pages (.md), images, "
            "stylesheets and scripts belong in the docs folder: delete the file or move it out."
        )
    return None


def gate(config_file: Path, today: datetime.date) -> tuple[list[str], int, bool]:
    """(lines to print, items not ready, draft) for one site."""
    config, files = load_site(config_file)
    docs = Path(config.docs_dir)
    docs_name = docs.relative_to(config_file.parent).as_posix() if docs.is_relative_to(config_file.parent) else str(docs)
    draft = config.extra.get("draft", False)
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    site_problems = [stray_file_problem(file, docs_name) for file in files]
    pages = [Path(file.src_uri) for file in files if file.is_documentation_page() and file.src_uri.endswith(".md")]
    mistakes, statuses = [], []
    for page in pages:
        status, problems = page_status(docs, page, today)
        status.page = f"{docs_name}/{page.as_posix()}"
        mistakes += [problem.replace(page_name(page), status.page, 1) for problem in problems]
        statuses.append((status, docs / page))
    if mistakes:
        return (
            ["Release check: fix these front matter mistakes first (they would show readers a wrong status):"]
            + [f"  {mistake}" for mistake in mistakes],
            len(mistakes),
            draft is True,
        )

    if not isinstance(draft, bool):
        site_problems.append(f"{config_file.name}: extra: draft: must be true or false, not {draft!r}.")
    mode = "a draft: unsigned pages are published under the draft banner" if draft is True else "not a draft"
    lines = [f"Release check of {config_file.name} on {today}: {len(statuses)} pages; the site is {mode}."]
    for status, path in sorted(statuses, key=lambda item: item[0].page):
        reasons = []
        if not status.signed and draft is not True:
            reasons.append(
                "no clinical sign-off yet: a qualified clinician checks the page and signs it (`make sign`); "
                f"or publish a draft on purpose: `draft: true` under `extra:` in {config_file.name}"
            )
        if status.next_review is not None and status.next_review < today:
            reasons.append(f"review overdue since {status.next_review}")
        if docs.name == TRANSLATED_DOCS:
            reasons += translation_release_reasons(docs, path.relative_to(docs), draft is True)
        if status.signed:
            signed, now = status.signoff[SIGNOFF_HASH], signed_text_sha256(path, snippets, config_file.parent)
            if not signed:
                reasons.append("the sign-off has no `sha256:` of what was signed: record it with `make sign`")
            elif signed != now:
                reasons.append(
                    f"its text or an include it uses changed since it was signed (sha256 {signed} then, {now} now): "
                    "the clinician checks the new text, then `make sign` records it"
                )
        if reasons:
            lines.append(f"  NOT READY  {status.page}: {'; '.join(reasons)}.")
        elif not status.signed:
            lines.append(f"  draft      {status.page}: no clinical sign-off yet; shown under the draft banner.")
        else:
            signoff = status.signoff
            lines.append(
                f"  ready      {status.page}: signed by {signoff['name']} ({signoff['role']}) on {signoff['date']}; "
                f"next review due {status.next_review}."
            )
    site_problems += [feedback_problem(config.extra, config_file.name), site_url_problem(config.site_url, config_file.name)]
    lines += [f"  NOT READY  {problem}" for problem in site_problems if problem]
    return lines, sum(line.startswith("  NOT READY") for line in lines), draft is True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site settings (default: mkdocs.yml)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--sign", type=Path, metavar="PAGE", help="record a clinician's sign-off of this page")
    parser.add_argument("--name", default="", help="with --sign: the clinician's full name")
    parser.add_argument("--role", default="", help="with --sign: their professional role")
    parser.add_argument("--date", type=datetime.date.fromisoformat, help="with --sign: the day they signed (default: today)")
    options = parser.parse_args(argv)
    config_file = options.config.resolve()
    if not config_file.is_file():
        print(f"Release check: {options.config} is not a site settings file (such as mkdocs.yml).")
        return 2
    if options.sign:
        return sign(options.sign, options.name, options.role, options.date or options.today, config_file, options.today)

    lines, not_ready, draft = gate(config_file, options.today)
    print("\n".join(lines))
    if lines[0].startswith("Release check: fix"):
        return 1
    if not_ready:
        print(f"Not ready to publish: {not_ready} item(s) above.")
        return 1
    if draft:
        message = (
            f"Ready to publish as a DRAFT ({config_file.name}, extra: draft: true): every page says that the guide "
            "is a draft and not every page has been checked by a health professional."
        )
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning title=Publishing a draft::{message}")
        print(message)
        return 0
    print("Ready to publish.")
    return 0


# --- make sign ----------------------------------------------------------------------------------


def yaml_text(value: str) -> str:
    """A value as YAML reads it back as the same plain text."""
    return value if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .,'()&/-]*[A-Za-z.)]", value) else json.dumps(value)


def sign(page: Path, name: str, role: str, day: datetime.date, config_file: Path, today: datetime.date) -> int:
    """Write the clinician's name, role, date and the hash of what they signed into the page's front matter."""
    if not (name.strip() and role.strip()) or {name.strip().lower(), role.strip().lower()} & PLACEHOLDERS:
        print('make sign needs the clinician\'s NAME="..." and ROLE="...", for example: make sign PAGE=docs/glossary.md '
              'NAME="<their full name>" ROLE="diabetes specialist nurse"')
        return 2
    config, _ = load_site(config_file)
    docs = Path(config.docs_dir)
    path = page if page.is_absolute() else Path.cwd() / page
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    match = FRONT_MATTER.match(text)
    block = re.compile(r"^clinical_signoff:.*\n(?:[ \t]+.*\n|[ \t]*\n)*", re.MULTILINE)
    if not match or not block.search(match.group(0)):
        print(f"{page}: no page with a `clinical_signoff:` block. Check the page's name (a .md file in docs/).")
        return 2
    sha = signed_text_sha256(path, config.mdx_configs.get("pymdownx.snippets", {}), config_file.parent)
    new_block = (
        f"clinical_signoff:\n  name: {yaml_text(name.strip())}\n  role: {yaml_text(role.strip())}\n"
        f"  date: {day.isoformat()}\n  {SIGNOFF_HASH}: {sha} # what was signed: this page and its includes (make sign)\n"
    )
    front = block.sub(lambda _: new_block, match.group(0), count=1)
    path.write_text(front + text[match.end() :], encoding="utf-8")
    _, problems = page_status(docs, path.resolve().relative_to(docs.resolve()), today)
    print(f"{page}: signed by {name.strip()} ({role.strip()}) on {day}; sha256 {sha} records the text they signed.")
    for problem in problems:
        print(f"  Still to fix: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
