"""The guide looks and reads like a health service, checked in a real browser.

- Screenshots of the home page, the urgent-help page, the decision aid with answers and a long page on
  a phone (360 x 740) and a laptop (1280 x 800), and
  of every component in both palettes, kept in test-artifacts/screenshots/ (git-ignored) for a
  reviewer to look at.
- Headings are bold, dark (the text colour) and sized by level; body text is at least 18 px on a
  laptop and 16 px on a phone.
- A glossary term is marked (dotted underline) at most once a page, and never in a heading.
- The content components (CONTRIBUTING.md, "Components") pass WCAG AA contrast in the light and the
  dark palette, on a fixture page holding every one (tests/fixtures/components/components.md).
- The header names the guide, and header and footer its publisher when one is set; previous and next
  pages are named in words on every screen; a long page lists its sections under its title.
- The disclaimer is shown once, not again in the footer.
Styles live in docs/stylesheets/extra.css and docs/stylesheets/components.css.
"""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from checks.browser import serving
from checks.build import build_site, copy_for_build
from checks.look import repeated_disclaimers
from checks.sitecheck import main_content, read_page
from conftest import FIXTURES, ROOT, serve_fixture_page, settle_animations
from test_accessibility import PALETTES, assert_palette_shown, axe_violations
from test_decision_aid import fill_in

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SCREENS = {"phone": {"width": 360, "height": 740}, "laptop": {"width": 1280, "height": 800}}
LONG_PAGE = "who-can-use-a-pump.html"
URGENT_HELP = "get-help-urgently.html"
DECISION_AID = "is-a-pump-right-for-me.html"
SMALLEST_BODY_PX = {"phone": 16, "laptop": 18}
MIN_HEADING_CONTRAST = 7.0  # WCAG AAA for text: "dark" headings, not Material's pale grey
COMPONENTS = {
    "emergency care card": ".admonition.emergency",
    "urgent care card": ".admonition.urgent",
    "non-urgent care card": ".admonition.non-urgent",
    "warning callout": ".admonition.warning",
    "inset text": ".admonition.inset",
    "do list": ".admonition.do",
    "don't list": ".admonition.dont",
}
FICTIONAL_PUBLISHER = "Example Diabetes Service (fictional)"

# Colour maths in the page: WCAG 2 relative luminance and contrast ratio, with see-through colours
# laid over the colour behind them (Material's text colours are partly transparent).
COLOUR_HELPERS = """
const parse = colour => { const [r, g, b, a = 1] = colour.match(/[\\d.]+/g).map(Number); return {r, g, b, a}; };
const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
const luminance = ({r, g, b}) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (one, two) => { const [a, b] = [luminance(one), luminance(two)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
const background = parse(getComputedStyle(document.body).backgroundColor);
"""

HEADINGS = (
    """() => {"""
    + COLOUR_HELPERS
    + """
    const body = document.querySelector(".md-content__inner > p");
    const bodySize = parseFloat(getComputedStyle(body).fontSize);
    const bodyColour = over(parse(getComputedStyle(body).color), background);
    return [...document.querySelectorAll(".md-content__inner :is(h1, h2, h3, h4, h5, h6)")].map(heading => {
        const style = getComputedStyle(heading);
        const colour = over(parse(style.color), background);
        return {level: Number(heading.localName[1]), text: heading.textContent.replace("¶", "").trim(),
                weight: Number(style.fontWeight), size: parseFloat(style.fontSize), bodySize,
                contrast: contrast(colour, background), bodyContrast: contrast(bodyColour, background)};
    });
}"""
)

# The size of each paragraph and list item of the page's own text, with its first words.
BODY_TEXT_SIZES = """() => [...document.querySelectorAll(".md-content__inner :is(p, li)")]
    .filter(element => !element.closest(".admonition, .page-status, .disclaimer") && element.textContent.trim())
    .map(element => ({text: element.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(element).fontSize)}))"""

