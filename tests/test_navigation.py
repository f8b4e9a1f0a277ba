"""A reader can get around with the keyboard alone, and on a small phone screen.

Keyboard: the search opens from the keyboard, its results are reached with the arrow keys and
opened with Enter, and every page starts with a working "Skip to content" link.
Small screen (360 x 740, a common small phone): the menu drawer opens and reaches every page,
no page scrolls sideways, and no text is smaller than 16 px.
"""

import pytest
from playwright.sync_api import expect

from checks.browser_search import QUERY_BOX, open_search, shown_result_locations, site_location, type_query
from checks.data_files import search_queries
from conftest import settle_animations

QUERIES = search_queries()  # tests/data/search-queries.yml

pytestmark = pytest.mark.browser

SMALL_SCREEN = {"width": 360, "height": 740}
SMALLEST_TEXT_PX = 16  # below this, many readers with older eyes need to zoom

# Text a reader can see now, with its size: every non-blank text on screen or below it (not in a
# closed drawer, dialog or tooltip), described by its element and first words.
SMALL_TEXT = """(smallest) => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        const element = node.parentElement;
        if (!text || !element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= innerWidth) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < smallest) {
            const where = element.className ? `${element.localName}.${[...element.classList].join(".")}` : element.localName;
            found.push(`${where} "${text.slice(0, 40)}" is ${size} px`);
        }
    }
    return [...new Set(found)];
}"""

# Elements that reach past the right edge of the screen, which is what makes a page scroll sideways.
WIDE_ELEMENTS = """() => {
    const wide = [];
    for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.right > document.documentElement.clientWidth + 1 && element.checkVisibility()) {
            const where = element.className ? `${element.localName}.${[...element.classList].join(".")}` : element.localName;
            wide.push(`${where} (${Math.round(box.width)} px wide, ends at ${Math.round(box.right)} px)`);
        }
    }
    return wide.slice(0, 5);
}"""


@pytest.fixture
def phone(browser):
    """A page on a small phone: 360 x 740 CSS pixels, touch screen, mobile viewport rules."""
    page = browser.new_page(viewport=SMALL_SCREEN, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield page
    page.context.close()


def test_search_opens_from_the_keyboard_and_results_open_with_arrow_keys_and_enter(page, server):
    query = QUERIES[0]
    page.goto(server + "index.html")
    page.keyboard.press("/")  # Material's keyboard shortcut for search (so are "s" and "f")
    expect(page.locator(QUERY_BOX), 'Pressing "/" should put the cursor in the search box').to_be_focused()
    type_query(page, query.text)
    best = shown_result_locations(page, server)[0]
    # Arrow down through the results until the best one has focus, as a keyboard user would.
    links = page.locator(".md-search-result__link")
    for _ in range(links.count()):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.href || ''")
        if focused and site_location(focused, server) == best:
            break
    else:
        pytest.fail(f'The arrow keys never reached the first result of "{query.text}" ({best})')
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: site_location(url, server) == best)


def test_every_page_has_a_working_skip_to_content_link(page, server, site_pages):
    problems = []
    for path in site_pages:
        page.goto(server + path)
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        if "md-skip" not in (skip.get_attribute("class") or ""):
            problems.append(f"{path}: the first Tab does not land on the skip link (it lands on {skip.inner_text()!r})")
            continue
        if not skip.is_visible():
            problems.append(f"{path}: the focused skip link cannot be seen")
        target_id = skip.get_attribute("href").lstrip("#")
        page.keyboard.press("Enter")
        target = page.locator(f"[id='{target_id}']")
        if not target.count():
            problems.append(f"{path}: the skip link points to #{target_id}, which is not on the page")
            continue
        # After the skip, the next Tab must go on from the content, not back through the menu.
        page.keyboard.press("Tab")
        after_target = page.evaluate(
            """(target) => {
                const position = target.compareDocumentPosition(document.activeElement);
                return Boolean(position & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY));
            }""",
            target.element_handle(),
        )
        if not after_target:
            problems.append(f"{path}: after the skip link, Tab goes to something before the content")
    assert not problems, "Skip to content problems:\n" + "\n".join(problems)


def test_small_screen_menu_drawer_reaches_every_page(phone, server, site_pages):
    """Open the drawer on each page and tap the next page's link: every page is reached from another one."""
    menu_button = phone.locator("header label.md-header__button[for='__drawer']")
    drawer = phone.locator("nav.md-nav--primary")
    problems = []
    phone.goto(server + site_pages[-1])
    for path in site_pages:
        here = site_location(phone.url, server)
        menu_button.tap()
        expect(drawer, f"{here}: tapping the menu button should slide the menu drawer onto the screen").to_be_in_viewport()
        link = drawer.locator(f"a.md-nav__link[href='{path}']").first
        if not link.count():
            problems.append(f"{here}: the menu drawer has no link to {path}")
            phone.goto(server + path)
            continue
        link.scroll_into_view_if_needed()  # a long menu scrolls inside the drawer
        link.tap()
        phone.wait_for_url(server + path)
    assert not problems, "Menu drawer problems on a 360 px wide screen:\n" + "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_small_screen(phone, server, site_pages):
    problems = []
    for path in site_pages:
        phone.goto(server + path)
        if phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            wide = phone.evaluate(WIDE_ELEMENTS)
            problems.append(f"{path}: scrolls sideways; too wide: {'; '.join(wide)}")
    assert not problems, (
        "Pages wider than a 360 px phone screen (shorten long words or tables, or let them wrap):\n"
        + "\n".join(problems)
    )


def test_text_is_at_least_16px_on_a_small_screen(phone, server, site_pages):
    problems = []
    for path in site_pages:
        phone.goto(server + path)
        problems += [f"{path}: {text}" for text in phone.evaluate(SMALL_TEXT, SMALLEST_TEXT_PX)]
    phone.locator("header label.md-header__button[for='__search']").click()
    open_search(phone)
    type_query(phone, "pump")  # a word on every page: a long list of results
    settle_animations(phone)  # the results slide in from the side
    problems += [f"search results: {text}" for text in phone.evaluate(SMALL_TEXT, SMALLEST_TEXT_PX)]
    assert not problems, (
        f"Text smaller than {SMALLEST_TEXT_PX} px on a 360 px phone screen (raise its font-size in "
        "docs/stylesheets/extra.css):\n" + "\n".join(problems)
    )
