"""Write nginx's Content-Security-Policy header for a built site, with a hash for each inline script;
or (--meta) write the same policy into every page as a <meta> tag, for hosts that send no headers of
their own (GitHub Pages).

Material for MkDocs puts a few small scripts inside every page (they set the colour scheme before
the page is drawn, so it does not flash), and overrides/main.html and overrides/partials/palette.html
one more each. A policy without
'unsafe-inline' must list the SHA-256 of each one, and those change with the site's address (one holds
the path), so they are computed from the built HTML at build time, never written by hand. Only these
known scripts are trusted (KNOWN_SCRIPTS): any other inline script, such as one that slipped in
through a page title, stops this with a line naming the page, so it is never added to the policy.

    python deploy/csp_hashes.py site/ csp.conf
    python deploy/csp_hashes.py --meta site/

Standard library only, so the container's build stage needs nothing beyond the site's own packages.
"""

import base64
import hashlib
import re
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


# The theme's inline scripts, by the SHA-256 of their text once the site's path in `new URL("...",
# location)` is set aside. A Material update that changes them makes this script stop, naming the page
# and the script's start: check that the new script is the theme's, then put its hash here.
SITE_PATH = re.compile(r'new URL\("[^"]*",location\)')
KNOWN_SCRIPTS = {
    "7eb3684fdacd2881": "Material 9: the local-storage helpers (__md_scope, __md_get, __md_set)",
    "0eb10c249dbdb0be": "Material 9: the saved colour palette, applied before the page is drawn",
    "ffcc0f7735fdab43": "Material 9: the content tab named in the address, opened",
    "0586e49d807dd2eb": "The site: <html>'s class set before the page is drawn (overrides/main.html)",
    "a5adc1c587ed3951": "The site: the system's colours and the colour switch, before the page is drawn (overrides/partials/palette.html)",
}


def known_script(script: str) -> bool:
    text = SITE_PATH.sub('new URL("",location)', script)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] in KNOWN_SCRIPTS


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


class UnknownScript(Exception):
    """An inline script that is not one of the theme's: told in one line naming the page."""


def inline_script_hashes(site: Path) -> list[str]:
    """CSP sources ('sha256-...') for every distinct inline script on every page, sorted."""
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        parser = InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for script in parser.scripts:
            if not known_script(script):
                start = " ".join(script.split())[:80]
                raise UnknownScript(
                    f"{page.relative_to(site)}: an inline script that is not the theme's or the site's own: '{start}'. "
                    "Remove it (look for <script> in the page and in the titles in mkdocs.yml); after a Material "
                    "update or a change to the script in overrides/main.html or overrides/partials/palette.html, add the new script to KNOWN_SCRIPTS "
                    "in deploy/csp_hashes.py."
                )
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(site: Path, directives: dict = POLICY) -> str:
    directives = {**directives, "script-src": directives["script-src"] + inline_script_hashes(site)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def write_header(site: Path, output: Path) -> None:
    header = f'add_header Content-Security-Policy "{policy(site)}" always;\n'
    output.write_text(
        "# Written by deploy/csp_hashes.py from the built site: do not edit, rebuild instead.\n" + header,
        encoding="utf-8",
    )


def write_meta(site: Path) -> None:
    """The policy as the first tag of every page's <head>. Browsers ignore frame-ancestors in a <meta>."""
    meta_policy = policy(site, {name: sources for name, sources in POLICY.items() if name != "frame-ancestors"})
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy}">'
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("<head>", "<head>\n    " + tag, 1), encoding="utf-8")


def main(arguments: list[str]) -> int:
    try:
        if len(arguments) == 2 and arguments[0] == "--meta":
            write_meta(Path(arguments[1]))
        elif len(arguments) == 2:
            write_header(Path(arguments[0]), Path(arguments[1]))
        else:
            print(__doc__)
            return 2
    except UnknownScript as problem:
        print(problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