# Glossary terms that look marked (an underline of any kind), grouped by meaning, and any in a heading.
MARKED_TERMS = """() => {
    const marked = term => {
        const style = getComputedStyle(term);
        return (style.borderBottomStyle !== "none" && parseFloat(style.borderBottomWidth) > 0)
            || style.textDecorationLine !== "none";
    };
    const byMeaning = {};
    const inHeadings = [];
    for (const term of document.querySelectorAll(".md-content__inner abbr")) {
        if (!marked(term)) continue;
        if (term.closest("h1, h2, h3, h4, h5, h6")) inHeadings.push(term.textContent);
        const meaning = term.dataset.meaning || term.textContent.toLowerCase();
        (byMeaning[meaning] ??= []).push(term.textContent);
    }
    return {repeated: Object.values(byMeaning).filter(uses => uses.length > 1), inHeadings};
}"""


def marked_term_problems(page, where: str) -> list[str]:
    """One line per glossary term marked more than once on the page, or marked in a heading."""
    found = page.evaluate(MARKED_TERMS)
    problems = [
        f"{where}: '{uses[0]}' is underlined as a glossary term {len(uses)} times ({', '.join(uses)}); only its first use should be"
        for uses in found["repeated"]
    ]
    problems += [f"{where}: the glossary term '{term}' is underlined in a heading" for term in found["inHeadings"]]
    return problems


