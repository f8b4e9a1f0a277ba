"""The strict build, told the way an educator can act on: MkDocs' own warnings, each naming the
page, with what to do, and nothing else. `make build`, `make check` and `make test` run it first,
so a broken link gives a few lines, not hundreds of failed tests.

    python -m checks.build [SITE_DIR]    # builds into site/ by default; exit status 1 on any problem

Both editions are built: English (mkdocs.yml) into SITE_DIR, Chinese (mkdocs-zh.yml) into SITE_DIR/zh,
as they are published. `--edition en` or `--edition zh` builds one (the offline copies, `make dist`).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

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


# Each edition: its settings file, and where its build goes inside the published site.
EDITIONS = {"en": ("mkdocs.yml", ""), "zh": ("mkdocs-zh.yml", "zh")}


def build_site(project: Path, site_dir: Path, strict: bool = True, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder and return the finished process (output captured)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", str(site_dir)]
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


class _KeepTags(yaml.CSafeLoader):
    """A settings file read with its `!ENV` tags kept as they are, to be written out again."""


class _WriteTags(yaml.SafeDumper):
    """Writes the tags _KeepTags kept."""


class _Tagged:
    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


_KeepTags.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_WriteTags.add_representer(_Tagged, lambda dumper, tagged: tagged.node.__class__(tagged.tag, tagged.node.value))


def _inherited(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT: the child's mappings merged into the parent's, anything else replaced whole."""
    merged = dict(parent)
    for key, value in child.items():
        both_mappings = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _inherited(merged[key], value) if both_mappings else value
    return merged


def edition_settings(project: Path, config: str) -> dict:
    """A settings file as MkDocs reads it, its INHERIT resolved (`!ENV` values left unread)."""
    settings = yaml.load((project / config).read_text(encoding="utf-8"), Loader=_KeepTags)
    if "INHERIT" in settings:
        return _inherited(edition_settings(project, settings.pop("INHERIT")), settings)
    return settings


def settings_without_inherit(project: Path, config: str) -> str:
    """Write `config` with its INHERIT resolved the way MkDocs does, beside it; returns the new file's name.

    Zensical 0.0.73 resolves INHERIT by appending lists (the Chinese nav would follow the English one, and
    the palette would have four entries), so its Chinese build reads this file instead.
    """
    resolved = project / f".resolved-{config}"
    resolved.write_text(yaml.dump(edition_settings(project, config), Dumper=_WriteTags, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return resolved.name


def build_with_zensical(project: Path) -> subprocess.CompletedProcess:
    """A strict, clean (no cache) `zensical build` of a project folder (a copy: copy_for_build) into its
    site/ folder: English, then Chinese into site/zh/. The first that fails, or the last, is returned."""
    env = {name: value for name, value in os.environ.items() if name not in {"SITE_DIR", "SITE_DIR_ZH"}}
    for config, folder in EDITIONS.values():
        if folder:
            config = settings_without_inherit(project, config)
        result = subprocess.run(
            [str(ZENSICAL), "build", "--strict", "--clean", "--config-file", config],
            cwd=project, env=env, capture_output=True, text=True,
        )
        if result.returncode != 0:
            return result
    return result


def build_editions(project: Path, site_dir: Path, editions=tuple(EDITIONS)) -> list[str]:
    """Build the editions side by side, a process each (on a 2-core machine both together take little
    longer than one); the problems of the first edition, in EDITIONS order, that fails. MkDocs empties
    the folder it builds into, so every edition but the first is built in a folder of its own and
    moved into site_dir once all have built."""
    first, *others = editions
    with tempfile.TemporaryDirectory() as staging, ThreadPoolExecutor(len(editions)) as builds:
        targets = {first: site_dir, **{edition: Path(staging) / edition for edition in others}}
        running = {edition: builds.submit(build_site, project, targets[edition], config=EDITIONS[edition][0]) for edition in editions}
        for edition in editions:
            problems = build_problems(running[edition].result())
            if problems:
                return problems
        for edition in others:
            shutil.move(targets[edition], site_dir / EDITIONS[edition][1])
    return []


def zensical_main(site_dir: Path) -> int:
    """`make zensical`: both editions built by Zensical from a copy of the project, then put in site_dir."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_for_build(Path(folder) / "project")
        result = build_with_zensical(project)
        print(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr).strip())  # Zensical colours its messages
        if result.returncode == 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.copytree(project / "site", site_dir)
            print(f"Both editions built by Zensical into {site_dir}/ (Chinese in {site_dir}/zh/).")
        return result.returncode


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
    if sys.argv[1:2] == ["--zensical"]:
        return zensical_main(Path(sys.argv[2] if len(sys.argv) > 2 else "site-zensical"))
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--edition")]
    edition = next((argument.partition("=")[2] for argument in sys.argv[1:] if argument.startswith("--edition=")), "")
    site_dir = Path(arguments[0] if arguments else "site")
    # MkDocs empties the folder it builds into: never one that holds the project's own files.
    kept = tracked_files(site_dir) if site_dir.exists() else []
    if kept:
        print(
            f"{site_dir} holds files git keeps ({', '.join(kept[:3])}{', ...' if len(kept) > 3 else ''}), and a "
            "build empties the folder it writes to. Build into a folder of its own: leave CHECKED_SITE out "
            "(site/), or name a new folder."
        )
        return 2
    problems = build_editions(Path.cwd(), site_dir, (edition,) if edition else tuple(EDITIONS))
    if not problems:
        return 0
    print("\n".join(problems))
    count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
    print(f"The build stopped on {count} (above); nothing else was checked. Fix it, then run the command again.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
