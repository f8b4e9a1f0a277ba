"""An educator's slips, each made for real on a copy of the project: `make check` answers with one
short message naming the file (and the line, where the source has one) and the fix, and stops.

The checks that speak: checks/markdown_slips.py (components, table rows, files the checks do not
read), checks/data_files.py (a removed page still named in tests/data/), checks/front_matter.py
(mis-indented sign-off), checks/citations.py (run before the build, so it speaks before the footnote
extension does) and checks/preview.py (a busy preview port). tests/fixtures/editor-slips/ holds each
Markdown slip as a page, for the checks' own tests.
"""

import re
import socket
import subprocess
from pathlib import Path

import pytest

from checks.data_files import DataFileError, search_queries
from checks.markdown_slips import COMPONENTS, markdown_slips
from conftest import FIXTURES, ROOT

SLIPS = FIXTURES / "editor-slips"


def test_markdown_slips_are_named_with_page_line_and_fix():
    assert markdown_slips(SLIPS / "docs") == [
        'docs/misspelt-component.md, line 9: `!!! emergancy "Call 999 if:"` is not one of the components (emergency, '
        'urgent, non-urgent, warning, inset, do, dont). Check its spelling against CONTRIBUTING.md ("Components").',
        "docs/table-cells.md, line 13: this table row has 2 cells, but the table has 3 columns (its heading row is "
        "line 10). Add the missing cell (an empty one is `| |`).",
        "docs/table-cells.md, line 14: this table row has 4 cells, but the table has 3 columns (its heading row is "
        "line 10). Remove the extra cell, or write a `|` inside a cell as `\\|`.",
    ]


def test_the_real_pages_have_no_markdown_slips():
    problems = markdown_slips(ROOT / "docs")
    assert not problems, "\n".join(problems)


def test_every_component_is_styled_and_shown_in_the_components_fixture():
    styles = (ROOT / "docs" / "stylesheets" / "components.css").read_text(encoding="utf-8")
    fixture = (FIXTURES / "components" / "components.md").read_text(encoding="utf-8")
    for component in COMPONENTS:
        assert re.search(rf"\.admonition\.{component}\b", styles), f"{component}: no style"
        assert re.search(rf"^!!! {component}\b", fixture, re.MULTILINE), f"{component}: not in the components fixture"


def test_a_removed_page_still_named_in_tests_data_is_named(tmp_path):
    file = tmp_path / "search-queries.yml"
    file.write_text((SLIPS / "search-queries-removed-page.yml").read_text())
    with pytest.raises(DataFileError) as error:
        search_queries(file)
    assert str(error.value) == (
        "tests/data/search-queries.yml: entry 2 (line 6) names docs/sick-days.md, which does not exist. If the page "
        "was removed, remove this entry or point it at the page that now covers it."
    )


# --- The same slips through `make check`, on a copy of the project ---------------------------------


def replace_in(path: Path, old: str, new: str, count: int = -1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def remove_page(project: Path) -> None:
    (project / "docs" / "not-covered.md").unlink()
    replace_in(project / "mkdocs.yml", "  - Questions this guide does not cover: not-covered.md\n", "")


SIGNOFF_OUTDENTED = "clinical_signoff:\nname:\nrole:\ndate:\n"
URGENT_HELP = ROOT / "docs" / "get-help-urgently.md"


def line_of(page: Path, text: str) -> int:
    """The number of the page's first line holding the text: the messages name lines of the real page."""
    return next(number for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# (the slip, what it does to the copy, the line make check must print)
MAKE_CHECK_SLIPS = {
    "misspelt component": (
        lambda p: replace_in(p / "docs" / "get-help-urgently.md", "!!! emergency", "!!! emergancy"),
        f'docs/get-help-urgently.md, line {line_of(URGENT_HELP, "!!! emergency")}: `!!! emergancy "Call 999 or go to A&E if:"` '
        "is not one of the components",
    ),
    "table row missing a cell": (
        lambda p: replace_in(p / "docs" / "about.md", "\n## ", "\n| Term | Meaning |\n| --- | --- |\n| Basal |\n\n## ", 1),
        "this table row has 1 cell, but the table has 2 columns",
    ),
    "page removed, still in tests/data": (
        remove_page,
        "tests/data/search-queries.yml: entries 49 (line 222), ",
    ),
    "mis-indented sign-off": (
        lambda p: replace_in(p / "docs" / "glossary.md", "clinical_signoff:\n  name:\n  role:\n  date:\n", SIGNOFF_OUTDENTED),
        "docs/glossary.md, lines 5 to 7: `name:`, `role:`, `date:` belong to the sign-off: indent them under "
        "`clinical_signoff:` with two spaces",
    ),
    "reference included, never cited": (
        lambda p: replace_in(p / "docs" / "get-help-urgently.md", "[^eastamb-hypoglycaemia]", ""),
        f"docs/get-help-urgently.md, line {line_of(URGENT_HELP, 'references.md:eastamb-hypoglycaemia')}: includes the "
        "reference 'eastamb-hypoglycaemia' but never cites "
        "[^eastamb-hypoglycaemia]. Cite it after the sentence it supports, or remove the include line.",
    ),
    "a leaflet in docs/": (
        lambda p: (p / "docs" / "leaflet.htm").write_text("<h1>Leaflet</h1>"),
        "docs/leaflet.htm: MkDocs would copy this file into the site as it is, unchecked.",
    ),
}


@pytest.mark.tooling
@pytest.mark.parametrize("slip", MAKE_CHECK_SLIPS)
def test_make_check_names_each_slip_in_a_few_lines(tmp_path, slip):
    from test_tooling import make_environment, project_copy

    project = project_copy(tmp_path / "project")
    make_slip, expected = MAKE_CHECK_SLIPS[slip]
    make_slip(project)
    result = subprocess.run(
        ["make", "--no-print-directory", "check"], cwd=project, env=make_environment(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = [line for line in result.stdout.splitlines() if not line.startswith("make: ***")]
    assert result.returncode != 0, result.stdout
    assert expected in output[0], result.stdout
    assert len(output) <= 3 and "Traceback" not in result.stdout, result.stdout


@pytest.mark.tooling
def test_a_busy_preview_port_is_named_with_how_to_pick_another(tmp_path):
    from test_tooling import make_environment, project_copy

    project = project_copy(tmp_path / "project")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PREVIEW=127.0.0.1:{port}"], cwd=project,
            env=make_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60,
        )
    assert result.returncode != 0
    message = [line for line in result.stdout.splitlines() if line.startswith(f"Port {port} on 127.0.0.1")]
    assert message and "make serve PREVIEW=127.0.0.1:" in message[0], result.stdout
    assert "Traceback" not in result.stdout, result.stdout
