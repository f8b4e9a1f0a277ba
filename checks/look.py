"""Checks on how the built pages present the guide (the look lane, issue 12)."""

from pathlib import Path

from checks.sitecheck import content_pages, main_content, read_page, source_name


def repeated_disclaimers(site: Path) -> list[str]:
    """Each page shows the disclaimer once: in its text (includes/disclaimer.md), not again in the footer."""
    problems = []
    for page in content_pages(site):
        name = source_name(site, page)
        count = len(main_content(page).select(".disclaimer"))
        if count != 1:
            problems.append(f"{name}: shows the disclaimer (includes/disclaimer.md) {count} times; once is enough.")
        footer = read_page(page).select_one(".md-footer .md-copyright")
        words = " ".join(footer.get_text().split()) if footer else ""
        if "medical advice" in words.lower():
            problems.append(
                f"{name}: the footer repeats the disclaimer ({words!r}). "
                "Remove `copyright:` from mkdocs.yml: includes/disclaimer.md already ends every page."
            )
    return problems
