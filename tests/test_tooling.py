"""The educator's commands, run for real on a copy of the project: what a mistake looks like in
`make check` and `make test`, and a preview (`make serve`) that keeps running and reloads.

These start make, MkDocs and a web server, so they run in `make test` only (marker: tooling).
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from checks.browser import free_port
from conftest import ROOT

pytestmark = pytest.mark.tooling

BROKEN_LINK = "\nSee [the pump page](no-such-page.md).\n"
PREVIEW_WAIT = 90  # seconds: a first build on a busy machine; the tests wait for the page, not a clock


# Installed tools (every virtualenv, npm's packages): linked into the copy, so make installs nothing.
TOOLS = (".venv*", "node_modules")
BUILD_OUTPUT = ("site", "site-*", "dist", ".pytest_cache", "__pycache__")


def project_copy(destination: Path) -> Path:
    """The project's files (no build output) with the installed tools linked in, as on a fresh edit."""
    top_level = shutil.ignore_patterns(".git", *TOOLS, *BUILD_OUTPUT)  # only there: a page may be named site-...

    def left_out(folder: str, names: list[str]) -> set[str]:
        # Lighthouse's packages for make bench (bench/node_modules, 13,000 files) are never used by
        # what these tests run, and copying them took 7 s a copy.
        return top_level(folder, names) if Path(folder) == ROOT else {"__pycache__", "node_modules"} & set(names)

    shutil.copytree(ROOT, destination, ignore=left_out)
    for pattern in TOOLS:
        for tools in ROOT.glob(pattern):
            (destination / tools.name).symlink_to(tools)
    return destination


def make_environment() -> dict[str, str]:
    """The environment of an educator's terminal: not that of the make (or pytest) running this test."""
    outer = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "CHECKED_SITE", "PYTEST_CURRENT_TEST"}
    return {name: value for name, value in os.environ.items() if name not in outer}


@pytest.mark.parametrize("command", ["check", "test"])
def test_a_broken_link_gives_a_few_lines_with_the_cause_at_the_end(tmp_path, command):
    project = project_copy(tmp_path / "project")
    with open(project / "docs" / "about.md", "a", encoding="utf-8") as page:
        page.write(BROKEN_LINK)
    result = subprocess.run(
        ["make", command], cwd=project, env=make_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode != 0, result.stdout
    assert len(lines) < 10, f"`make {command}` gave {len(lines)} lines for one broken link:\n{result.stdout}"
    assert any("about.md" in line and "no-such-page.md" in line for line in lines[-5:]), result.stdout


def test_a_failed_check_shows_its_message_and_no_code(tmp_path):
    """make check as an educator runs it, on a page with an image without alt text. Its tests are
    narrowed to the image checks (PYTEST_ADDOPTS): the message's form is what is tested, in seconds."""
    project = project_copy(tmp_path / "project")
    with open(project / "docs" / "about.md", "a", encoding="utf-8") as page:
        page.write("\n![](assets/favicon.svg)\n")
    result = subprocess.run(
        ["make", "check"], cwd=project, env={**make_environment(), "PYTEST_ADDOPTS": "tests/test_images.py"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert result.returncode != 0, result.stdout
    assert "docs/about.md: the image 'favicon.svg' has no alt text." in result.stdout, result.stdout
    assert "def test_" not in result.stdout and "assert not" not in result.stdout, result.stdout


def page_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for_page(url: str, words: str) -> bool:
    """True once the preview serves a page that holds the words (polled: the preview rebuilds on its own)."""
    deadline = time.monotonic() + PREVIEW_WAIT
    while time.monotonic() < deadline:
        if words in (page_text(url) or ""):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`make serve` on a copy whose About page has a broken link and whose glossary has a review date
    written the wrong way: (project, page address, output file)."""
    project = project_copy(tmp_path_factory.mktemp("preview") / "project")
    with open(project / "docs" / "about.md", "a", encoding="utf-8") as page:
        page.write(BROKEN_LINK)
    glossary = project / "docs" / "glossary.md"
    glossary.write_text(re.sub(r"(?m)^next_review: .*$", "next_review: 25/11/2027", glossary.read_text(), count=1))
    address = f"127.0.0.1:{free_port()}"
    output = project.parent / "serve.log"
    with open(output, "w") as log, ctrl_c_heard():
        server = subprocess.Popen(
            ["make", "serve", f"PREVIEW={address}"], cwd=project, env=make_environment(),
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    yield project, f"http://{address}/insulin-pumps/about.html", output
    os.killpg(server.pid, signal.SIGINT)  # Ctrl+C, as the educator stops it
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        processes = subprocess.run(["ps", "-o", "pid,stat,wchan:24,args", "-g", str(server.pid)], capture_output=True, text=True)
        log_end = "\n".join(output.read_text(errors="replace").splitlines()[-12:])
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        pytest.fail(f"make serve did not stop within 30 s of Ctrl+C.\n{processes.stdout}\nIts last lines:\n{log_end}")


@contextlib.contextmanager
def ctrl_c_heard():
    """While a program starts, Ctrl+C is heard, as in an educator's terminal. Run as a background job
    (`make test &`), pytest inherits the shell's order to ignore Ctrl+C and passes it on: `make serve`
    then ignored the test's Ctrl+C and was killed 30 s later (twice in `make bench` on 30 November 2026).
    A program started while Ctrl+C has a handler begins with Ctrl+C stopping it."""
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_preview_serves_pages_while_a_link_is_broken_and_prints_the_address(preview):
    project, url, output = preview
    assert wait_for_page(url, "About this guide"), f"The preview did not serve {url}:\n{output.read_text()}"
    log = output.read_text()
    assert f"Preview: open {url.removesuffix('about.html')} in your browser" in log, log
    assert "WARNING" in log and "no-such-page.md" in log, f"The broken link is not shown as a warning:\n{log}"


def test_preview_names_a_front_matter_mistake_in_one_sentence_and_keeps_serving(preview):
    project, url, output = preview
    glossary = url.replace("about.html", "glossary.html")
    assert wait_for_page(glossary, "Glossary"), f"The preview did not serve {glossary}:\n{output.read_text()}"
    log = output.read_text()
    assert "docs/glossary.md, line 8: `next_review: 25/11/2027` is not written YYYY-MM-DD." in log, log
    assert "Traceback" not in log, f"The preview showed Python's traceback:\n{log}"


@pytest.mark.parametrize(
    "folder, file, addition",
    [
        ("includes", "disclaimer.md", "\nPreview reload check: an include was saved.\n"),
        ("overrides", "main.html", "\n{% block footer %}{{ super() }}<p>Preview reload check: a template was saved.</p>{% endblock %}\n"),
    ],
    ids=["includes", "overrides"],
)
def test_preview_reloads_when_an_include_or_a_template_is_saved(preview, folder, file, addition):
    project, url, output = preview
    assert wait_for_page(url, "About this guide"), f"The preview did not start:\n{output.read_text()}"
    with open(project / folder / file, "a", encoding="utf-8") as changed:
        changed.write(addition)
    words = addition.split("Preview reload check: ")[1].split(".")[0]
    assert wait_for_page(url, words), f"The preview did not show a change to {folder}/{file}:\n{output.read_text()}"