def heading_problems(headings: list[dict], where: str, check_sizes: bool) -> list[str]:
    problems = []
    for heading in headings:
        name = f"{where}: h{heading['level']} '{heading['text']}'"
        if heading["weight"] < 700:
            problems.append(f"{name} is not bold (font-weight {heading['weight']:.0f})")
        if heading["contrast"] < MIN_HEADING_CONTRAST or heading["contrast"] < heading["bodyContrast"] - 0.01:
            problems.append(
                f"{name} is paler than the text (contrast {heading['contrast']:.1f} : 1, text {heading['bodyContrast']:.1f} : 1)"
            )
        if check_sizes and heading["level"] <= 4 and heading["size"] <= heading["bodySize"]:
            problems.append(f"{name} is no bigger than the body text ({heading['size']} px)")
    if check_sizes:
        sizes = {}
        for heading in headings:
            sizes.setdefault(heading["level"], heading["size"])
        levels = sorted(sizes)
        for higher, lower in zip(levels, levels[1:]):
            if sizes[lower] >= sizes[higher]:
                problems.append(f"{where}: h{lower} ({sizes[lower]} px) is not smaller than h{higher} ({sizes[higher]} px)")
    return problems


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page on a phone (touch, mobile viewport rules) or on a laptop screen."""
    name = request.param
    phone = name == "phone"
    context = browser.new_context(viewport=SCREENS[name], is_mobile=phone, has_touch=phone)
    yield name, context.new_page()
    context.close()


# Chromium draws a screenshot taller than this in pieces, and draws the fixed header and the list of pages
# in the wrong place: such a page is saved in parts, each drawn right.
TALLEST_SCREENSHOT = 16_000


def whole_page_screenshots(page, stem: Path) -> list[Path]:
    """The whole page as stem.png, or as stem-part-1.png, stem-part-2.png ... when it is too tall for one.

    The window is made as tall as the page for the picture, then put back. Playwright's full-page picture
    draws beyond the window instead: on the decision aid (its text box scrolls) Chromium took 6 to 7 s for
    each of its two pictures, against under 2 s for both this way, and the pictures are the same.
    """
    window = page.viewport_size
    # At the top the header shows the guide's name again, not the page's title: it fades back after a frame.
    page.evaluate("() => { window.scrollTo(0, 0); return new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame))); }")
    settle_animations(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    parts = -(-height // TALLEST_SCREENSHOT)
    part_height = -(-height // parts)
    files = []
    page.set_viewport_size({"width": window["width"], "height": height})
    try:
        for part in range(parts):
            top = part * part_height
            files.append(stem.with_name(stem.name + (f"-part-{part + 1}" if parts > 1 else "") + ".png"))
            clip = {"x": 0, "y": top, "width": window["width"], "height": min(part_height, height - top)}
            page.screenshot(path=files[-1], clip=clip, timeout=120_000)  # a long page on a busy machine
    finally:
        page.set_viewport_size(window)
    return files


@pytest.mark.browser
def test_screenshots_of_the_home_urgent_help_decision_aid_and_a_long_page(screen, server, capsys):
    """Whole-page screenshots for a reviewer: the decision aid with answers given, as a reader leaves it."""
    name, page = screen
    size = SCREENS[name]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    saved = []
    for path in ("index.html", URGENT_HELP, DECISION_AID, LONG_PAGE):
        page.goto(server + path)
        if path == DECISION_AID:
            fill_in(page)
        settle_animations(page)
        for file in whole_page_screenshots(page, SCREENSHOTS / f"{Path(path).stem}-{size['width']}x{size['height']}"):
            assert file.stat().st_size > 10_000, f"{file} is almost empty: the page did not draw"
            saved.append(file)
    with capsys.disabled():  # shown in the normal test output, so a reviewer knows where to look
        print(f"\nScreenshots ({name}, {size['width']} x {size['height']}): " + ", ".join(str(file) for file in saved))



# On a laptop: where the text (its paragraphs) and the language switcher sit beside the list of pages, where the
# title's band starts and whether the switcher is on it, whether the list of pages reads as a contents list (the
# page being read in bold, the others underlined links), and how many lines the tallest cell of the options table
# runs to.
LAPTOP_LAYOUT = """() => {
    const box = selector => document.querySelector(selector)?.getBoundingClientRect();
    const list = box(".md-sidebar--primary"), switcher = box(".language-switcher li:last-child a");
    const paragraphs = [...document.querySelectorAll(".md-content__inner > p")].map(p => p.getBoundingClientRect());
    const column = {left: Math.min(...paragraphs.map(p => p.left)), right: Math.max(...paragraphs.map(p => p.right))};
    const cells = [...document.querySelectorAll(".decision-aid-options__table td")];
    const lines = cells.map(cell => cell.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight));
    const title = document.querySelector(".md-content .md-typeset h1");
    const bandTextRight = title.getBoundingClientRect().right - parseFloat(getComputedStyle(title).paddingRight);
    const band = document.querySelector(".md-content .language-switcher");
    const colour = element => getComputedStyle(element).backgroundColor;
    const pages = [...document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")];
    const underlined = link => getComputedStyle(link.querySelector(".md-ellipsis")).textDecorationLine === "underline";
    const reading = pages.filter(link => link.classList.contains("md-nav__link--active"));
    return {leftGap: column.left - list.right, rightGap: document.documentElement.clientWidth - column.right,
            bandTextRight, switcherRight: switcher.right, mostLines: Math.max(0, ...lines),
            bandGap: band.getBoundingClientRect().top - box(".md-header").bottom, switcherOnBand: colour(band) === colour(title),
            contentsList: reading.length === 1 && Number(getComputedStyle(reading[0]).fontWeight) >= 700
                && !underlined(reading[0]) && pages.every(link => reading.includes(link) || underlined(link))};
}"""
MOST_CELL_LINES = 7  # the options table on a laptop: a cell you can take in at a glance
# Material's own layout, as the guide had it: the column against the list with the right third empty, the
# switcher on a white strip above the title's band and ending short of the text's edge, the list of pages as
# plain links with the page being read in colour, and the options as a five-column table.
DOCUMENTATION_LAYOUT = (
    ".md-main__inner > .md-sidebar--primary:not([hidden]) ~ .md-content > .md-content__inner {margin-left: 1.2rem}"
    ".md-main__inner .md-content > .md-content__inner {max-width: 50em}"
    ".md-typeset .language-switcher ul {max-width: 38em}"
    ".md-content .md-typeset .language-switcher {margin: 0; padding: 0; background-color: transparent}"
    ".md-content .md-typeset .language-switcher + h1 {margin-top: -1rem; padding-top: 0.9em}"
    ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link--active {font-weight: 400}"
    ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link .md-ellipsis {text-decoration: none}"
    ".md-typeset table.decision-aid-options__table {display: table}"
    ".md-typeset .decision-aid-options__table thead {display: table-header-group; position: static; width: auto; height: auto}"
    ".md-typeset .decision-aid-options__table tbody {display: table-row-group}"
    ".md-typeset .decision-aid-options__table tr {display: table-row}"
    ".md-typeset .decision-aid-options__table :is(th, td) {display: table-cell}"
)


def laptop_layout_problems(browser, server, style: str = "") -> list[str]:
    """On a long page, the text column centred beside the list of pages (no empty third of the screen),
    the title's band right under the header with the language switcher on it and lined up with the title,
    and the list of pages as a contents list; on the decision aid, no options-table cell over 7 lines."""
    page = browser.new_page(viewport=SCREENS["laptop"])
    problems = []
    for path in (LONG_PAGE, DECISION_AID):
        page.goto(server + path)
        if style:
            page.add_style_tag(content=style)
        found = page.evaluate(LAPTOP_LAYOUT)
        if path == DECISION_AID:
            if found["mostLines"] > MOST_CELL_LINES + 0.5:
                problems.append(f"{path}: an options-table cell runs to {found['mostLines']:.0f} lines (at most {MOST_CELL_LINES})")
            continue
        if found["rightGap"] > SCREENS["laptop"]["width"] / 4 or abs(found["rightGap"] - found["leftGap"]) > 48:
            problems.append(
                f"{path}: the text column is not centred beside the list of pages ({found['leftGap']:.0f} px on its "
                f"left, {found['rightGap']:.0f} px empty on its right)"
            )
        if found["bandGap"] > 1 or not found["switcherOnBand"]:
            problems.append(
                f"{path}: the title's band starts {found['bandGap']:.0f} px under the header, and the language switcher "
                + ("is on it" if found["switcherOnBand"] else "is not on it")
            )
        if not found["contentsList"]:
            problems.append(
                f"{path}: the list of pages reads as a documentation menu (the page being read should be in bold, "
                "the others underlined links)"
            )
        if abs(found["bandTextRight"] - found["switcherRight"]) > 2:
            problems.append(
                f"{path}: the language switcher ends at {found['switcherRight']:.0f} px, the title in its band at "
                f"{found['bandTextRight']:.0f} px"
            )
    page.close()
    return problems


@pytest.mark.browser
def test_a_laptop_shows_one_centred_column_and_short_option_cells(browser, server):
    problems = laptop_layout_problems(browser, server)
    assert not problems, "Laptop layout (docs/stylesheets/extra.css, decision-aid.css):\n" + "\n".join(problems)


@pytest.mark.browser
def test_laptop_layout_check_catches_the_documentation_layout(browser, server):
    problems = laptop_layout_problems(browser, server, style=DOCUMENTATION_LAYOUT)
    assert [problem.split(" (")[0].split(" ends at")[0].split(" runs to")[0] for problem in problems] == [
        f"{LONG_PAGE}: the text column is not centred beside the list of pages",
        f"{LONG_PAGE}: the title's band starts 20 px under the header, and the language switcher is not on it",
        f"{LONG_PAGE}: the list of pages reads as a documentation menu",
        f"{LONG_PAGE}: the language switcher",
        f"{DECISION_AID}: an options-table cell",
    ], problems


# Each footer link's words as shown: empty when a link shows only its arrow.
FOOTER_LINK_WORDS = """() => [...document.querySelectorAll(".md-footer__link")].map(link => ({
    direction: link.classList.contains("md-footer__link--prev") ? "previous" : "next",
    words: link.querySelector(".md-footer__title")?.checkVisibility() ? link.querySelector(".md-footer__title").innerText.trim() : ""}))"""


def footer_link_problems(page, where: str) -> list[str]:
    return [f"{where}: the {link['direction']} page's link shows no words" for link in page.evaluate(FOOTER_LINK_WORDS) if not link["words"]]


@pytest.mark.browser
def test_previous_and_next_pages_are_named_in_words_on_every_screen(screen, server):
    name, page = screen
    page.goto(server + LONG_PAGE)  # it has a previous and a next page
    assert len(page.evaluate(FOOTER_LINK_WORDS)) == 2
    problems = footer_link_problems(page, f"{LONG_PAGE} ({name})")
    assert not problems, "Footer links (docs/stylesheets/extra.css):\n" + "\n".join(problems)


@pytest.mark.browser
def test_footer_check_catches_an_arrow_without_words(browser, server):
    page = browser.new_page(viewport=SCREENS["phone"])
    page.goto(server + LONG_PAGE)
    page.add_style_tag(content=".md-footer__link--prev .md-footer__title {display: none}")  # Material's own rule on a phone
    problems = footer_link_problems(page, LONG_PAGE)
    page.context.close()
    assert problems == [f"{LONG_PAGE}: the previous page's link shows no words"]


def test_long_pages_list_their_sections_under_the_title_and_urgent_help_does_not(site):
    """A long page starts with "Contents", linking each section; nothing comes before the 999 card."""
    for path in (LONG_PAGE, DECISION_AID):
        article = main_content(site / path)
        sections = [f"#{heading['id']}" for heading in article.find_all("h2") if heading["id"] != "references"]
        contents = article.select_one("nav.page-contents")
        assert contents is not None, f"{path} should start with its Contents (overrides/partials/page-contents.html)"
        assert [link["href"] for link in contents.select("a")] == sections
        assert contents.find_previous(["h1", "h2"]).name == "h1", f"{path}: Contents should come right under the title"
    assert main_content(site / URGENT_HELP).select_one("nav.page-contents") is None


@pytest.mark.browser
@pytest.mark.parametrize("palette", PALETTES)
def test_headings_are_bold_dark_and_sized_by_level(browser, server, site_pages, palette):
    page = browser.new_page(viewport=SCREENS["laptop"], color_scheme=PALETTES[palette][0])
    problems = []
    for path in site_pages:
        page.goto(server + path)
        assert_palette_shown(page, path, palette)
        problems += heading_problems(page.evaluate(HEADINGS), f"{path} ({palette})", check_sizes=palette == "light")
    page.context.close()
    assert not problems, "Headings (their style is in docs/stylesheets/extra.css):\n" + "\n".join(problems)


@pytest.mark.browser
def test_heading_check_catches_thin_grey_headings(browser, server):
    """The check fails on Material's own headings: thin, grey, and h4 bolder than h3."""
    page = browser.new_page(viewport=SCREENS["laptop"])
    page.goto(server + LONG_PAGE)
    page.add_style_tag(content=".md-content .md-typeset h1, .md-content .md-typeset h2 {font-weight: 300; color: #888}")
    problems = heading_problems(page.evaluate(HEADINGS), LONG_PAGE, check_sizes=True)
    page.context.close()
    assert any("is not bold" in line for line in problems) and any("paler than the text" in line for line in problems)


