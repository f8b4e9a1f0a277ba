"""Is a pump right for me? (docs/is-a-pump-right-for-me.md): the reader's answers and their summary.

Also: with every box ticked, every question answered and a long note, the summary still fits one A4
sheet with the date, the address, the leaning and the SURE answers, and space for the care team;
without JavaScript the Print button stays hidden and the summary still prints; "Clear my answers"
asks first; with the browser's back/forward cache ON (as in a real browser, unlike Playwright's
default), Back brings the page back without the answers; each icon array's words give the number of
dots it draws. The options table gives every option advantages and harms, and the values list is
balanced (checks/decision_aid.py, proved on broken copies).

In a real Chromium: a reader ticks boxes and rates statements with the keyboard (Space) and types a
question; the one-page summary (print media, A4, read back with checks/printout.py) holds exactly what they
answered, with the date and the page's address; printing the whole page still prints it all. The
answers leave no cookie and no stored data, and are gone after a reload or a closed tab. The same
works from the offline copy (file://) and under nginx with the site's Content-Security-Policy.
With answers filled in, axe finds nothing in light, dark and phone views. The options table gives
each option the same rows, about the same number of words and a source in every cell
(checks/decision_aid.py). Every form control on
every page has a label (checks/forms.py); a fixture with an unlabelled tick box proves that both
that check and axe's `label` rule fail.
"""

import datetime
import shutil

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from checks.browser import CHROMIUM_ARGS, full_chromium, start_theme
from checks.build import build_site, copy_for_build
from checks.decision_aid import balance_problems, options_table_problems
from checks.forms import unlabelled_form_controls
from checks.printout import Printout
from checks.sitecheck import main_content
from conftest import FIXTURES, serve_fixture_page
from test_accessibility import assert_palette_shown, axe_violations
from test_hosting import RECORD_CSP_VIOLATIONS, nginx, nginx_site, site_path  # noqa: F401 (fixtures)
from test_print import pdf_text, squash

pytestmark = pytest.mark.browser

PAGE = "is-a-pump-right-for-me.html"
SOURCE = "docs/is-a-pump-right-for-me.md"
# What the test reader answers, by the words of each label, and what they leave alone.
TICKED = ["I have type 1 diabetes.", "My blood sugar goes up and down a lot.", "Could a pump help me? Why, or why not?"]
UNTICKED = ["I have diabetes and I am going to have an operation.", "Can I try a pump before I decide?"]
RATINGS = {"Taking fewer injections": "Very important", "Having fewer hypos, most of all at night": "A bit important"}
# The "which way am I leaning" step and two SURE answers, chosen the same way as the ratings.
CHOICES = {"Right now, I am leaning towards": "Injections with a glucose sensor", "Do you feel sure about the best choice for you?": "No",
           "Do you have enough support and advice to make a choice?": "Yes"}
UNRATED = ["Not wearing a device on my body all the time"]
QUESTION = "Can I swim with my pump on?"
# Text of the page that has no place in the summary: the options table and the page's explanations.
NOT_IN_SUMMARY = ["Your options side by side", "How sure is the evidence?", "There are no right or wrong answers."]
SMALL_SCREEN = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
A4_SHEETS_FOR_THE_SUMMARY = 1

# Every control's state, to see whether any answer is left.
ANSWERS = """() => [...document.querySelectorAll("form.decision-aid input, form.decision-aid textarea")]
    .filter(control => control.checked || (control.type === "textarea" && control.value))
    .map(control => control.value)"""
STORAGE = "() => ({local: {...localStorage}, session: {...sessionStorage}})"


def fill_in(page) -> None:
    """Answer as a keyboard user: focus each box or choice and press Space; type the question."""
    for label in TICKED:
        page.get_by_label(label, exact=True).focus()
        page.keyboard.press("Space")
    for statement, answer in {**RATINGS, **CHOICES}.items():
        page.get_by_role("group", name=statement).get_by_label(answer, exact=True).focus()
        page.keyboard.press("Space")
    page.get_by_label("Write any other questions").focus()
    page.keyboard.type(QUESTION)


def summary_pdf(page) -> Printout:
    """Tick "Print only my answers" (keyboard) and print to A4 PDF, as the reader's Print command does."""
    page.get_by_label("Print only my answers").focus()
    page.keyboard.press("Space")
    return print_to_pdf(page)


