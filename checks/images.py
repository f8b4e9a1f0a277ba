"""Images: every picture in a page's text tells a screen-reader user what it shows, or is marked as
decoration so that it is skipped.

    ![A pump clipped to a belt, with its tube going under a shirt](images/pump-on-belt.svg)
    ![](images/wave.svg){ .decorative }

The decorative mark gives the image empty alt text (alt=""), which screen readers skip, and the
class "decorative" says that this was meant, not forgotten.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from checks.sitecheck import main_content, source_name, written_pages

DECORATIVE = "decorative"
# Alt text that names no content: a screen reader would read out only this word.
EMPTY_WORDS = {"image", "picture", "photo", "photograph", "img", "graphic", "icon", "diagram", "figure", "logo"}


def image_alt_problems(site: Path) -> list[str]:
    problems = []
    for page in written_pages(site):
        for image in main_content(page).find_all("img"):
            alt = " ".join((image.get("alt") or "").split())
            decorative = DECORATIVE in image.get("class", [])
            source = image.get("src", "")
            file = PurePosixPath(unquote(urlsplit(source).path)).name
            where = f"{source_name(site, page, image)}: the image {file!r}"
            if decorative and alt:
                problems.append(
                    f"{where} is marked {{ .{DECORATIVE} }} but has alt text {alt!r}. If the words say something "
                    f"the reader needs, remove {{ .{DECORATIVE} }}; if not, empty the [square brackets]."
                )
            elif not decorative and not meaningful(alt, file):
                said = f"alt text {alt!r}, which says nothing about it" if alt else "no alt text"
                problems.append(
                    f"{where} has {said}. Describe what it shows in the square brackets: "
                    f"![What the picture shows]({source}). If it is only decoration, mark it: "
                    f"![]({source}){{ .{DECORATIVE} }}"
                )
    return problems


def meaningful(alt: str, file: str) -> bool:
    """Words that describe a picture: not empty, not the file's name, not just 'image'."""
    stem = re.sub(r"[-_.\s]+", " ", file.rsplit(".", 1)[0]).strip().lower()
    words = re.sub(r"[-_.\s]+", " ", alt).strip().lower()
    return bool(words) and words not in EMPTY_WORDS and words != stem and alt.lower() != file.lower()
