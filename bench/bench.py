"""`make bench`: what a reader waits for, measured on this machine. Prints a table, writes bench/results.json.

Figures, not pass/fail:
- build time: median of 5 strict builds of both editions with each engine, Material for MkDocs and Zensical (its
  successor; clean builds, no cache), side by side;
- per page: what a first visit (empty cache) downloads, gzip-compressed, and how many requests, what
  the reader's first scroll then adds (Material's script starts at the first touch, scroll or key),
  and what the first search adds (the search index loads when the reader goes to the search box);
  then the whole guide, each file counted once (a browser's cache keeps shared CSS and JS);
- search: time from the last keystroke to the results on screen, median of 10, for the first query
  on a freshly opened page and for later (warm) queries;
- search evaluation: of the patients' queries in tests/data/search-queries.yml, how many find their
  section first and within the first three results;
- Lighthouse 12, mobile preset (a mid-range phone on a slow 4G line, simulated), for every page of
  the menu, the whole guide (print.html) included: the four category scores, LCP, TBT and CLS;
- the test suite as `make test` runs it (in parallel, pytest-xdist): its time and its 10 slowest tests.

Each figure is printed beside the one measured before issue 19's work (bench/before.json, with where
and how it was measured), so a change shows as a change.

Everything runs against a server on 127.0.0.1 and the same Chromium the tests use. Python's own web
server sends files uncompressed, which no real host does; the bench server gzips text files (level 6)
so that both the transfer sizes and Lighthouse see what a reader would download.

`.venv/bin/python bench/bench.py --builds-only` measures and prints the build times alone.
"""

import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from checks.browser import CHROMIUM_ARGS, THEME_RUNNING, QuietHandler, full_chromium, serving
from checks.browser_search import found_first, found_in_top, open_search, search_every_query, type_query
from checks.build import ZENSICAL, build_editions, build_with_zensical, copy_for_build
from checks.sitecheck import navigation_pages
from checks.data_files import search_queries

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
BEFORE = ROOT / "bench" / "before.json"
SEARCH_INDEX = "search/search_index.json"
QUERIES = search_queries()
SEARCH_QUERY = QUERIES[0].text  # "dawn phenomenon", the search the issue names
BUILDS = 5
SEARCHES = 10
LIGHTHOUSE_RUNS = 3  # Lighthouse's own advice: scores vary from run to run, report the median run
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
TARGETS = (
    "Targets: Lighthouse 100 accessibility, best practices and SEO, 95+ performance and blocking time (TBT) under\n"
    "200 ms on every page, LCP toward 1.2 s; home page first visit 90 KB gzip or less, search included; make test\n"
    "within 4 minutes on 2 cores"
)
# The same options as `make test` (Makefile, PARALLEL), plus pytest's list of the slowest tests.
SUITE = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto", "--dist", "loadgroup", "--durations=10"]


class GzipHandler(QuietHandler):
    """Serves the site like a production host: text files gzip-compressed (level 6) when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(GZIP_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """What send_head returns: something do_GET copies to the client and then closes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_seconds(build, command: str) -> tuple[float, float]:
    """How long one build of both editions takes, on the clock and in CPU time; `build` runs it and
    returns its problems. CPU time changes little when other work shares the machine; the clock time
    is what a person waits."""
    start, cpu_start = time.perf_counter(), children_cpu_seconds()
    problems = build()
    seconds, cpu_seconds = time.perf_counter() - start, children_cpu_seconds() - cpu_start
    if problems:
        sys.exit(f"The strict build failed; run `{command}` to see why.\n" + "\n".join(problems))
    return seconds, cpu_seconds


def zensical_problems(project: Path) -> list[str]:
    result = build_with_zensical(project)
    return [] if result.returncode == 0 else [result.stdout + result.stderr]


def build_figures(runs: list[tuple[float, float]], engine: str) -> dict:
    times = [seconds for seconds, _ in runs]
    return {
        "engine": engine,
        "median_s": round(statistics.median(times), 3),
        "each_s": [round(t, 3) for t in times],
        "median_cpu_s": round(statistics.median(cpu for _, cpu in runs), 3),
    }