def print_to_pdf(page) -> Printout:
    page.emulate_media(media="print")
    try:
        return Printout(page.pdf(format="A4"))
    finally:
        page.emulate_media(media="screen")


def summary_problems(pdf: Printout) -> list[str]:
    """What is wrong with a printed summary, in words an editor of the page can act on."""
    text = squash(pdf_text(pdf))
    problems = []
    if len(pdf.sheets) != A4_SHEETS_FOR_THE_SUMMARY:
        problems.append(f"the summary takes {len(pdf.sheets)} A4 sheets, not one")
    wanted = TICKED + [QUESTION, datetime.date.today().strftime("%-d %B %Y"), PAGE]
    wanted += [f"{statement}: {answer}" for statement, answer in {**RATINGS, **CHOICES}.items()]
    problems += [f"the summary lacks {item!r}" for item in wanted if squash(item) not in text]
    unwanted = UNTICKED + UNRATED + NOT_IN_SUMMARY + ["Not important"]
    problems += [f"the summary shows {item!r}, which the reader did not answer" for item in unwanted if squash(item) in text]
    return problems


def test_summary_holds_only_the_answers_on_one_a4_sheet(page, server):
    page.goto(server + PAGE)
    fill_in(page)
    problems = summary_problems(summary_pdf(page))
    assert not problems, f"{SOURCE} (docs/stylesheets/decision-aid.css, print rules):\n" + "\n".join(problems)


def test_printing_the_whole_page_still_prints_everything(page, server):
    page.goto(server + PAGE)
    fill_in(page)
    text = squash(" ".join(print_to_pdf(page).sheets))
    missing = [item for item in UNTICKED + NOT_IN_SUMMARY + ["References"] if squash(item) not in text]
    assert not missing, f"{SOURCE}: printed without 'Print only my answers', the page lacks {missing}"


def test_print_button_prints_the_summary(page, server):
    """The button ticks "Print only my answers" and opens printing (headless Chromium fires beforeprint)."""
    page.goto(server + PAGE)
    page.evaluate("window.__printed = false; addEventListener('beforeprint', () => { window.__printed = true })")
    page.get_by_role("button", name="Print my summary").click()
    assert page.get_by_label("Print only my answers").is_checked(), "the Print my summary button did not choose the summary"
    assert page.evaluate("window.__printed"), "the Print my summary button did not open printing"


def test_answers_leave_no_trace(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        addresses = []
        page.on("framenavigated", lambda frame: addresses.append(frame.url))
        page.goto(server + PAGE)
        start_theme(page)  # Material's script keeps the reader's colours in storage from its start
        before = page.evaluate(STORAGE)
        fill_in(page)
        # Some browsers send a form when Enter is pressed in it; sent, this one must go nowhere.
        page.evaluate("document.querySelector('form.decision-aid').requestSubmit()")
        problems = []
        if cookies := context.cookies():
            problems.append(f"cookies were set: {[cookie['name'] for cookie in cookies]}")
        if (after := page.evaluate(STORAGE)) != before:
            problems.append(f"the browser's storage changed from {before} to {after}")
        # Leave and come back: a page rebuilt from history gets its form refilled unless the form
        # says autocomplete="off". (An unload listener keeps the page out of the back/forward
        # cache, which would bring back the page itself, as on any site.)
        page.evaluate("addEventListener('unload', () => {})")
        page.goto(server + "index.html")
        page.go_back()
        if left := page.evaluate(ANSWERS):
            problems.append(f"after leaving the page and coming back, these answers were still there: {left}")
        page.reload()
        if left := page.evaluate(ANSWERS):
            problems.append(f"after a reload these answers were still there: {left}")
        fill_in(page)
        page.close()
        page = context.new_page()  # the tab closed; the reader opens the page again
        page.goto(server + PAGE)
        if left := page.evaluate(ANSWERS):
            problems.append(f"after closing the tab these answers were still there: {left}")
    finally:
        context.close()
    problems += [f"sending the form put the answers in the address {url}" for url in addresses if "?" in url]
    assert not problems, f"{SOURCE} must keep answers private and for this visit only:\n" + "\n".join(problems)


def test_clear_my_answers_asks_first_then_empties_the_form(page, server):
    page.goto(server + PAGE)
    fill_in(page)
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Clear my answers").click()
    assert questions == ["Clear all your answers on this page? This cannot be undone."], (
        f"{SOURCE}: Clear my answers asked {questions}: it must ask first, in the words of the button's data-confirm"
    )
    assert len(page.evaluate(ANSWERS)) == len(TICKED) + len(RATINGS) + len(CHOICES) + 1, "saying No to Clear still lost answers"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my answers").click()
    assert page.evaluate(ANSWERS) == [], "Clear my answers left some answers"


VIEWS = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "phone": {"color_scheme": "light", **SMALL_SCREEN},
}


