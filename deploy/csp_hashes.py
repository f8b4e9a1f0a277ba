"""Write nginx's Content-Security-Policy header for a built site, with a hash for each inline script.

Material for MkDocs puts a few small scripts inside every page (they set the colour scheme before
the page is drawn, so it does not flash). A policy without 'unsafe-inline' must list the SHA-256 of
each one, and those change with the theme version and the site's settings (one holds the site's
address), so they are computed from the built HTML at build time, never written by hand.

    python deploy/csp_hashes.py site/ csp.conf

Standard library only, so the container's build stage needs nothing beyond the site's own packages.
"""

import base64
import hashlib
import sys
from html.parser import HTMLParser
from pathlib import Path

# <script type="..."> values that a browser runs; anything else (application/json) is data, not code.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Everything the site loads comes from its own address; nothing is framed, posted or embedded.
# Material's icons are SVG data: URIs inside its stylesheet, hence data: for images.
POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],  # + the inline scripts' hashes
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # the search worker fetches the search index
    "worker-src": ["'self'"],  # the search worker
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


class InlineScripts(HTMLParser):
    """Collects the text of each <script> without src that the browser would run."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in SCRIPT_TYPES:
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


def inline_script_hashes(site: Path) -> list[str]:
    """CSP sources ('sha256-...') for every distinct inline script on every page, sorted."""
    hashes = set()
    for page in site.rglob("*.html"):
        parser = InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for script in parser.scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(site: Path) -> str:
    directives = {**POLICY, "script-src": POLICY["script-src"] + inline_script_hashes(site)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def main(site: str, output: str) -> None:
    header = f'add_header Content-Security-Policy "{policy(Path(site))}" always;\n'
    Path(output).write_text(
        "# Written by deploy/csp_hashes.py from the built site: do not edit, rebuild instead.\n" + header,
        encoding="utf-8",
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