def build_times() -> tuple[dict, dict]:
    """BUILDS strict builds with Material, then with Zensical, each into a fresh folder: (Material, Zensical)."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        material = [build_seconds(lambda: build_editions(ROOT, folder / f"material-{run}"), "make build") for run in range(BUILDS)]
        zensical_project = copy_for_build(folder / "zensical")
        zensical = [build_seconds(lambda: zensical_problems(zensical_project), "make zensical") for _ in range(BUILDS)]
    zensical_version = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True).stdout.split()[-1]
    return (
        build_figures(material, f"Material for MkDocs {version('mkdocs-material')}"),
        build_figures(zensical, f"Zensical {zensical_version}"),
    )


def build_for_address(site_dir: Path, base_url: str) -> None:
    """A strict build of both editions whose canonical and language links name the local address, as
    the published site names its own. Otherwise Lighthouse's SEO check sees every page point to another
    domain (example.org), and the links to the Chinese edition lead nowhere."""
    addresses = {"SITE_URL": base_url, "SITE_URL_ZH": base_url + "zh/"}
    saved = {name: os.environ.get(name) for name in addresses}
    os.environ.update(addresses)
    try:
        problems = build_editions(ROOT, site_dir)
    finally:
        for name, value in saved.items():
            os.environ.pop(name) if value is None else os.environ.__setitem__(name, value)
    if problems:
        sys.exit("The strict build failed:\n" + "\n".join(problems))


def transferred(request) -> int:
    """A file's compressed size as downloaded. Chromium reports 0 for what a web worker fetches (the
    search worker's own script), so the size the server announced counts there."""
    measured = request.sizes()["responseBodySize"]
    response = request.response()
    announced = int(response.headers.get("content-length", 0)) if response else 0
    return measured or announced


