"""`make check-external` (checks/external_links.py): every link to another site, fetched and judged.

The machine running the tests has no internet, and the tests contact nothing but 127.0.0.1: a local
server answers OK, a redirect and a 404; a second socket accepts connections and never answers; a
`.invalid` name cannot exist, so it is never looked up. The fixture pages are in
tests/fixtures/external-links/.
"""

import http.server
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checks.external_links import link_report
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow  # real servers and time limits: the tool's own tests, in make test only


class Answers(http.server.BaseHTTPRequestHandler):
    """/ok answers 200, /moved redirects to /ok, anything else is 404."""

    def do_GET(self):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def link_server():
    """(answering server, silent server) addresses, both on 127.0.0.1."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # connections wait in the queue: accepted by the system, never answered
    yield f"http://127.0.0.1:{httpd.server_port}", f"http://127.0.0.1:{silent.getsockname()[1]}"
    httpd.shutdown()
    silent.close()


def fixture_site(folder: Path, server: str, silent: str, pages=("index.html", "links.html")) -> Path:
    """The fixture pages as a built site, with the local servers' addresses filled in."""
    folder.mkdir(exist_ok=True)
    for name in pages:
        html = (FIXTURES / "external-links" / name).read_text(encoding="utf-8")
        (folder / name).write_text(html.replace("{server}", server).replace("{silent}", silent), encoding="utf-8")
    return folder


def run_check(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "checks.external_links", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": "tests", "PATH": ""})


def test_each_link_gets_its_verdict_and_its_page(link_server, tmp_path):
    server, silent = link_server
    site = fixture_site(tmp_path / "site", server, silent)
    rows = [(row.verdict, row.page, row.url, row.detail) for row in link_report(site, timeout=1, workers=4, total_time=60)]
    assert rows == [
        ("broken", "docs/links.md", "htps://www.nhs.uk/",
         "not a valid web address (it must start with https:// and a site name): fix the link"),
        ("broken", "docs/links.md", f"{server}/missing", "404 Not Found"),
        ("broken", "docs/links.md", "https://[::1/broken", "not a valid web address (Invalid IPv6 URL): fix the link"),
        ("unreachable", "docs/links.md", f"{silent}/slow", "no answer within 1 s"),
        ("unreachable", "docs/links.md", "https://pump-guide.invalid/page",
         "the site name pump-guide.invalid cannot exist (.invalid names never resolve)"),
        ("moved", "docs/links.md", f"{server}/moved", f"301: moved to {server}/ok"),
        ("OK", "docs/index.md", f"{server}/ok", "200 OK"),
        ("OK", "docs/links.md", f"{server}/ok", "200 OK"),
    ]


def test_the_whole_check_stops_at_its_time_limit(link_server, tmp_path):
    """A link still waiting when the total time runs out is reported, not waited for."""
    server, silent = link_server
    site = fixture_site(tmp_path / "site", server, silent)
    (site / "links.html").write_text(f'<article class="md-content__inner"><h1>Slow</h1><a href="{silent}/a">a</a></article>')
    (site / "index.html").write_text('<article class="md-content__inner"><h1>Home</h1></article>')
    rows = link_report(site, timeout=60, workers=1, total_time=0.5)
    assert [(row.verdict, row.detail) for row in rows] == [
        ("unreachable", "not checked: the whole check's 0.5 s limit ran out")
    ]


def test_command_prints_a_table_and_fails_when_a_link_is_not_ok(link_server, tmp_path):
    server, silent = link_server
    site = fixture_site(tmp_path / "site", server, silent)
    report = tmp_path / "report.md"
    result = run_check(str(site), "--timeout", "1", "--report", str(report))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["| Result | Page | Link | Details |", "| --- | --- | --- | --- |"]
    assert f"| moved | docs/links.md | {server}/moved | 301: moved to {server}/ok |" in lines
    assert lines[-1].startswith("8 link(s) to other sites checked: 2 OK, 6 to fix")
    assert report.read_text(encoding="utf-8") == result.stdout


def test_command_passes_when_every_link_is_ok(link_server, tmp_path):
    server, silent = link_server
    site = fixture_site(tmp_path / "site", server, silent, pages=("index.html",))
    result = run_check(str(site), "--timeout", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 link(s) to other sites checked: 1 OK, 0 to fix")


def test_command_explains_a_missing_site(tmp_path):
    result = run_check(str(tmp_path / "nothing-here"))
    assert result.returncode == 2
    assert result.stdout == (
        f"No built site in {tmp_path / 'nothing-here'}/: run `make build` first, or name the folder of a built site.\n"
    )
    assert "Traceback" not in result.stderr
