"""The browser the checks drive, and the quiet local web server they point it at."""

import contextlib
import functools
import http.server
import os
import socket
import threading
from pathlib import Path


def installed(*candidates: str | None) -> str | None:
    """The first of these browser paths that exists on this machine."""
    return next((candidate for candidate in candidates if candidate and Path(candidate).exists()), None)


def chromium_executable() -> str | None:
    """The browser the tests drive: Debian's Chromium headless shell where installed, else Debian's
    Chromium; None means Playwright's own download, which runs its headless shell the same way.

    The shell is the same Chromium engine without the desktop browser around it. On the 2-core machine
    the desktop browser's own process spent about 0.3 s of processor time opening each tab and 0.4 s
    on each page load, nearly half of `make test`'s processor time; the shell spends a sixth of that.
    CHROMIUM names another browser."""
    return installed(os.environ.get("CHROMIUM"), "/usr/bin/chromium-headless-shell", "/usr/bin/chromium")


def full_chromium() -> dict[str, str]:
    """Playwright's launch options for the desktop Chromium, the browser a reader runs: Debian's (or
    FULL_CHROMIUM), else Playwright's own download. The back/forward cache exists only in the desktop
    browser, and `make bench` measures what a reader's browser does."""
    executable = installed(os.environ.get("FULL_CHROMIUM"), "/usr/bin/chromium")
    return {"executable_path": executable} if executable else {"channel": "chromium"}


# Without these, Chromium keeps trying to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


# True once Material's script runs on the page: it then exports its components (window.component$).
THEME_RUNNING = "() => window.component$ !== undefined"


def start_theme(page) -> None:
    """Start the theme's script as a reader does, with a first key press (a key Material leaves alone),
    and wait until it runs. It starts at the reader's first touch, scroll or key, not as the page opens
    (overrides/assets/javascripts/theme-on-first-use.js); every test's click, tap or typing starts it too."""
    page.keyboard.press("Shift")
    page.wait_for_function(THEME_RUNNING)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass

    def handle(self):
        try:
            super().handle()
        except ConnectionError:  # the browser closed a page mid-download because a test moved on: no fault
            pass


@contextlib.contextmanager
def serving(folder: Path, handler_class: type[QuietHandler] = QuietHandler):
    """Serve a built site's folder on 127.0.0.1 at a free port; yields the base URL, ending in '/'."""
    handler = functools.partial(handler_class, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on, for a server a test starts itself (nginx, make serve)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
