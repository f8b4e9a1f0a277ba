"""Plain Chinese on the Chinese edition's pages (docs-zh/), read from the built site (site/zh/).

There is no Flesch grade for Chinese, so these are the measures (README, "The Chinese edition"):
- sentences: on average 20 Chinese characters or fewer on each page, and none over 35 unless it is
  listed, with its reason, in tests/data/zh-long-sentences.yml;
- familiar characters: once the glossary's terms are taken out, at most 1% of a page's Chinese
  characters are outside the 2,500 common characters (现代汉语常用字表, tests/data/common-zi-2500.txt);
- Simplified characters only, and Chinese (full-width) punctuation between Chinese characters;
- each glossary term links to its glossary entry where a page first uses it (Chinese has no spaces
  between words, so the glossary tooltips that English pages get cannot find Chinese terms);
- English text on a Chinese page (an include with no Chinese copy yet) is marked lang="en".

    python -m checks.zh_plain [site/zh]    # each page's figures, then any problem
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import hanzidentifier
import yaml

from checks.sitecheck import HEADING_TAGS, TEXT_BLOCKS, content_pages, main_content, read_copy, source_name, text_blocks, written_pages

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
COMMON_CHARACTERS_FILE = DATA / "common-zi-2500.txt"
LONG_SENTENCES_FILE = DATA / "zh-long-sentences.yml"

MEAN_SENTENCE = 20  # Chinese characters, on average, in a page's sentences
LONGEST_SENTENCE = 35  # Chinese characters in one sentence, unless allowed in LONG_SENTENCES_FILE
RARE_SHARE = 0.01  # of a page's Chinese characters (glossary terms taken out) outside the common 2,500
QUOTED = 12  # characters of a sentence quoted in a message, so it can be found

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE_END = re.compile(r"(?<=[。！？；])")
HALF_WIDTH_BETWEEN_HAN = re.compile(rf"(?<={HAN.pattern})\s*([,.;:?!()])\s*(?={HAN.pattern})")
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[\s,.:;]+[A-Za-z][A-Za-z'’-]*){3,}")  # four or more English words
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
SHOWN_ATTRIBUTES = ("data-option", "aria-label", "alt", "title")
TERM_IN_HEADING = re.compile(r"^[^（(]+")  # "黎明现象（早上血糖高）" -> "黎明现象"
# The guide's subject, on every page and explained on its first: counted as familiar, like glossary terms.
SUBJECT_WORDS = ("胰岛素", "泵")


@dataclass
class PageFigures:
    page: str
    sentences: int
    mean: float
    rare_share: float
    rare: str  # the uncommon characters, once each


def common_characters(file: Path = COMMON_CHARACTERS_FILE) -> set[str]:
    lines = file.read_text(encoding="utf-8").splitlines()
    return {character for line in lines if not line.startswith("#") for character in HAN.findall(line)}


def allowed_long_sentences(file: Path = LONG_SENTENCES_FILE) -> dict[str, list[str]]:
    """docs-zh page -> the starts of its sentences that may be longer than LONGEST_SENTENCE."""
    allowed: dict[str, list[str]] = {}
    for entry in yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []:
        allowed.setdefault(entry["page"], []).append(entry["starts"])
    return allowed


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def sentences(page: Path) -> list[str]:
    """The page's sentences: each heading, paragraph, list item or cell ends one, as do 。！？；"""
    found = []
    for _, text in text_blocks(read_copy(page), TEXT_BLOCKS):
        found += [sentence.strip() for sentence in SENTENCE_END.split(text) if han_count(sentence)]
    return found


def glossary_terms(site: Path) -> dict[str, str]:
    """Each Chinese glossary term (the heading's words before any bracket) -> its entry's id."""
    glossary = site / "glossary.html"
    if not glossary.is_file():
        return {}
    terms = {}
    for heading in main_content(glossary).find_all("h2"):
        term = TERM_IN_HEADING.match(heading.get_text(strip=True).rstrip("¶"))
        if term and heading.get("id") != "references" and HAN.search(term.group(0)):
            terms[term.group(0).strip()] = heading["id"]
    return terms


def page_figures(site: Path, page: Path, terms, common: set[str]) -> PageFigures:
    found = sentences(page)
    text = "".join(found)
    for term in sorted([*terms, *SUBJECT_WORDS], key=len, reverse=True):
        text = text.replace(term, "")
    characters = HAN.findall(text)
    rare = [character for character in characters if character not in common]
    return PageFigures(
        source_name(site, page),
        len(found),
        sum(han_count(sentence) for sentence in found) / len(found) if found else 0.0,
        len(rare) / len(characters) if characters else 0.0,
        "".join(dict.fromkeys(rare)),
    )