@pytest.mark.browser
def test_body_text_is_large_enough(screen, server, site_pages):
    name, page = screen
    smallest = SMALLEST_BODY_PX[name]
    problems = []
    for path in site_pages:
        page.goto(server + path)
        problems += [
            f"{path}: '{text['text']}' is {text['size']} px" for text in page.evaluate(BODY_TEXT_SIZES) if text["size"] < smallest
        ]
    assert not problems, (
        f"Body text under {smallest} px on a {name} screen (set in docs/stylesheets/extra.css):\n" + "\n".join(problems[:20])
    )


@pytest.mark.browser
def test_each_glossary_term_is_marked_at_most_once_a_page(page, server, site_pages):
    problems = []
    for path in site_pages:
        page.goto(server + path)
        problems += marked_term_problems(page, path)
    assert not problems, (
        "Glossary terms marked more than once (docs/javascripts/glossary-terms.js marks the first use):\n"
        + "\n".join(problems)
    )


@pytest.mark.browser
def test_a_later_unmarked_use_still_shows_its_meaning_on_hover(page, server):
    page.goto(server + LONG_PAGE)
    later_use = page.locator(".md-content__inner p abbr.glossary-term--plain").first
    meaning = later_use.get_attribute("data-meaning")
    assert later_use.evaluate("term => term.tabIndex") == -1, "a later use should not be another tab stop"
    later_use.hover()
    expect(page.locator(".md-tooltip2--active")).to_have_text(meaning)


