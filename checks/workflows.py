"""The GitHub Actions workflows and the Dependabot settings, checked by zizmor, a security linter.

zizmor runs offline (`--offline`): it reads only the files, so the check needs no network and no token.
It is pinned in requirements-test.txt and installed from the lock, beside the Python that runs the tests.
"""

import json
import subprocess
import sys
from pathlib import Path

ZIZMOR = Path(sys.executable).parent / "zizmor"


def github_files(project: Path) -> list[Path]:
    """Every workflow, and the Dependabot settings, under a project's .github/ folder (paths relative to it)."""
    github = project / ".github"
    files = [*github.glob("workflows/*.yml"), *github.glob("workflows/*.yaml"), *github.glob("dependabot.y*ml")]
    return sorted(path.relative_to(project) for path in files)


def zizmor_findings(project: Path) -> list[str]:
    """One line per zizmor finding in a project's workflows and Dependabot settings: file, line, what and why."""
    files = github_files(project)
    if not files:
        return [f"{project}: no workflow in .github/workflows/ to check"]
    command = [str(ZIZMOR), "--offline", "--no-progress", "--format", "json", *map(str, files)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"zizmor could not check {', '.join(map(str, files))}:\n{result.stderr}"]
    problems = []
    for finding in findings:
        where = next(place for place in finding["locations"] if place["symbolic"]["kind"] == "Primary")
        path = where["symbolic"]["key"]["Local"]["verbatim_path"]
        line = where["concrete"]["location"]["start_point"]["row"] + 1
        problems.append(
            f"{path}, line {line}: {finding['ident']}: {finding['desc']} ({where['symbolic']['annotation']}). "
            f"How to fix: {finding['url']}"
        )
    return problems