def plain_chinese_problems(site: Path, allowed_file: Path = LONG_SENTENCES_FILE) -> list[str]:
    """One line per problem, naming the docs-zh page and what to change."""
    common, terms, allowed = common_characters(), glossary_terms(site), allowed_long_sentences(allowed_file)
    problems = []
    for page in written_pages(site):
        figures = page_figures(site, page, terms, common)
        name = figures.page
        if figures.mean > MEAN_SENTENCE:
            problems.append(
                f"{name}: sentences average {figures.mean:.1f} Chinese characters; keep it to {MEAN_SENTENCE} or fewer. "
                "Split long sentences at 。"
            )
        for sentence in sentences(page):
            if han_count(sentence) > LONGEST_SENTENCE and not any(sentence.startswith(start) for start in allowed.get(name, [])):
                problems.append(
                    f"{name}: the sentence starting '{sentence[:QUOTED]}' has {han_count(sentence)} Chinese characters "
                    f"(more than {LONGEST_SENTENCE}). Split it, or list it with its reason in tests/data/{allowed_file.name}."
                )
        if figures.rare_share > RARE_SHARE:
            problems.append(
                f"{name}: {figures.rare_share:.1%} of its Chinese characters are not among the 2,500 common ones "
                f"({figures.rare}); keep it to {RARE_SHARE:.0%}. Use a more familiar word, or add the term to the glossary."
            )
        problems += character_problems(site, page) + unlinked_chinese_terms(site, page, terms)
    return problems


def character_problems(site: Path, page: Path) -> list[str]:
    """Traditional characters, half-width punctuation between Chinese characters, unmarked English text."""
    name, problems = source_name(site, page), []
    article = read_copy(page)
    text = article.get_text(" ")
    traditional = "".join(dict.fromkeys(c for c in HAN.findall(text) if hanzidentifier.identify(c) == hanzidentifier.TRADITIONAL))
    if traditional:
        problems.append(f"{name}: uses Traditional characters ({traditional}). Write them in Simplified Chinese.")
    for match in HALF_WIDTH_BETWEEN_HAN.finditer(article.get_text()):
        around = match.string[max(match.start() - 4, 0) : match.end() + 4].strip()
        problems.append(
            f"{name}: '{around}' has the English punctuation '{match.group(1)}' between Chinese characters. "
            "Use the Chinese one (，。；：？！（）)."
        )
    # A label the page shows or reads out from an attribute: an option's name over each cell of the
    # options table on a phone (data-option), or an element's spoken name (aria-label, alt, title).
    for element in article.find_all(lambda element: any(element.has_attr(name) for name in SHOWN_ATTRIBUTES)):
        for attribute in SHOWN_ATTRIBUTES:
            label = element.get(attribute)
            if label and LATIN_WORD.search(label) and not HAN.search(label) and not marked_english(element):
                problems.append(
                    f"{name}: the label {attribute}=\"{label}\" on a <{element.name}> is in English. Write it in Chinese."
                )
    for string in article.find_all(string=ENGLISH_RUN):
        if not marked_english(string):
            problems.append(
                f"{name}: the English text '{ENGLISH_RUN.search(string).group(0)[:40]}' is not marked as English. "
                'Translate it, or put it inside <span lang="en"> (an English include: give it a Chinese copy in includes/zh/).'
            )
    return problems


def marked_english(node) -> bool:
    """Inside an element marked as English (lang="en"), where English text and labels belong."""
    return node.find_parent(lambda element: str(element.get("lang", "")).startswith("en")) is not None


def unlinked_chinese_terms(site: Path, page: Path, terms: dict[str, str]) -> list[str]:
    """Where a page first uses a glossary term (outside headings), it must link to the term's entry."""
    if page.name == "glossary.html":
        return []
    problems, seen = [], set()
    article = read_copy(page)
    for string in article.find_all(string=True):
        if string.find_parent(HEADING_TAGS) or string.find_parent(class_="footnote"):
            continue
        for term, entry_id in terms.items():
            if term in seen or term not in string:
                continue
            seen.add(term)
            link = string.find_parent("a")
            if link is None or f"glossary.html#{entry_id}" not in link.get("href", ""):
                problems.append(
                    f"{source_name(site, page)}: the first use of '{term}' does not link to the glossary. "
                    f"Write it as [{term}](glossary.md#{entry_id})."
                )
    return problems


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site/zh")
    common, terms = common_characters(), glossary_terms(site)
    print(f"{'page':40} sentences  mean  uncommon characters")
    for page in written_pages(site):
        figures = page_figures(site, page, terms, common)
        print(f"{figures.page:40} {figures.sentences:9} {figures.mean:5.1f}  {figures.rare_share:6.1%} {figures.rare}")
    problems = plain_chinese_problems(site)
    print("\n".join(problems) or "No problems.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