@pytest.mark.parametrize("view", VIEWS)
def test_page_with_answers_passes_axe(browser, server, view):
    page = browser.new_page(**VIEWS[view])
    try:
        page.goto(server + PAGE)
        assert_palette_shown(page, PAGE, "dark" if view == "dark" else "light")
        fill_in(page)
        # Page and side menu back to the top, answers kept: scrolled far down this long page, the theme
        # scrolls its side menu too, and axe then reports the menu entries hidden under the fixed
        # header as too small to tap (a theme matter, the same on any long page; reported for the
        # layout work), which would hide any problem of this page's own content.
        page.evaluate("""() => {
            window.scrollTo(0, 0)
            for (const menu of document.querySelectorAll(".md-sidebar__scrollwrap")) menu.scrollTop = 0
        }""")
        problems = axe_violations(page)
    finally:
        page.context.close()
    assert not problems, f"{SOURCE} with answers filled in ({view} view):\n" + "\n".join(problems)


def test_works_from_the_offline_copy(browser, offline_copy):
    context = browser.new_context()
    requests = []
    context.route(lambda url: not url.startswith("file://"), lambda route: (requests.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.goto((offline_copy / PAGE).as_uri())
        fill_in(page)
        problems = summary_problems(summary_pdf(page))
    finally:
        context.close()
    problems += [f"the offline copy tried to load {url}" for url in requests]
    assert not problems, f"{SOURCE} opened from the offline copy:\n" + "\n".join(problems)


def test_works_under_the_content_security_policy(browser, nginx):  # noqa: F811 (fixture from test_hosting)
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    try:
        page = context.new_page()
        page.goto(nginx + PAGE)
        fill_in(page)
        problems = summary_problems(summary_pdf(page))
        page.get_by_role("button", name="Print my summary").click()  # its script must run under the policy
        problems += page.evaluate("window.__cspViolations")
    finally:
        context.close()
    assert not problems, f"{SOURCE} served by nginx with the site's policy:\n" + "\n".join(problems)


def test_every_form_control_has_a_label(site):
    problems = unlabelled_form_controls(site)
    assert not problems, "Form controls a screen reader cannot name:\n" + "\n".join(problems)


def test_label_check_fails_on_an_unlabelled_checkbox(tmp_path):
    shutil.copy(FIXTURES / "browser-failures" / "unlabelled-checkbox.html", tmp_path)
    problems = unlabelled_form_controls(tmp_path)
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/unlabelled-checkbox.md: the form control <input> checkbox 'long-term', value 'type 1' has no label")
    assert "has no <fieldset> with a <legend>" in problems[1]


def test_axe_reports_an_unlabelled_checkbox(page, server):
    page.goto(serve_fixture_page(page, server, "unlabelled-checkbox.html"))
    problems = axe_violations(page)
    assert any(line.startswith("label ") for line in problems), f"axe should report the unlabelled tick box: {problems}"


def test_options_are_described_in_equal_detail_with_sources(site):
    problems = options_table_problems(site, site / PAGE)
    assert not problems, "\n".join(problems)


def test_options_check_fails_on_a_lopsided_table(site, tmp_path):
    """One option far shorter than the others, and a cell with no citation."""
    html = (site / PAGE).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    first_cells = soup.select("table.decision-aid-options__table tbody td[data-option='Injections']")
    for cell in first_cells:
        cell.string = "Short."
    (tmp_path / PAGE).write_text(str(soup), encoding="utf-8")
    problems = options_table_problems(tmp_path, tmp_path / PAGE)
    assert any("not described in equal detail" in problem for problem in problems), problems
    assert any("says nothing about its source for 'Injections several times a day'" in problem for problem in problems), problems


# --- The busiest summary, JavaScript off, Back with the cache on, icon arrays, balance ------------

# A long note, as a reader worried about many things might type it.
LONG_NOTE = " ".join(
    f"Question {number}: what happens to my pump and my sensor when I travel, swim, exercise, fall ill or go into hospital?"
    for number in range(1, 8)
)
EVERY_ANSWER = """() => {
    const form = document.querySelector("form.decision-aid")
    for (const box of form.querySelectorAll("input[type=checkbox]:not([name=summary-mode])")) box.checked = true
    const groups = new Set([...form.querySelectorAll("input[type=radio]")].map(radio => radio.name))
    for (const name of groups) {  // the longest answer of each group: the most to print
        const choices = [...form.querySelectorAll(`input[type=radio][name="${name}"]`)]
        choices.sort((a, b) => b.parentElement.textContent.length - a.parentElement.textContent.length)[0].checked = true
    }
    return {boxes: form.querySelectorAll("input[type=checkbox]:checked").length, groups: groups.size}
}"""


def test_summary_fits_one_sheet_with_every_answer_given(page, server):
    page.goto(server + PAGE)
    answered = page.evaluate(EVERY_ANSWER)
    page.get_by_label("Write any other questions").fill(LONG_NOTE)
    page.add_init_script("window.print = () => {}")
    page.evaluate("window.print = () => {}")  # the button's own print dialog: the PDF below is the paper
    page.get_by_role("button", name="Print my summary").click()
    pdf = print_to_pdf(page)
    text = squash(pdf_text(pdf))
    problems = []
    if len(pdf.sheets) != A4_SHEETS_FOR_THE_SUMMARY:
        problems.append(f"with every answer given ({answered}), the summary takes {len(pdf.sheets)} A4 sheets, not one")
    wanted = [datetime.date.today().strftime("%-d %B %Y"), PAGE, "Right now, I am leaning towards:",
              "Do you feel sure about the best choice for you?:", "For my care team to fill in", LONG_NOTE[-60:]]
    problems += [f"the summary lacks {item!r}" for item in wanted if squash(item) not in text]
    questions = page.locator("input[name=question]").count()
    if (lines := text.count(squash("Answer:"))) != questions:
        problems.append(f"the summary has {lines} answer lines for {questions} ticked questions")
    assert not problems, f"{SOURCE} (docs/stylesheets/decision-aid.css, docs/javascripts/decision-aid.js):\n" + "\n".join(problems)


def test_without_javascript_the_print_button_is_hidden_and_the_summary_prints(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + PAGE)
        button = page.locator('[data-decision-aid="print"]')
        problems = ["a Print my summary button that cannot work shows without JavaScript"] if button.is_visible() else []
        fill_in(page)
        pdf = summary_pdf(page)
        text = squash(pdf_text(pdf))
    finally:
        context.close()
    if len(pdf.sheets) != A4_SHEETS_FOR_THE_SUMMARY:
        problems.append(f"the summary takes {len(pdf.sheets)} A4 sheets, not one")
    problems += [f"the summary lacks {item!r}" for item in TICKED + [QUESTION, "Date:"] if squash(item) not in text]
    assert not problems, f"{SOURCE} with JavaScript off:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def browser_with_back_forward_cache(browser):
    """A second Chromium that keeps pages for Back, as every real browser does: the desktop browser
    (the headless shell has no back/forward cache), without the switch Playwright starts its
    browsers with that turns the cache off."""
    cached = browser.browser_type.launch(
        **full_chromium(), args=CHROMIUM_ARGS, chromium_sandbox=False,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield cached
    cached.close()


def test_answers_are_gone_after_back_with_the_back_forward_cache_on(browser_with_back_forward_cache, server):
    context = browser_with_back_forward_cache.new_context()
    try:
        page = context.new_page()
        # Record whether Back brought the very same page back from the cache (pageshow, persisted).
        page.add_init_script("addEventListener('pageshow', event => { window.fromBackForwardCache = event.persisted })")
        page.goto(server + PAGE)
        fill_in(page)
        page.locator("article a[href='before-you-choose.html']").first.click()
        page.wait_for_url("**/before-you-choose.html")
        page.go_back(wait_until="commit")  # a page from the cache fires no load event
        try:
            page.wait_for_function("window.fromBackForwardCache === true", timeout=10_000)
        except PlaywrightTimeout:
            pass  # loaded afresh instead: reported below
        from_cache = page.evaluate("window.fromBackForwardCache")
        left = page.evaluate(ANSWERS)
    finally:
        context.close()
    assert from_cache, "Back did not use the back/forward cache, so this test would prove nothing"
    assert not left, f"{SOURCE}: after following a link and pressing Back, the next reader sees these answers: {left}"


DRAWN_DOTS = """() => [...document.querySelectorAll("svg.icon-array__dots")].map(svg => ({
    name: svg.getAttribute("aria-label"),
    caption: svg.closest("figure").querySelector("figcaption").textContent,
    drawn: [...svg.querySelectorAll("rect.icon-array__filled")]
        .reduce((dots, rect) => dots + (rect.width.baseVal.value / 10) * (rect.height.baseVal.value / 10), 0),
}))"""


def test_icon_arrays_say_in_words_what_they_draw(page, server):
    page.goto(server + PAGE)
    arrays = page.evaluate(DRAWN_DOTS)
    problems = [] if arrays else ["the page has no icon arrays (svg.icon-array__dots)"]
    for array in arrays:
        said = f"{round(array['drawn'])} out of 100"
        if not (array["name"] or "").startswith(said):
            problems.append(f"an icon array draws {said} dark dots, but its text alternative says {array['name']!r}")
        if said not in array["caption"]:
            problems.append(f"an icon array draws {said} dark dots, but its caption says {array['caption']!r}")
    names = page.get_by_role("img", name="out of 100").count()
    if names != len(arrays):
        problems.append(f"a screen reader finds {names} pictures named 'N out of 100 people', for {len(arrays)} icon arrays")
    assert not problems, f"{SOURCE} (the icon arrays under 'Out of 100 people'):\n" + "\n".join(problems)


def test_every_option_has_advantages_and_harms_and_the_values_are_balanced(site):
    problems = balance_problems(site, site / PAGE)
    assert not problems, "\n".join(problems)


def test_balance_check_fails_on_an_option_without_harms_and_a_tilted_values_list(site, tmp_path):
    soup = BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")
    harms_row = next(row for row in soup.select("table.decision-aid-options__table tbody tr") if "harder" in row.th.get_text())
    harms_row.find_all("td")[2].string = "None."
    advantages_row = next(row for row in soup.select("table.decision-aid-options__table tbody tr") if "better" in row.th.get_text())
    advantages_row.find_all("td")[0].string = ""
    soup.select_one("fieldset[data-favours=injections]")["data-favours"] = "device"
    (tmp_path / PAGE).write_text(str(soup), encoding="utf-8")
    problems = balance_problems(tmp_path, tmp_path / PAGE)
    assert any("'What may be harder or riskier' gives 'Insulin pump' no real harms" in problem for problem in problems), problems
    assert any("'What may get better' gives 'Injections several times a day' no real advantages" in problem for problem in problems), problems
    assert any("list is tilted (4 statements point towards injections, 6 towards a device)" in problem for problem in problems), problems


AUTHORSHIP_UNSET = ["has not yet said who wrote this page", "has not yet said how this work was paid for"]


def test_authors_and_funding_show_only_what_the_publisher_set(site, tmp_path):
    """extra.authorship in mkdocs.yml: while empty the page says so; once set it shows exactly that."""
    about = main_content(site / PAGE).select_one("#about-this-page").find_parent().get_text(" ", strip=True)
    problems = [f"with extra.authorship empty, the page lacks {words!r}" for words in AUTHORSHIP_UNSET if words not in about]
    project = copy_for_build(tmp_path / "project")
    settings = project / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "  authorship:\n    written_by:\n    role:\n    funding:\n",
            "  authorship:\n    written_by: Test Team Alpha\n    role: fictional educators\n    funding: No funding\n",
        ),
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "built")
    assert result.returncode == 0, result.stderr
    built = (tmp_path / "built" / PAGE).read_text(encoding="utf-8")
    wanted = ["Test Team Alpha (fictional educators).", "No funding"]
    problems += [f"with extra.authorship set, the page lacks {words!r}" for words in wanted if words not in built]
    problems += [f"with extra.authorship set, the page still says {words!r}" for words in AUTHORSHIP_UNSET if words in built]
    assert not problems, "overrides/partials/authorship.html and mkdocs.yml (extra.authorship):\n" + "\n".join(problems)
