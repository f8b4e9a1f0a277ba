"""The Simplified Chinese edition (docs-zh/, mkdocs-zh.yml, built into site/zh/): what differs from
English. The checks that hold in any language run on both editions through conftest's BOTH_EDITIONS;
here are Chinese plain language, translation tracking, the language switcher, the edition's own words,
its search index and, in a real browser, its search, fonts, print, axe and pa11y.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from checks.build import EDITIONS, edition_settings
from checks.browser_search import describe, found_first, found_in_top, search_every_query
from checks.data_files import SEARCH_QUERIES_ZH_FILE, search_queries
from checks.front_matter import body_sha256, markdown_pages
from checks.sitecheck import content_pages, main_content, navigation_pages, read_page, source_name
from checks.translation import translation_release_reasons, translation_report
from checks.zh_plain import common_characters, plain_chinese_problems
from conftest import FIXTURES, ROOT

ZH_DOCS = ROOT / "docs-zh"
BROKEN = FIXTURES / "zh-plain-broken" / "zh"  # named zh/, as the built Chinese edition is
HAN = re.compile(r"[\u4e00-\u9fff]")


# --- Plain Chinese (checks/zh_plain.py) ----------------------------------------------------------


def test_chinese_pages_are_plain_simplified_and_link_their_terms(zh_site):
    problems = plain_chinese_problems(zh_site)
    assert not problems, "Plain Chinese (checks/zh_plain.py; `python -m checks.zh_plain` shows each page's figures):\n" + "\n".join(problems)


def test_plain_chinese_checks_catch_each_mistake():
    """tests/fixtures/zh-plain-broken/ holds one mistake a page (hand-written HTML as the build writes it)."""
    problems = "\n".join(plain_chinese_problems(BROKEN, allowed_file=BROKEN / "long-sentences.yml"))
    for expected in (
        "docs-zh/long.md: sentences average",
        "docs-zh/long.md: the sentence starting '我们把这一整段话写成了一'",
        "docs-zh/rare.md: ",  # 魑魅魍魉 are far outside the common 2,500
        "docs-zh/traditional.md: uses Traditional characters (醫藥體)",
        "docs-zh/punctuation.md: '",
        "docs-zh/unlinked.md: the first use of '黎明现象' does not link to the glossary",
        "docs-zh/english.md: the English text 'Call your diabetes team now",
        'docs-zh/label.md: the label data-option="Insulin pump" on a <td> is in English',
    ):
        assert expected in problems, f"expected {expected!r} in:\n{problems}"
    assert "docs-zh/allowed.md" not in problems, "a long sentence listed in the allow list is still reported"
    assert "docs-zh/marked.md" not in problems, 'English marked lang="en" is still reported'


def test_the_common_character_list_is_the_2500_list():
    characters = common_characters()
    assert len(characters) == 2500
    assert {"的", "糖", "血", "病"} <= characters and not {"泵", "胰", "酮"} & characters


# --- Translation kept honest (checks/translation.py) ---------------------------------------------


def test_every_english_page_has_a_chinese_page_with_a_complete_translation_record():
    english = set(markdown_pages(ROOT / "docs"))
    missing = sorted(str(page) for page in english - set(markdown_pages(ZH_DOCS)))
    assert not missing, f"These English pages have no Chinese page in docs-zh/ (same file name): {missing}"
    mistakes, _ = translation_report(ZH_DOCS)
    assert not mistakes, "\n".join(mistakes)


def translation_copy(tmp_path: Path, name: str) -> Path:
    """docs/<name> and docs-zh/<name> copied into a folder laid out like the repository."""
    for folder in ("docs", "docs-zh"):
        (tmp_path / folder).mkdir()
        shutil.copy(ROOT / folder / name, tmp_path / folder / name)
    return tmp_path / "docs-zh"


def test_a_changed_english_page_is_named_with_its_translation_and_refused_for_release(tmp_path):
    zh_docs = translation_copy(tmp_path, "get-help-urgently.md")
    english = tmp_path / "docs" / "get-help-urgently.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new sentence in English.\n", encoding="utf-8")
    mistakes, stale = translation_report(zh_docs)
    assert mistakes == []
    assert len(stale) == 1 and stale[0].startswith(
        "docs-zh/get-help-urgently.md was translated from an older docs/get-help-urgently.md"
    ), stale
    assert f"source_sha256: {body_sha256(english.read_text(encoding='utf-8'))}" in stale[0]
    # Even a draft never publishes a translation of an older English page.
    refused = "\n".join(translation_release_reasons(zh_docs, Path("get-help-urgently.md"), draft=True))
    assert "was translated from an older docs/get-help-urgently.md" in refused


def test_a_page_without_a_bilingual_review_is_published_only_as_a_draft():
    page = Path("index.md")
    assert translation_release_reasons(ZH_DOCS, page, draft=True) == []
    assert any(reason.startswith("no bilingual review yet") for reason in translation_release_reasons(ZH_DOCS, page, draft=False))


def test_translation_check_warns_in_make_check_and_prints_the_hash(tmp_path):
    zh_docs = translation_copy(tmp_path, "index.md")
    english = tmp_path / "docs" / "index.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "checks.translation", *args], cwd=ROOT, capture_output=True, text=True
    )
    warned = run("--docs", str(zh_docs))
    assert warned.returncode == 0, "an out-of-date translation is a warning in make check, not a failure"
    assert "Translation out of date: docs-zh/index.md was translated from an older docs/index.md" in warned.stdout
    printed = run("--hash", "docs/index.md")
    assert printed.stdout.strip() == body_sha256((ROOT / "docs" / "index.md").read_text(encoding="utf-8"))
    (zh_docs / "index.md").write_text(
        (zh_docs / "index.md").read_text(encoding="utf-8").replace("translator:", "translated_by:"), encoding="utf-8"
    )
    broken = run("--docs", str(zh_docs))
    assert broken.returncode == 1 and "`translation: translator:` is empty" in broken.stdout, broken.stdout


@pytest.mark.slow  # builds a site of its own: in make test, not in the quick make check
def test_release_check_refuses_an_unsigned_chinese_page_unless_the_edition_is_a_draft():
    def release_check(draft: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "checks.release", "--config", "mkdocs-zh.yml"],
            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "DRAFT": draft},
        )

    assert "  draft      docs-zh/get-help-urgently.md: no clinical sign-off yet" in release_check("true").stdout
    final = release_check("false")
    assert final.returncode == 1
    assert "NOT READY  docs-zh/get-help-urgently.md: no clinical sign-off yet" in final.stdout, final.stdout
    assert "no bilingual review yet" in final.stdout, final.stdout


# --- The edition's own words, includes and search index ------------------------------------------


def test_the_chinese_edition_has_every_template_word_in_chinese():
    english = edition_settings(ROOT, "mkdocs.yml")["extra"]["strings"]
    chinese = edition_settings(ROOT, "mkdocs-zh.yml")["extra"]["strings"]
    untranslated = sorted(key for key in english if chinese.get(key) == english[key] and key != "months")
    assert not untranslated, f"mkdocs-zh.yml, extra: strings: still English (the English value is inherited): {untranslated}"


def test_chinese_pages_show_their_status_and_disclaimer_in_chinese(zh_site):
    words = edition_settings(ROOT, "mkdocs-zh.yml")["extra"]["strings"]
    problems = []
    for page in content_pages(zh_site):
        soup = read_page(page)
        if soup.html.get("lang") != "zh":
            problems.append(f"{source_name(zh_site, page)}: <html lang> is {soup.html.get('lang')!r}, not 'zh'")
        status = soup.select_one(".page-status")
        if status is None or words["unsigned"] not in " ".join(status.get_text().split()):
            problems.append(f"{source_name(zh_site, page)}: the page status is not the Chinese notice")
        disclaimer = main_content(page).select_one(".disclaimer")
        if disclaimer is None or "120" not in disclaimer.get_text() or "999" not in disclaimer.get_text():
            problems.append(f"{source_name(zh_site, page)}: the disclaimer does not give 120 (mainland China) and 999")
    assert not problems, "\n".join(problems)


def index_entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_each_search_index_holds_only_its_own_edition(published_site, zh_site):
    english = index_entries(published_site)
    chinese = index_entries(zh_site)
    assert english and chinese
    leaked_in = [entry["location"] for entry in english if HAN.search(entry["title"] + entry["text"])]
    assert not leaked_in, f"the English search index holds Chinese text: {leaked_in}"
    zh_pages = {page.relative_to(zh_site).as_posix() for page in content_pages(zh_site)}
    foreign = [entry["location"] for entry in chinese if entry["location"].partition("#")[0] not in zh_pages]
    assert not foreign, f"the Chinese search index holds pages that are not Chinese pages: {foreign}"
    assert all(HAN.search(entry["title"]) for entry in chinese if entry["title"]), "a Chinese index entry has an English title"


# --- The language switcher ------------------------------------------------------------------------


def switcher_problems(site: Path, other: str, own_lang: str) -> list[str]:
    """Each page links to the same page in the other edition in its switcher, and not in its head."""
    problems = []
    for page in content_pages(site):
        name = page.relative_to(site).as_posix()
        soup = read_page(page)
        links = soup.select("nav.language-switcher a")
        current = [link for link in links if link.get("aria-current") == "page"]
        others = [link for link in links if link.get("rel") == ["alternate"]]
        where = source_name(site, page)
        if len(current) != 1 or current[0].get("hreflang") != own_lang or current[0].get("lang") != own_lang:
            problems.append(f"{where}: the switcher does not mark this page's own language ({own_lang}) with aria-current")
        if len(others) != 1 or not others[0].get("lang") or others[0].get("lang") != others[0].get("hreflang"):
            problems.append(f"{where}: the switcher needs one link to the other language, with lang and hreflang")
            continue
        target = (page.parent / others[0]["href"]).resolve()
        if target != (site / other / name).resolve():
            problems.append(f"{where}: the switcher links to {others[0]['href']}, not the same page in the other language")
        elif not target.is_file():
            problems.append(f"{where}: the other language has no page {name}: add it (same file name)")
        if soup.select('head link[rel="alternate"]'):
            problems.append(
                f"{where}: <head> has <link rel=alternate>: Material then fetches a sitemap for each, on every page "
                "it opens. Name the other language in sitemap.xml (overrides/sitemap.xml) instead"
            )
    return problems


def test_every_page_links_to_the_same_page_in_the_other_language(published_site, zh_site):
    problems = switcher_problems(published_site, "zh", "en") + switcher_problems(zh_site, "..", "zh-Hans")
    assert not problems, "Language switcher (overrides/partials/language-switcher.html):\n" + "\n".join(problems)


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"


def sitemap_language_problems(*sites: Path) -> list[str]:
    """Each page in each edition's sitemap.xml names itself and the same page in the other language, at
    an address that one of the sitemaps lists (search engines pair the editions from these)."""
    entries = {site: ElementTree.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}url") for site in sites}
    pages = {site: [(url.findtext(f"{SITEMAP}loc"), url.findall(XHTML_LINK)) for url in urls] for site, urls in entries.items()}
    known = {address for listed in pages.values() for address, _ in listed}
    problems = []
    for site, listed in pages.items():
        for address, links in listed:
            languages = {link.get("hreflang"): link.get("href") for link in links}
            where = f"{site.name}/sitemap.xml, {address}"
            if set(languages) != {"en", "zh-Hans"}:
                problems.append(f"{where}: names the languages {sorted(languages)}, not en and zh-Hans")
            elif address not in languages.values():
                problems.append(f"{where}: its language links {sorted(languages.values())} leave out the page itself")
            problems += [
                f"{where}: the {lang} link {href} is no page in either sitemap; check `address:` under "
                "`extra: languages:` in mkdocs.yml and mkdocs-zh.yml"
                for lang, href in languages.items()
                if href not in known
            ]
    return problems


def test_the_sitemaps_pair_each_page_with_its_other_language(published_site, zh_site):
    problems = sitemap_language_problems(published_site, zh_site)
    assert not problems, "Language links in sitemap.xml (overrides/sitemap.xml):\n" + "\n".join(problems)


def test_sitemap_check_catches_a_language_address_that_leads_nowhere(tmp_path, published_site, zh_site):
    broken = tmp_path / "site"
    broken.mkdir()
    sitemap = (published_site / "sitemap.xml").read_text()
    (broken / "sitemap.xml").write_text(sitemap.replace("/zh/about.html", "/cn/about.html"))
    problems = sitemap_language_problems(broken, zh_site)
    assert len(problems) == 1 and "the zh-Hans link" in problems[0] and "/cn/about.html is no page" in problems[0], problems


@pytest.mark.slow  # builds a site of its own: in make test, not in the quick make check
def test_switcher_check_catches_a_link_to_the_home_page(tmp_path, published_site):
    shutil.copytree(published_site, tmp_path / "site")
    broken = tmp_path / "site" / "zh"
    page = broken / "glossary.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="./../glossary.html"', 'href="./../index.html"'), encoding="utf-8")
    read_page.cache_clear()
    problems = switcher_problems(broken, "..", "zh-Hans")
    assert problems == ["docs-zh/glossary.md: the switcher links to ./../index.html, not the same page in the other language"]


# --- In a real browser: search, fonts, switcher, print, axe, pa11y -------------------------------

browser_test = pytest.mark.browser


@browser_test
def test_chinese_search_finds_nine_in_ten_first_and_every_one_in_the_top_three(page, server):
    queries = search_queries(SEARCH_QUERIES_ZH_FILE)
    outcomes = search_every_query(page, server + "zh/", queries)
    not_in_top = [f"{q.text}: {describe(outcomes[q.text])}" for q in queries if not found_in_top(outcomes[q.text], q.answers)]
    first = sum(found_first(outcomes[q.text], q.answers) for q in queries) / len(queries)
    assert not not_in_top, "Chinese searches whose section is not in the top 3 (tests/data/search-queries-zh.yml):\n" + "\n".join(not_in_top)
    assert first >= 0.9, f"only {first:.0%} of Chinese searches find their section first (goal 90%)"
    english = search_every_query(page, server + "zh/", [type(queries[0])("insulin pump", ())])["insulin pump"]
    assert not any(location.startswith("..") for location in english), f"English pages in Chinese search: {english}"


CJK_FONTS = ("Noto Sans CJK", "Noto Serif CJK", "Source Han", "PingFang", "Hiragino", "Microsoft YaHei", "WenQuanYi")


@browser_test
def test_a_chinese_font_draws_the_chinese_title(page, server):
    """Without a CJK font (Debian's fonts-noto-cjk: `make browser`) Chromium draws empty boxes."""
    page.goto(server + "zh/get-help-urgently.html")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    h1 = session.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": h1})["fonts"]
    assert any(font["familyName"].startswith(CJK_FONTS) for font in fonts), (
        f"the Chinese title is drawn with {fonts}: install a Chinese font (`make browser` installs fonts-noto-cjk)"
    )


@browser_test
def test_the_switcher_works_from_the_keyboard_in_both_directions(page, server):
    page.goto(server + "what-is-a-pump.html")
    link = page.locator("nav.language-switcher a[rel=alternate]")
    link.focus()
    assert page.evaluate("document.activeElement.textContent") == "简体中文"
    page.keyboard.press("Enter")
    page.wait_for_url(server + "zh/what-is-a-pump.html")
    page.locator("nav.language-switcher a[rel=alternate]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(server + "what-is-a-pump.html")
    for _ in range(80):  # Tab reaches it, after the header and the menu
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('language-switcher__link')"):
            break
    else:
        pytest.fail("Tab never reaches the language switcher")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "the focused switcher link shows no outline"


@browser_test
def test_the_chinese_worksheet_dates_its_summary_and_asks_before_clearing_in_chinese(page, server):
    """The worksheet's script is shared by both editions: its words on screen come from each page."""
    page.goto(server + "zh/is-a-pump-right-for-me.html")
    today = datetime.date.today()
    date = page.locator('[data-decision-aid="date"]').text_content()
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="清除我的回答").click()
    problems = []
    if date != f"{today.year}年{today.month}月{today.day}日":
        problems.append(f"the summary's date reads {date!r}, not as Chinese readers write a date")
    if not questions or not HAN.search(questions[0]) or re.search("[A-Za-z]", questions[0]):
        problems.append(f"清除我的回答 asks {questions}: write the question in Chinese in the button's data-confirm")
    assert not problems, "docs-zh/is-a-pump-right-for-me.md (docs/javascripts/decision-aid.js):\n" + "\n".join(problems)


@browser_test
def test_the_chinese_whole_guide_prints_every_page_in_order(browser, server, zh_site):
    from test_print import pdf_text, print_page, whole_guide_problems

    pages = [path for path in navigation_pages(zh_site) if path != "print.html"]
    printout, visible = print_page(browser, server + "zh/print.html")
    problems = whole_guide_problems(zh_site, pages, printout) + [f"visible on paper: {chrome}" for chrome in visible]
    assert "紧急求助" in pdf_text(printout), "the PDF's Chinese text is not read back as the page holds it"
    assert not problems, "\n".join(problems)


@browser_test
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_chinese_page_passes_axe(browser, server, zh_site, palette):
    from test_accessibility import assert_palette_shown, axe_violations, open_in_palette

    page = open_in_palette(browser, palette)
    problems = []
    for path in navigation_pages(zh_site):
        page.goto(server + "zh/" + path)
        assert_palette_shown(page, path, palette)
        problems += [f"zh/{path} ({palette} palette): {line}" for line in axe_violations(page)]
    page.context.close()
    assert not problems, "\n".join(problems)


@browser_test
def test_every_chinese_page_passes_pa11y(browser, server, zh_site):
    """As each page opens, before Material's script starts; tests/test_pa11y.py checks the English pages
    once it has started, so both states of the same templates are checked."""
    from checks.browser import chromium_executable
    from checks.pa11y import pa11y_errors, pa11y_problems

    urls = [server + "zh/" + path for path in navigation_pages(zh_site)]
    errors = pa11y_errors(urls, chromium_executable() or browser.browser_type.executable_path)
    problems = pa11y_problems(errors, name_of=lambda url: "docs-zh/" + url.removeprefix(server + "zh/").replace(".html", ".md"))
    assert not problems, "\n".join(problems)
