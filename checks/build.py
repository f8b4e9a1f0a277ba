"""The strict build, told the way an educator can act on: MkDocs' own warnings, each naming the
page, with what to do, and nothing else. `make build`, `make check` and `make test` run it first,
so a broken link gives a few lines, not hundreds of failed tests.

    python -m checks.build [SITE_DIR]    # builds into site/ by default; exit status 1 on any problem
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# A MkDocs log line: "WARNING -  Doc file 'about.md' contains ...". Indented lines after it (a list
# of pages) belong to it; a traceback does not.
LOG_LINE = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")
SHOWN_LEVELS = {"WARNING", "ERROR", "CRITICAL"}

# What to do about each kind of MkDocs message, found by words in the message.
FIXES = [
    ("but the target is not found among documentation files",
     "check the page name in the link (each page is a .md file in docs/), or remove the link."),
    ("does not contain an anchor",
     "check the section's id, the { #id } after its heading on that page, or fix the link."),
    ('not included in the "nav" configuration', "add the page under nav: in mkdocs.yml, or delete it."),
    ("contains an absolute link", "write the link relative to the page, like glossary.md, not starting with /."),
    ("contains an unrecognized relative link", "link to the page's Markdown file, like glossary.md#basal-insulin."),
    ("is included in the 'nav' configuration, which is not found", "check the file name under nav: in mkdocs.yml."),
    ("Snippet at path", "check the file name after --8<--; included files are in includes/."),
    ("Error building page", "check the front matter at the top of the page (between the --- lines) "
                            "against the template in CONTRIBUTING.md."),
]


def build_site(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder and return the finished process (output captured)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def build_problems(result: subprocess.CompletedProcess) -> list[str]:
    """MkDocs' warnings and errors from a finished build, each followed by what to do; [] if it built.

    A crash's traceback is left out: MkDocs logs an error naming the page before it, and that is the
    line to act on. When there is no such line, the crash's last line stands for it.
    """
    if result.returncode == 0:
        return []
    records: list[tuple[str, str]] = []  # (level, message with its continuation lines)
    in_traceback = False
    for line in (result.stderr + result.stdout).splitlines():
        record = LOG_LINE.match(line)
        if record:
            records.append((record["level"], line.rstrip()))
            in_traceback = False
        elif line.startswith("Traceback"):
            in_traceback = True
        elif records and not in_traceback and line.startswith(" ") and line.strip():
            level, message = records[-1]
            records[-1] = (level, message + "\n" + line.rstrip())
    problems = [message for level, message in records if level in SHOWN_LEVELS]
    if not problems:
        last = [line for line in result.stderr.splitlines() if line.strip()][-1:] or ["no message"]
        problems = [f"ERROR -  The build stopped: {last[0].strip()}"]
    return [with_fix(problem) for problem in problems]


def with_fix(problem: str) -> str:
    for words, fix in FIXES:
        if words in problem:
            return f"{problem}\n  To fix: {fix}"
    return problem


# --- Zensical, Material's successor (make zensical; README, "Building with Zensical") ---------------

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# Top-level folders no build reads: tools, output, tests. Zensical writes only inside the project
# folder (site/ and a .cache/ folder), so it builds a copy of the project; tests that break a page on
# purpose break a copy too. Leaving these out keeps the copy small and quick.
NOT_READ_BY_A_BUILD = {
    ".git", ".venv", ".venv-zensical", "site", "site-zensical", ".cache", ".pytest_cache", "node_modules", "dist",
    "tests", "bench", "test-artifacts",
}


def copy_for_build(destination: Path) -> Path:
    """A copy of what a build reads (pages, includes, templates, settings); returns its folder."""
    skip = lambda folder, names: NOT_READ_BY_A_BUILD & set(names) if Path(folder) == ROOT else set()  # noqa: E731
    return Path(shutil.copytree(ROOT, destination, ignore=skip))


def build_with_zensical(project: Path) -> subprocess.CompletedProcess:
    """Run a strict, clean (no cache) `zensical build` of a project folder into its site/ folder."""
    env = {name: value for name, value in os.environ.items() if name != "SITE_DIR"}
    return subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--clean"], cwd=project, env=env, capture_output=True, text=True
    )


def tracked_files(folder: Path) -> list[str]:
    """Files git keeps in a folder (none when git or the repository is missing)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--", str(folder)], cwd=Path.cwd(), capture_output=True, text=True, check=False
        )
    except OSError:
        return []
    return listed.stdout.split() if listed.returncode == 0 else []


def main() -> int:
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    # MkDocs empties the folder it builds into: never one that holds the project's own files.
    kept = tracked_files(site_dir) if site_dir.exists() else []
    if kept:
        print(
            f"{site_dir} holds files git keeps ({', '.join(kept[:3])}{', ...' if len(kept) > 3 else ''}), and a "
            "build empties the folder it writes to. Build into a folder of its own: leave CHECKED_SITE out "
            "(site/), or name a new folder."
        )
        return 2
    problems = build_problems(build_site(Path.cwd(), site_dir))
    if not problems:
        return 0
    print("\n".join(problems))
    count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
    print(f"The build stopped on {count} (above); nothing else was checked. Fix it, then run the command again.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
