"""Self-hosting: Debian's nginx with deploy/nginx.conf serves the built site safely.

The test runs real nginx, in the foreground, on a free port of 127.0.0.1, with the same nginx.conf
the container uses (only its `listen` line moved) and the CSP include written by
deploy/csp_hashes.py, as the container's build does. Each check is a function of a base address;
the same checks run against conftest's plain Python file server, which sets none of this up,
to prove that each of them can fail.
"""

import base64
import gzip
import hashlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest

from checks.browser import free_port
from checks.browser_search import describe, search_results
from conftest import ROOT
from checks.sitecheck import absolute_root, content_pages, read_page

DEPLOY = ROOT / "deploy"
LISTEN = "listen 8080;"  # the one line of nginx.conf the test changes
# Material's fingerprinted assets: main.57a0d79d.min.css, bundle.a5f9d56c.min.js, search.a7633da7.min.js
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
YEAR = 365 * 24 * 60 * 60
# A visit collects every CSP violation the page reports, inline or not, before its own scripts run.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "an inline script or style"}`
    + ` (${event.sourceFile || location.pathname}:${event.lineNumber})`));
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")  # sbin: not on a user's PATH


def wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    """Poll the port until nginx answers; fail with nginx's own words if it exits instead."""
    for _ in range(500):
        if process.poll() is not None:
            pytest.fail(f"nginx did not start with deploy/nginx.conf:\n{log.read_text()}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    pytest.fail(f"nginx never listened on port {port}:\n{log.read_text()}", pytrace=False)


@pytest.fixture(scope="module")
def site_path(site) -> str:
    """The path the site lives under, from site_url in mkdocs.yml (the 404 page links from it): '/insulin-pumps/'."""
    return absolute_root(read_page(site / "404.html"))


class Served(NamedTuple):
    base: str  # the site's address: http://127.0.0.1:PORT/insulin-pumps/
    folder: Path  # the folder nginx serves it from


@pytest.fixture(scope="module")
def nginx_site(site, site_path):
    """Real nginx serving the built site with deploy/nginx.conf, stopped at the end."""
    binary = nginx_binary()
    if binary is None:
        message = "nginx is not installed; `make test` installs Debian's package when run as root"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    # nginx's prefix: readable by its worker processes, which drop root and run as "nobody".
    prefix = Path(tempfile.mkdtemp(prefix="nginx-test-"))
    prefix.chmod(0o755)
    served = prefix / "html" / site_path.strip("/")
    shutil.copytree(site, served)
    served.chmod(0o755)
    conf = prefix / "conf"
    conf.mkdir()
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert text.count(LISTEN) == 1, f"deploy/nginx.conf must have exactly one `{LISTEN}` line for the test to move"
    port = free_port()
    (conf / "nginx.conf").write_text(text.replace(LISTEN, f"listen 127.0.0.1:{port};"), encoding="utf-8")
    subprocess.run([sys.executable, DEPLOY / "csp_hashes.py", site, conf / "csp.conf"], check=True)
    log = prefix / "nginx.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [binary, "-p", f"{prefix}/", "-c", conf / "nginx.conf", "-e", "stderr", "-g", "daemon off;"],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_listening(process, port, log)
        yield Served(f"http://127.0.0.1:{port}{site_path}", served)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(prefix, ignore_errors=True)


@pytest.fixture(scope="module")
def nginx(nginx_site) -> str:
    """The address of the site as nginx serves it, ending in '/'."""
    return nginx_site.base


@pytest.fixture(scope="module")
def served_paths(site) -> list[str]:
    """What a visit asks for: every page, and one of each kind of asset (fingerprinted or not)."""
    pages = [page.relative_to(site).as_posix() for page in content_pages(site)]
    assets = sorted(path.relative_to(site).as_posix() for path in (site / "assets").rglob("*") if path.is_file())
    fingerprinted = {match.group(1): path for path in assets if (match := FINGERPRINTED.search(path))}
    assert set(fingerprinted) == {"css", "js"}, f"Material's fingerprinted file names have changed: {assets}"
    return pages + sorted(fingerprinted.values()) + ["stylesheets/print.css", "search/search_index.json"]


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One GET, without following redirects or undoing compression: status, headers, raw body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in filter(None, (piece.strip() for piece in header.split(";"))):
        name, *sources = part.split()
        directives[name.lower()] = sources
    return directives


def header_problems(url: str) -> list[str]:
    status, headers, _ = get(url)
    return security_header_problems(f"{urlsplit(url).path} ({status})", headers)


def security_header_problems(where: str, headers: dict[str, str]) -> list[str]:
    """The security headers one response must carry, checked for what they say, not their wording."""
    problems = []
    if headers.get("x-content-type-options") != "nosniff":
        problems.append(f"{where}: X-Content-Type-Options must be 'nosniff'")
    if headers.get("referrer-policy") not in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        problems.append(f"{where}: Referrer-Policy {headers.get('referrer-policy')!r} tells other sites too much")
    permissions = headers.get("permissions-policy", "")
    for feature in ("camera", "microphone", "geolocation"):
        if f"{feature}=()" not in permissions:
            problems.append(f"{where}: Permissions-Policy must switch off {feature} ({feature}=())")
    hsts = re.search(r"max-age=(\d+)", headers.get("strict-transport-security", ""))
    if not hsts or int(hsts.group(1)) < YEAR:
        problems.append(f"{where}: Strict-Transport-Security needs max-age of a year or more")
    if re.search(r"\d", headers.get("server", "")):
        problems.append(f"{where}: the Server header gives away the version ({headers['server']}): server_tokens off")
    policy = csp_directives(headers.get("content-security-policy", ""))
    scripts = policy.get("script-src", policy.get("default-src"))
    if not scripts:
        problems.append(f"{where}: no Content-Security-Policy limiting scripts")
        return problems
    if unsafe := [s for s in scripts if s in {"'unsafe-inline'", "'unsafe-eval'", "*"} or ":" in s.strip("'")]:
        problems.append(f"{where}: script-src allows {unsafe}; list inline scripts by hash instead")
    for directive in ("style-src", "img-src", "connect-src", "font-src"):
        sources = policy.get(directive, policy.get("default-src", ["*"]))
        if any(s in {"*", "'unsafe-inline'", "http:", "https:"} or "." in s for s in sources):
            problems.append(f"{where}: {directive} {' '.join(sources)} lets the page load from other hosts or inline")
    for directive, wanted in (("object-src", "'none'"), ("frame-ancestors", "'none'"), ("base-uri", "'none'")):
        if policy.get(directive, policy.get("default-src") if directive == "object-src" else None) != [wanted]:
            problems.append(f"{where}: Content-Security-Policy needs {directive} {wanted}")
    return problems


def not_found_problems(base: str, site: Path) -> list[str]:
    """A missing page answers 404 with the site's own 404 page (and the same headers)."""
    status, headers, body = get(base + "no-such-page.html")
    problems = header_problems(base + "no-such-page.html")
    if status != 404:
        problems.append(f"a missing page answers {status}, not 404")
    if body != (site / "404.html").read_bytes():
        problems.append("a missing page does not show the site's own 404.html")
    return problems


def compression_problems(base: str, site: Path, paths: list[str]) -> list[str]:
    """Text files come gzipped to a browser that accepts it (and say so in Vary), unchanged inside."""
    problems = []
    for path in paths:
        status, headers, body = get(base + path, **{"Accept-Encoding": "gzip"})
        if (site / path).stat().st_size < 1024 or path.endswith((".png", ".ico")):
            continue
        if headers.get("content-encoding") != "gzip":
            problems.append(f"{path}: sent uncompressed to a browser that accepts gzip")
        elif gzip.decompress(body) != (site / path).read_bytes():
            problems.append(f"{path}: the gzipped file differs from the built one")
        elif "accept-encoding" not in headers.get("vary", "").lower():
            problems.append(f"{path}: gzipped without 'Vary: Accept-Encoding', so caches may mix the versions")
    return problems


def caching_problems(base: str, paths: list[str]) -> list[str]:
    """Fingerprinted assets are kept a year; everything else is checked again on each visit."""
    problems = []
    for path in paths:
        _, headers, _ = get(base + path)
        cache = headers.get("cache-control", "")
        max_age = int(match.group(1)) if (match := re.search(r"max-age=(\d+)", cache)) else None
        if FINGERPRINTED.search(path):
            if max_age is None or max_age < YEAR:
                problems.append(f"{path}: fingerprinted, so it can be cached a year; Cache-Control is {cache!r}")
        elif "no-cache" not in cache and (max_age or 0) > 0:
            problems.append(f"{path}: may change without changing its name, yet is cached ({cache!r})")
        elif "no-cache" not in cache and max_age is None:
            problems.append(f"{path}: no Cache-Control: browsers guess how long to keep it; say no-cache")
    return problems


def browser_problems(browser, base: str, pages: list[str]) -> list[str]:
    """Open each page in Chromium: report CSP violations, and any file the page could not load."""
    problems = []
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    try:
        for path in pages:
            page = context.new_page()
            failed: list[str] = []
            page.on("console", lambda m, failed=failed: failed.append(m.text) if "Content Security Policy" in m.text else None)
            page.on(
                "response",
                # The page itself may be the 404 page on purpose; what it loads must all be there.
                lambda r, failed=failed: failed.append(f"{r.url} answered {r.status}")
                if r.status >= 400 and not r.request.is_navigation_request()
                else None,
            )
            page.goto(base + path)
            page.wait_for_load_state("load")
            # A glossary term's meaning is built when a reader points at it: it must obey the policy too.
            if (term := page.locator("article abbr[data-meaning]").first).count():
                term.hover()
                page.locator(".md-tooltip2--active").wait_for()
            violations = page.evaluate("window.__cspViolations") + failed
            problems += [f"{path}: {violation}" for violation in dict.fromkeys(violations)]
            page.close()
    finally:
        context.close()
    return problems


def test_nginx_sends_the_security_headers(nginx, served_paths):
    problems = [problem for path in served_paths for problem in header_problems(nginx + path)]
    assert not problems, "Fix deploy/nginx.conf:\n" + "\n".join(problems)


def test_nginx_answers_a_missing_page_with_the_sites_404_page(nginx, site):
    problems = not_found_problems(nginx, site)
    assert not problems, "\n".join(problems)


def test_nginx_compresses_text(nginx, site, served_paths):
    problems = compression_problems(nginx, site, served_paths)
    assert not problems, "\n".join(problems)


def test_nginx_caches_fingerprinted_assets_for_a_year_and_rechecks_the_rest(nginx, served_paths):
    problems = caching_problems(nginx, served_paths)
    assert not problems, "\n".join(problems)


def test_nginx_sends_the_root_address_to_the_guide(nginx, site_path):
    status, headers, _ = get(nginx.removesuffix(site_path) + "/")
    assert status in {301, 302, 308} and headers.get("location") == site_path, (status, headers.get("location"))


def test_csp_lists_the_hash_of_every_inline_script_on_every_page(nginx, site):
    """Browsers only run inline scripts whose hash the policy lists. The hashes are worked out here
    again, with BeautifulSoup rather than deploy/csp_hashes.py's parser, so the two check each other."""
    _, headers, _ = get(nginx + "index.html")
    listed = set(csp_directives(headers["content-security-policy"])["script-src"])
    missing, checked = {}, 0
    for page in [*content_pages(site), site / "404.html"]:
        for script in read_page(page).select("script:not([src])"):
            if script.get("type", "text/javascript") in {"text/javascript", "module"}:
                checked += 1
                digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
                if f"'sha256-{digest}'" not in listed:
                    missing.setdefault(page.name, []).append(script.string[:60])
    assert checked, "the theme writes inline scripts on every page, yet none were found: is the selector wrong?"
    assert not missing, f"inline scripts the served policy does not allow (rebuild csp.conf): {missing}"


@pytest.mark.browser
def test_pages_load_in_chromium_with_no_csp_violation(browser, nginx, site):
    pages = [page.relative_to(site).as_posix() for page in content_pages(site)] + ["no-such-page.html"]
    problems = browser_problems(browser, nginx, pages)
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_search_works_under_the_content_security_policy(browser, nginx):
    """Search runs in a web worker that fetches the index: the policy must allow both."""
    page = browser.new_page()
    try:
        results = search_results(page, nginx, "dawn phenomenon")
    finally:
        page.close()
    assert "glossary.html#dawn-phenomenon" in results, describe(results)


# --- The same checks fail on a host that was not hardened ------------------------------------


def test_checks_fail_on_a_plain_file_server(server, site, served_paths):
    """conftest's Python file server: no security headers, no compression, no cache rules, its own 404."""
    headers = header_problems(server + "index.html")
    for missing in ("X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security", "Content-Security-Policy"):
        assert [p for p in headers if missing in p], f"the header check missed that {missing} is absent: {headers}"
    assert "a missing page does not show the site's own 404.html" in not_found_problems(server, site)
    assert compression_problems(server, site, ["index.html"]) == ["index.html: sent uncompressed to a browser that accepts gzip"]
    assert len(caching_problems(server, served_paths)) == len(served_paths)


def test_header_check_rejects_unsafe_inline_scripts(nginx):
    """A policy that lets inline scripts run must fail, however the rest of it reads."""
    _, headers, _ = get(nginx + "index.html")
    assert security_header_problems("index.html", headers) == []
    headers["content-security-policy"] = headers["content-security-policy"].replace("script-src", "script-src 'unsafe-inline'")
    assert [p for p in security_header_problems("index.html", headers) if "'unsafe-inline'" in p]


@pytest.mark.browser
def test_browser_check_reports_an_inline_script_the_policy_does_not_list(browser, nginx_site, site):
    """A page with an inline script nobody hashed: Chromium must block it and the check must say so."""
    probe = nginx_site.folder / "csp-probe.html"
    html = (site / "index.html").read_text(encoding="utf-8")
    probe.write_text(html.replace("</body>", "<script>document.title = 'not hashed'</script></body>"), encoding="utf-8")
    try:
        problems = browser_problems(browser, nginx_site.base, [probe.name])
    finally:
        probe.unlink()
    assert [p for p in problems if "script-src" in p], problems
