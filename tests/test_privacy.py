"""Reading the guide tells nobody else about it, and every page loads cleanly.

On every page, in a real browser: no request goes to any host but the site's own server (no web
fonts, analytics or CDN), no cookie is set, and no console error or failed request appears. A
request to another host is blocked in the browser and reported, so nothing leaves this machine.
The fixture tests/fixtures/browser-failures/third-party-script.html proves the check fails.
"""

from urllib.parse import urlsplit

import pytest

from conftest import serve_fixture_page

pytestmark = pytest.mark.browser

SAME_DOCUMENT_SCHEMES = ("data", "blob", "about")  # built into the page: nothing is fetched


class PageHealth:
    """Records, for one browser context, what its pages ask for and what goes wrong.

    Requests to any other host than the local server are blocked (and reported) before they leave.
    """

    def __init__(self, context, server: str):
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
        self.context = context
        self.problems: list[str] = []
        context.route("**/*", self.block_other_hosts)
        context.on("request", self.request)
        context.on("requestfailed", self.request_failed)
        context.on("response", self.response)

    def is_local(self, url: str) -> bool:
        return urlsplit(url).scheme in SAME_DOCUMENT_SCHEMES or url.startswith(self.origin + "/")

    def block_other_hosts(self, route) -> None:
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def request(self, request) -> None:
        # Reported from the request event, which also sees requests the page's workers make.
        if not self.is_local(request.url):
            self.problems.append(
                f"asks another host for {request.url}: the guide must load only its own files "
                "(look for a web font, CDN or analytics snippet in mkdocs.yml, overrides/ or the page)"
            )

    def request_failed(self, request) -> None:
        if self.is_local(request.url):  # requests to other hosts are already reported above
            self.problems.append(f"could not load {request.url}: {request.failure}")

    def response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.url} answered {response.status}: a link or file is missing")

    def watch(self, page) -> None:
        """Also record the page's console errors and uncaught script errors."""
        page.on("console", self.console_message)
        page.on("pageerror", self.script_error)

    def console_message(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def script_error(self, error) -> None:
        self.problems.append(f"script error: {error}")

    def visit(self, page, url: str) -> list[str]:
        """Open the URL, wait until it stops loading, and return what went wrong there (and clear it)."""
        page.goto(url, wait_until="networkidle")  # the search worker fetches its index after the load event
        for cookie in self.context.cookies():
            self.problems.append(f"sets the cookie {cookie['name']} (for {cookie['domain']}): the guide needs none")
        self.context.clear_cookies()
        problems, self.problems = self.problems, []
        return problems


@pytest.fixture
def health(browser, server):
    context = browser.new_context()
    health = PageHealth(context, server)
    yield health
    context.close()


def test_every_page_stays_on_the_local_server_with_no_cookies_or_errors(health, server, site_pages):
    page = health.context.new_page()
    health.watch(page)
    problems = [f"{path}: {problem}" for path in site_pages for problem in health.visit(page, server + path)]
    assert not problems, "Privacy or loading problems, one line per page and problem:\n" + "\n".join(problems)


def test_privacy_check_fails_on_a_page_loading_a_script_from_another_host(health, server):
    page = health.context.new_page()
    health.watch(page)
    problems = health.visit(page, serve_fixture_page(page, server, "third-party-script.html"))
    assert any("another host for https://analytics.example.com/tracker.js" in problem for problem in problems), (
        f"The privacy check should report the script from analytics.example.com, but reported: {problems}"
    )
