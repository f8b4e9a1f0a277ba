"""Each Chinese page (docs-zh/) says which English page it was translated from, and a hash of that
English text (README, "The Chinese edition"). When the English page changes, its translation is out of
date: `make check` warns, naming both files, and `make release-check` refuses to publish it.

The `translation:` block in a Chinese page's front matter:

    translation:
      source: docs/<name>.md          # the English page, same file name
      source_sha256: 1a2b3c4d5e6f     # python -m checks.translation --hash docs/<name>.md
      translator: <who translated it, honestly>
      bilingual_review:                # a bilingual reviewer, separate from the clinical sign-off
        name:
        role:
        date:

    python -m checks.translation                      # warnings and mistakes (make check)
    python -m checks.translation --hash docs/<name>.md  # the hash to write in source_sha256
"""

import argparse
import re
import sys
from pathlib import Path

from checks import report
from checks.front_matter import SIGNOFF_PARTS, TRANSLATED_DOCS, body_sha256, markdown_pages, page_name, read_front_matter

ROOT = Path(__file__).resolve().parent.parent
HASH = re.compile(r"[0-9a-f]{12}")
HOW_TO_HASH = "python -m checks.translation --hash"


def translation_block(zh_docs: Path, page: Path) -> tuple[dict, list[str]]:
    """The page's `translation:` block and one sentence per mistake in it."""
    name = page_name(page, zh_docs.name)
    fields, _, unreadable = read_front_matter((zh_docs / page).read_text(encoding="utf-8"))
    if fields is None or unreadable:
        return {}, []  # checks/front_matter.py names these
    block = fields.get("translation")
    if not isinstance(block, dict):
        return {}, [f"{name}: front matter has no `translation:` block. Add it as shown in README (\"The Chinese edition\")."]
    problems = []
    expected_source = page_name(page)
    if str(block.get("source") or "").strip() != expected_source:
        problems.append(f"{name}: `translation: source:` must be {expected_source}, the English page with the same name.")
    elif not (zh_docs.parent / expected_source).is_file():
        problems.append(f"{name}: its English page {expected_source} does not exist. Delete the Chinese page or restore the English one.")
    if not HASH.fullmatch(str(block.get("source_sha256") or "").strip()):
        problems.append(
            f"{name}: `translation: source_sha256:` must be 12 hex digits; `{HOW_TO_HASH} {expected_source}` prints it."
        )
    if not str(block.get("translator") or "").strip():
        problems.append(f"{name}: `translation: translator:` is empty. Say honestly who or what translated the page.")
    if not isinstance(block.get("bilingual_review"), dict):
        problems.append(f"{name}: `translation: bilingual_review:` needs `name:`, `role:` and `date:` (empty until a reviewer signs).")
    return block, problems


def stale_translation(zh_docs: Path, page: Path, block: dict) -> str | None:
    """Why the translation is out of date with its English page, or None."""
    source = zh_docs.parent / page_name(page)
    recorded = str(block.get("source_sha256") or "").strip()
    if not source.is_file() or not HASH.fullmatch(recorded):
        return None
    current = body_sha256(source.read_text(encoding="utf-8"))
    if current == recorded:
        return None
    return (
        f"{page_name(page, zh_docs.name)} was translated from an older {page_name(page)} (source_sha256 {recorded}, "
        f"now {current}). Bring the Chinese page up to date (`git log -p {page_name(page)}` shows what changed), "
        f"then set `source_sha256: {current}`."
    )


def bilingual_review_missing(block: dict) -> bool:
    review = block.get("bilingual_review") if isinstance(block.get("bilingual_review"), dict) else {}
    return not all(str(review.get(part) or "").strip() for part in SIGNOFF_PARTS)


def translation_report(zh_docs: Path) -> tuple[list[str], list[str]]:
    """(mistakes in the translation blocks, out-of-date translations)."""
    mistakes, stale = [], []
    for page in markdown_pages(zh_docs):
        block, problems = translation_block(zh_docs, page)
        mistakes += problems
        if reason := stale_translation(zh_docs, page, block):
            stale.append(reason)
    return mistakes, stale


def translation_release_reasons(zh_docs: Path, page: Path, draft: bool) -> list[str]:
    """Why `make release-check` may not publish a Chinese page, besides the rules every page has
    (checks/release.py): a mistake in its translation record or a translation out of date, always;
    no bilingual review yet, unless the edition is published as a draft on purpose."""
    block, reasons = translation_block(zh_docs, page)
    if stale := stale_translation(zh_docs, page, block):
        reasons.append(stale)
    elif block and bilingual_review_missing(block) and not draft:
        reasons.append(
            "no bilingual review yet: a reviewer who reads both languages fills in `translation: bilingual_review`; "
            "or publish a draft on purpose"
        )
    return reasons


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hash", metavar="docs/<name>.md", type=Path, help="print the hash to write in source_sha256")
    parser.add_argument("--docs", type=Path, default=ROOT / TRANSLATED_DOCS, help="the Chinese pages (default: docs-zh/)")
    options = parser.parse_args(argv)
    if options.hash:
        if not options.hash.is_file():
            print(f"{options.hash}: no such page. Give the English page, like docs/glossary.md.")
            return 2
        print(body_sha256(options.hash.read_text(encoding="utf-8")))
        return 0
    mistakes, stale = translation_report(options.docs)
    for reason in stale:
        print(f"Translation out of date: {reason}")
    return report(mistakes, "Translation records: {count} mistake(s) above. Fix them, then run the command again.")


if __name__ == "__main__":
    sys.exit(main())
