"""The browser the checks drive, and the quiet local web server they point it at."""

import http.server
import os
from pathlib import Path


def chromium_executable() -> str | None:
    """Debian's Chromium where installed; None means Playwright's own downloaded browser."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# Without these, Chromium keeps trying to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass

    def handle(self):
        try:
            super().handle()
        except ConnectionError:  # the browser closed a page mid-download because a test moved on: no fault
            pass
