"""pa11y with HTML_CodeSniffer (WCAG 2 AA): a second accessibility engine beside axe-core.

checks/pa11y_pages.mjs runs pa11y (npm, package.json) on the pages, in the same Chromium as the
tests; this module turns its errors into one line per page and problem.
"""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).with_name("pa11y_pages.mjs")
PA11Y = ROOT / "node_modules" / "pa11y"


def pa11y_errors(urls: list[str], chromium: str, after_first_touch: bool = False) -> dict[str, list[dict]]:
    """pa11y's errors (not its warnings or notices) for each address: code, message, selector, context.
    `after_first_touch` checks each page once Material's script has started, as a reader's first touch
    starts it; otherwise as the page opens."""
    option = ["--after-first-touch"] if after_first_touch else []
    result = subprocess.run(["node", str(RUNNER), chromium, *option, *urls], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pa11y could not run (node {RUNNER.relative_to(ROOT)}):\n{result.stderr}")
    return json.loads(result.stdout)


def pa11y_problems(errors: dict[str, list[dict]], name_of=str) -> list[str]:
    """One line per error, naming the page, the rule and the element. There is no list of accepted
    errors: each one is fixed. `name_of` turns an address into the name an educator knows (the page's
    Markdown file)."""
    problems = []
    for url, issues in errors.items():
        for issue in issues:
            parts = issue["code"].split(".")  # WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2
            rule = f"WCAG {parts[3].replace('_', '.')} {'.'.join(parts[4:])}"
            problems.append(f"{name_of(url)}: {rule}: {issue['message']} (at `{issue['selector']}`)")
    return problems