@pytest.mark.browser
def test_glossary_mark_check_fails_on_a_page_that_marks_every_use(page, server):
    page.goto(serve_fixture_page(page, server, "repeated-tooltips.html"))
    assert marked_term_problems(page, "fixture") == [
        "fixture: 'basal insulin' is underlined as a glossary term 3 times (basal insulin, basal insulin, basal insulin); "
        "only its first use should be",
        "fixture: the glossary term 'basal insulin' is underlined in a heading",
    ]


# --- The components, on a fixture page built with the real theme, styles and settings ----------


@pytest.fixture(scope="session")
def components_site(tmp_path_factory) -> Path:
    """The real site plus tests/fixtures/components/components.md, with a (fictional) publisher set.

    Built from a copy, so the guide itself never holds the fixture page. mkdocs.yml is inherited
    unchanged (INHERIT) apart from `extra.publisher` and the fixture page being left out of the menu."""
    project = copy_for_build(tmp_path_factory.mktemp("components-project") / "project")
    (project / "mkdocs.yml").rename(project / "guide.yml")
    shutil.copy(FIXTURES / "components" / "components.md", project / "docs" / "components.md")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: guide.yml\nnot_in_nav: /components.md\nextra:\n  publisher: {FICTIONAL_PUBLISHER}\n"
    )
    site_dir = tmp_path_factory.mktemp("components-site")
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def components_server(components_site):
    with serving(components_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("palette", PALETTES)
def test_components_pass_contrast_in_both_palettes(browser, components_server, palette, capsys):
    page = browser.new_page(viewport=SCREENS["laptop"], color_scheme=PALETTES[palette][0])
    page.goto(components_server + "components.html")
    assert_palette_shown(page, "components.html", palette)
    missing = [name for name, selector in COMPONENTS.items() if not page.locator(f".md-content {selector}").is_visible()]
    assert not missing, f"tests/fixtures/components/components.md should show every component; missing: {missing}"
    problems = axe_violations(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    file = SCREENSHOTS / f"components-{palette}-1280x800.png"
    page.screenshot(path=file, full_page=True)
    with capsys.disabled():
        print(f"\nScreenshot (every component, {palette} palette): {file}")
    page.context.close()
    assert not problems, f"Components in the {palette} palette (docs/stylesheets/components.css):\n" + "\n".join(problems)


@pytest.mark.slow  # builds a site of its own: in make test, not in the quick make check
def test_header_and_footer_name_the_publisher_only_when_one_is_set(site, components_site):
    with_publisher = read_page(components_site / "index.html").select_one("header .md-header__topic")
    assert with_publisher.select_one(".md-ellipsis").get_text(strip=True) == "Insulin pumps explained"
    assert with_publisher.select_one(".md-header__publisher").get_text(strip=True) == FICTIONAL_PUBLISHER
    footer = read_page(components_site / "index.html").select_one("footer .md-copyright__publisher")
    assert footer.get_text(strip=True) == f"Published by {FICTIONAL_PUBLISHER}"
    unset = read_page(site / "index.html")
    assert unset.select_one(".md-header__publisher") is None and unset.select_one(".md-copyright__publisher") is None, (
        "mkdocs.yml sets no extra.publisher, so neither the header nor the footer should name a publisher"
    )


def test_the_disclaimer_is_shown_once_a_page(site):
    problems = repeated_disclaimers(site)
    assert not problems, "\n".join(problems)


def test_disclaimer_check_catches_a_footer_that_repeats_it(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<article class="md-content__inner"><div class="disclaimer">Not medical advice.</div></article>'
        '<footer class="md-footer"><div class="md-copyright">General information only, not medical advice.</div></footer>'
    )
    assert repeated_disclaimers(tmp_path) == [
        "docs/index.md: the footer repeats the disclaimer ('General information only, not medical advice.'). "
        "Remove `copyright:` from mkdocs.yml: includes/disclaimer.md already ends every page."
    ]


def test_decision_aid_files_load_only_where_the_decision_aid_is(site, site_pages):
    """Weight on a first visit: a page without the decision aid downloads neither its CSS nor its script."""
    problems = []
    for path in site_pages:
        html = read_page(site / path)
        holds_it = html.select_one("article [class^='decision-aid']") is not None
        loads = {
            "stylesheet": html.select_one("link[href$='stylesheets/decision-aid.css']") is not None,
            "script": html.select_one("script[src$='javascripts/decision-aid.js']") is not None,
        }
        for kind, loaded in loads.items():
            if loaded != holds_it:
                problems.append(f"{path}: {'loads' if loaded else 'lacks'} the decision aid's {kind}")
    assert not problems, "overrides/main.html decides where the decision aid's files load:\n" + "\n".join(problems)
