"""`make check-external`: fetch every link to another site in the built pages and report on each.

Verdicts, one row per link and page it is on (docs/<page>.md):
- OK: the address answers 2xx itself;
- moved: it redirects (3xx) to another address, shown, so the page can link there directly;
- broken: it answers 4xx or 5xx, or is not a web address at all;
- unreachable: its host name is not found, the connection fails, or it does not answer in time.
Exits 1 if any link is not OK, 2 on bad input (no built site). Bounded: a timeout per link, a few
links at a time, and a limit on the whole run (links not reached by then count as unreachable).

Standard library only, rather than linkchecker (PyPI) or linkinator (npm): both crawl the site's own
pages and files as well, and their reports would still have to be mapped back to the Markdown pages
and to these four verdicts, which is most of this file anyway. No new dependency to pin or update.
"""

import argparse
import http.client
import queue
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from checks.sitecheck import content_pages, external_links

VERDICT_ORDER = ("broken", "unreachable", "moved", "OK")
USER_AGENT = "insulin-pump-guide link check (a weekly check of the links in a patient guide)"


@dataclass
class LinkResult:
    url: str
    page: str  # docs/<page>.md
    verdict: str
    detail: str


class _KeepRedirects(HTTPRedirectHandler):
    """Report a redirect instead of following it: the page should link to where it leads."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = build_opener(_KeepRedirects)


def check_link(url: str, timeout: float) -> tuple[str, str]:
    """(verdict, detail) for one address."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        return "broken", f"not a valid web address ({error}): fix the link"
    if parts.scheme not in ("http", "https") or not host:
        return "broken", "not a valid web address (it must start with https:// and a site name): fix the link"
    if host == "invalid" or host.endswith(".invalid"):  # RFC 6761: such names never resolve; no need to ask DNS
        return "unreachable", f"the site name {host} cannot exist (.invalid names never resolve)"
    request = Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return "OK", f"{response.status} {response.reason}"
    except HTTPError as error:
        if 300 <= error.code < 400:
            target = error.headers.get("Location")
            if target:
                return "moved", f"{error.code}: moved to {urljoin(url, target)}"
            return "broken", f"{error.code} redirect with no new address"
        return "broken", f"{error.code} {error.reason}"
    except URLError as error:
        reason = error.reason
        if isinstance(reason, socket.gaierror):
            return "unreachable", f"the site name {host} was not found (DNS)"
        if isinstance(reason, TimeoutError):
            return "unreachable", f"no answer within {timeout:g} s"
        return "unreachable", f"the connection failed ({reason})"
    except TimeoutError:
        return "unreachable", f"no answer within {timeout:g} s"
    except (http.client.HTTPException, OSError) as error:
        return "unreachable", f"the connection failed ({error.__class__.__name__}: {error})"
    except ValueError as error:
        return "broken", f"not a valid web address ({error}): fix the link"


def check_links(urls: list[str], timeout: float, workers: int, total_time: float) -> dict[str, tuple[str, str]]:
    """Check each address, a few at a time; any not finished within total_time counts as unreachable."""
    todo: queue.Queue[str] = queue.Queue()
    for url in urls:
        todo.put(url)
    results: dict[str, tuple[str, str]] = {}
    lock = threading.Lock()

    def work():
        while True:
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            verdict = check_link(url, timeout)
            with lock:
                results[url] = verdict

    # Daemon threads: a host that never finishes answering cannot keep the check running past its limit.
    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, min(workers, len(urls))))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + total_time
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    with lock:
        finished = dict(results)
    for url in urls:
        finished.setdefault(url, ("unreachable", f"not checked: the whole check's {total_time:g} s limit ran out"))
    return finished


def link_report(site: Path, timeout: float = 10, workers: int = 4, total_time: float = 300) -> list[LinkResult]:
    """Every link to another site in the built pages, checked; one result per link and page."""
    links = {url: pages for url, pages in external_links(site).items() if urlsplit_scheme(url) not in ("mailto", "tel")}
    verdicts = check_links(sorted(links), timeout, workers, total_time)
    rows = [LinkResult(url, page, *verdicts[url]) for url, pages in links.items() for page in sorted(pages)]
    return sorted(rows, key=lambda row: (VERDICT_ORDER.index(row.verdict), row.page, row.url))


def urlsplit_scheme(url: str) -> str:
    """The address's scheme ('https', 'mailto'); '' if the address cannot be read."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def table(rows: list[LinkResult]) -> str:
    """A Markdown table: readable in a terminal, and rendered when opened on GitHub."""
    lines = ["| Result | Page | Link | Details |", "| --- | --- | --- | --- |"]
    lines += [f"| {row.verdict} | {row.page} | {row.url} | {row.detail} |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fetch every link to another site in the built pages.")
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for each link (default 10)")
    parser.add_argument("--workers", type=int, default=4, help="links checked at once (default 4)")
    parser.add_argument("--total-time", type=float, default=300, help="limit for the whole check, seconds (default 300)")
    parser.add_argument("--report", type=Path, help="also write the table to this file")
    options = parser.parse_args(argv)

    if not (options.site / "index.html").is_file() or not content_pages(options.site):
        print(f"No built site in {options.site}/: run `make build` first, or name the folder of a built site.")
        return 2
    rows = link_report(options.site, options.timeout, options.workers, options.total_time)
    not_ok = [row for row in rows if row.verdict != "OK"]
    summary = (
        f"{len(rows)} link(s) to other sites checked: {len(rows) - len(not_ok)} OK, {len(not_ok)} to fix "
        "(moved: link to the new address; broken: find the page's new address or remove the link; "
        "unreachable: try again later, then treat as broken)."
    )
    text = f"{table(rows)}\n\n{summary}\n"
    print(text, end="")
    if options.report:
        options.report.write_text(text, encoding="utf-8")
    return 1 if not_ok else 0


if __name__ == "__main__":
    sys.exit(main())