def first_visit(browser, url: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Open the URL with an empty cache, scroll it, then go to the search box. Returns each downloaded
    file's compressed size by address, in three parts: what opening the page downloads; what the
    reader's first scroll adds (Material's script, which starts at the first touch, scroll or key:
    overrides/assets/javascripts/theme-on-first-use.js); and what the first search adds (the search
    index and its worker wait for the reader to go to the search box: search-on-demand.js)."""
    context = browser.new_context()
    sizes: dict[str, int] = {}
    context.on("requestfinished", lambda request: sizes.__setitem__(request.url, transferred(request)))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    opened = dict(sizes)
    page.mouse.wheel(0, 400)
    page.wait_for_function(THEME_RUNNING)
    page.wait_for_load_state("networkidle")
    scrolled = {address: size for address, size in sizes.items() if address not in opened}
    with context.expect_event("requestfinished", predicate=lambda request: request.url.endswith(SEARCH_INDEX), timeout=60_000):
        open_search(page)
    page.wait_for_load_state("networkidle")
    context.close()
    return opened, scrolled, {address: size for address, size in sizes.items() if address not in opened | scrolled}


# Timestamps inside the page: the last key going down in the search box (each keydown overwrites it), and the first frame painted
# after Material has written the outcome into its status line. Browser time, no test-driver delays.
INSTRUMENT_SEARCH = """(waiting) => {
    window.__searchTiming = {};
    const box = document.querySelector("input.md-search__input");
    box.addEventListener("keydown", event => { window.__searchTiming.keydown = event.timeStamp; }, {capture: true});
    const status = document.querySelector(".md-search-result__meta");
    new MutationObserver((records, observer) => {
        // type_query may first clear the box, which brings back "Type to start searching": not the outcome.
        const text = status.textContent.trim();
        if (text === "" || text === waiting || !("keydown" in window.__searchTiming)) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(now => { window.__searchTiming.shown = now; }));
    }).observe(status, {childList: true, characterData: true, subtree: true});
}"""


def timed_search(page, query: str) -> float:
    """Milliseconds from the last keystroke of the query to its results painted on screen."""
    waiting = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")[
        "search.result.placeholder"
    ]
    page.evaluate(INSTRUMENT_SEARCH, waiting)
    type_query(page, query)
    page.wait_for_function("'shown' in window.__searchTiming")
    timing = page.evaluate("window.__searchTiming")
    return timing["shown"] - timing["keydown"]


def search_times(browser, base_url: str) -> dict[str, float]:
    context = browser.new_context()
    page = context.new_page()
    first = []
    for _ in range(SEARCHES):
        page.goto(base_url + "index.html")
        open_search(page)
        first.append(timed_search(page, SEARCH_QUERY))
    warm = [timed_search(page, SEARCH_QUERY) for _ in range(SEARCHES)]
    context.close()
    return {"first_ms": statistics.median(first), "warm_ms": statistics.median(warm)}


def search_evaluation(browser, base_url: str) -> dict:
    page = browser.new_page()
    outcomes = search_every_query(page, base_url, QUERIES)
    page.close()
    return {
        "queries": len(QUERIES),
        "first": sum(found_first(outcomes[query.text], query.answers) for query in QUERIES),
        "top3": sum(found_in_top(outcomes[query.text], query.answers) for query in QUERIES),
        "not_first": [query.text for query in QUERIES if not found_first(outcomes[query.text], query.answers)],
    }


def median_lighthouse(url: str, chromium: str) -> dict:
    """The run with the median performance score out of LIGHTHOUSE_RUNS; each run's scores are kept too."""
    runs = sorted((lighthouse(url, chromium) for _ in range(LIGHTHOUSE_RUNS)), key=lambda run: run["scores"]["performance"])
    median = runs[len(runs) // 2]
    return {**median, "performance_each_run": [run["scores"]["performance"] for run in runs]}


def lighthouse(url: str, chromium: str) -> dict:
    """Lighthouse's mobile preset (its default) on one page, in the given Chromium."""
    flags = " ".join(["--headless=new", "--no-sandbox", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
                "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            check=True,
        )
        report = json.loads(report_path.read_text())
    audits = report["audits"]
    return {
        "scores": {name: round(category["score"] * 100) for name, category in report["categories"].items()},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        # Scored audits that lost points, so a score under 100 says what to fix.
        "missed": sorted(
            f"{name}: {audits[ref['id']]['title']}"
            for name, category in report["categories"].items()
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        ),
    }


def suite_time(site_dir: Path) -> dict:
    """The whole test suite, as `make test` runs it, on a strict build: its time, its outcome line and its slowest tests."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, *SUITE], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "CHECKED_SITE": str(site_dir)}
    )
    seconds = time.perf_counter() - start
    lines = result.stdout.splitlines()
    slowest_start = next((i for i, line in enumerate(lines) if "slowest 10 durations" in line), None)
    slowest = [line for line in lines[slowest_start + 1:] if line[:1].isdigit()][:10] if slowest_start is not None else []
    return {"seconds": round(seconds), "outcome": lines[-1].strip("= ") if lines else "", "slowest": slowest,
            "workers": os.cpu_count()}


def before(*keys: str):
    """The figure measured before issue 19's work (bench/before.json), or None where none was taken."""
    value = json.loads(BEFORE.read_text()) if BEFORE.exists() else {}
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def print_builds(results: dict) -> None:
    print(f"\nBuild of both editions, median of {BUILDS} strict builds (each run in brackets):")
    for build in (results["build"], results["build_zensical"]):
        print(f"  {build['engine']:30} {build['median_s']:6.2f} s  ({', '.join(f'{t:.2f}' for t in build['each_s'])})"
              f"  CPU {build['median_cpu_s']:.2f} s")


def print_table(results: dict) -> None:
    print_builds(results)
    print("\nFirst visit, empty cache (gzip level 6 by the bench server, as a real host sends it;"
          " Python's own server would not compress):")
    print(f"  {'page':34} {'transfer':>10} {'requests':>9} {'+ scroll':>10} {'+ search':>10} {'all three':>10} {'before':>10}")
    for row in results["pages"]:
        earlier = before("transfer_kb", row["page"])
        everything = row["bytes"] + row["first_use_bytes"] + row["search_bytes"]
        print(f"  {row['page']:34} {kb(row['bytes']):>10} {row['requests']:>9} {kb(row['first_use_bytes']):>10}"
              f" {kb(row['search_bytes']):>10} {kb(everything):>10} {f'{earlier} KB' if earlier else '':>10}")
    print("  (+ scroll: what the reader's first scroll, touch or key adds, Material's script; + search: what the first"
          " search adds,\n   the search index and its worker, fetched when the reader goes to the search box;"
          " 'before' counted all three in the first visit: Material's script fetched them at once)")
    whole = results["whole_guide"]
    print(f"  {'every page, each file counted once':34} {kb(whole['bytes']):>10} {whole['requests']:>9}")
    search = results["search"]
    print(f"\nSearch \"{SEARCH_QUERY}\", last keystroke to results on screen, median of {SEARCHES}: "
          f"first query on a fresh page {search['first_ms']:.0f} ms, warm {search['warm_ms']:.0f} ms")
    evaluation = results["search_evaluation"]
    print(f"Search evaluation, {evaluation['queries']} patient queries: "
          f"{evaluation['first'] / evaluation['queries']:.0%} find their section first, "
          f"{evaluation['top3'] / evaluation['queries']:.0%} within the first three. "
          f"Not first: {', '.join(evaluation['not_first']) or 'none'}")
    print(f"\nLighthouse 12, mobile preset (simulated slow 4G, 4x slower CPU), median of {LIGHTHOUSE_RUNS} runs:")
    print(f"  {'page':26} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'LCP':>8} {'TBT':>7} {'CLS':>6}"
          f"   before: {'perf':>5} {'LCP':>8} {'TBT':>7}")
    for page, row in results["lighthouse"].items():
        scores = row["scores"]
        earlier = before("lighthouse", page) or {}
        print(f"  {page:26} {scores['performance']:>5} {scores['accessibility']:>5} "
              f"{scores['best-practices']:>5} {scores['seo']:>5} {row['lcp_ms']:>6}ms {row['tbt_ms']:>5}ms {row['cls']:>6}"
              f"           {earlier.get('performance', ''):>5} {earlier.get('lcp', ''):>8} {earlier.get('tbt', ''):>7}")
        print(f"      performance in each run: {row['performance_each_run']}")
        for missed in row["missed"]:
            print(f"      lost points: {missed}")
    suite = results["suite"]
    print(f"\nTest suite as make test runs it ({suite['workers']} workers): {suite['seconds'] // 60} min {suite['seconds'] % 60} s; "
          f"{suite['outcome']}. Before: {before('suite', 'text') or 'not measured'}")
    print("  Slowest 10 tests:")
    for line in suite["slowest"]:
        print(f"    {line}")
    print(f"\nMeasured before: {before('measured') or 'nothing recorded (bench/before.json)'}")
    print(f"\n{TARGETS}")
    print(f"Written to {RESULTS.relative_to(ROOT)}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    results: dict = {"measured_on": time.strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count()}
    results["build"], results["build_zensical"] = build_times()
    if "--builds-only" in sys.argv:  # the build times alone, printed; results.json is left as it was
        print_builds(results)
        return

    with tempfile.TemporaryDirectory() as folder, serving(Path(folder), GzipHandler) as base_url, sync_playwright() as playwright:
        site_dir = Path(folder)
        build_for_address(site_dir, base_url)
        # The desktop browser a reader runs, not the tests' headless shell (checks/browser.py).
        desktop = full_chromium()
        browser = playwright.chromium.launch(**desktop, args=CHROMIUM_ARGS, chromium_sandbox=False)
        pages, every_file = [], {}
        for path in navigation_pages(site_dir):
            opened, scrolled, search = first_visit(browser, base_url + path)
            every_file.update(opened | scrolled | search)
            pages.append({"page": path, "bytes": sum(opened.values()), "requests": len(opened),
                          "first_use_bytes": sum(scrolled.values()), "search_bytes": sum(search.values())})
        results["pages"] = pages
        results["whole_guide"] = {"bytes": sum(every_file.values()), "requests": len(every_file)}
        results["search"] = search_times(browser, base_url)
        results["search_evaluation"] = search_evaluation(browser, base_url)
        chromium = desktop.get("executable_path") or playwright.chromium.executable_path
        browser.close()
        results["lighthouse"] = {path: median_lighthouse(base_url + path, chromium) for path in navigation_pages(site_dir)}
    with tempfile.TemporaryDirectory() as folder:
        build_editions(ROOT, Path(folder))
        results["suite"] = suite_time(Path(folder))

    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


if __name__ == "__main__":
    main()
