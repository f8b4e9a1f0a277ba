"""Shared set-up: one strict build of the real site per test session."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE = ROOT / "site"


def build_site(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder and return the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site() -> Path:
    """The real site, built once in strict mode into site/."""
    result = build_site(ROOT, SITE)
    if result.returncode != 0:
        pytest.fail(
            "The strict build failed. Fix the WARNING lines below (they name the page and the problem):\n"
            + result.stderr,
            pytrace=False,
        )
    return SITE
