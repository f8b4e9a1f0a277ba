"""The publishing gate (checks/release.py, `make release-check`) and every way out it guards.

tests/fixtures/release/ is a small site: a page signed by an obviously fictional clinician with
`make sign`'s command, an unsigned page, and a signed page overdue for review. Each test copies it
and breaks the copy. The findings of the November 2026 security review (../shared/reviews/) are
named in the test names: h1 (drafts), m1 (files the gate did not read), m2 (ways out without the
gate), m3 (sign-offs), m4 (review dates after publishing), m5 (CSP and titles), m7 (site address).
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from checks.build import build_problems, build_site, copy_for_build
from checks.front_matter import front_matter_problems
from checks.sitecheck import content_pages, main_content, read_page
from conftest import FIXTURES, OFFLINE_COPY_ADDRESS, ROOT

# Each test runs the gate, a build or make on a copy of a site: the publishing gate is proved in
# make test; the quick make check while writing leaves it out.
pytestmark = pytest.mark.slow
FIXTURE = FIXTURES / "release"
TODAY = "2026-11-25"
WORKFLOWS = ROOT / ".github" / "workflows"


def release_check(config: Path, **environment: str) -> subprocess.CompletedProcess:
    """`python -m checks.release` on a site, as on a machine where only `environment` is set."""
    env = {name: value for name, value in os.environ.items() if name not in {"DRAFT", "SITE_URL", "ALLOW_DRAFT"}}
    command = [sys.executable, "-m", "checks.release", "--config", str(config), "--today", TODAY]
    return subprocess.run(command, cwd=ROOT, env={**env, **environment}, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the fixture site; returns its mkdocs.yml."""
    return shutil.copytree(FIXTURE, tmp_path / "site-project") / "mkdocs.yml"


def lines(result: subprocess.CompletedProcess) -> list[str]:
    return result.stdout.splitlines()


SIGNED = (
    "  ready      docs/signed.md: signed by Dr Fictional Example (consultant diabetologist) on 2026-01-12; "
    "next review due 2029-01-12."
)
OVERDUE = "  NOT READY  docs/overdue.md: review overdue since 2026-03-01."
UNSIGNED = (
    "  NOT READY  docs/unsigned.md: no clinical sign-off yet: a qualified clinician checks the page and signs it "
    "(`make sign`); or publish a draft on purpose: `draft: true` under `extra:` in mkdocs.yml."
)


def test_gate_refuses_unsigned_and_overdue_pages_one_line_each(project):
    result = release_check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert lines(result) == [
        "Release check of mkdocs.yml on 2026-11-25: 3 pages; the site is not a draft.",
        OVERDUE,
        SIGNED,
        UNSIGNED,
        "Not ready to publish: 2 item(s) above.",
    ]


def test_gate_passes_when_every_page_is_signed_and_in_date(project):
    (project.parent / "docs" / "unsigned.md").unlink()
    (project.parent / "docs" / "overdue.md").unlink()
    result = release_check(project)
    assert result.returncode == 0, result.stdout
    assert lines(result)[-1] == "Ready to publish."


# --- H1: a draft is deliberate, visible, and covers unsigned pages only ----------------------------


def test_h1_a_draft_lets_unsigned_pages_through_and_never_an_overdue_page_or_a_placeholder_address(project):
    result = release_check(project, DRAFT="true")
    assert result.returncode == 1
    assert OVERDUE in lines(result)
    assert "  draft      docs/unsigned.md: no clinical sign-off yet; shown under the draft banner." in lines(result)

    (project.parent / "docs" / "overdue.md").unlink()
    project.write_text(project.read_text().replace("team@pump-guide.test", "FEEDBACK@Example.ORG"))
    result = release_check(project, DRAFT="true")
    assert result.returncode == 1
    assert (
        "  NOT READY  mkdocs.yml: extra: feedback: FEEDBACK@Example.ORG is a placeholder. Set the team's real email "
        "address or issue tracker."
    ) in lines(result)

    project.write_text(project.read_text().replace("FEEDBACK@Example.ORG", "team@pump-guide.test"))
    result = release_check(project, DRAFT="true")
    assert result.returncode == 0, result.stdout
    assert lines(result)[-1].startswith("Ready to publish as a DRAFT (mkdocs.yml, extra: draft: true)")


def test_h1_the_old_repository_variable_opens_nothing(project):
    assert release_check(project, ALLOW_DRAFT="true").returncode == 1


def test_h1_draft_is_a_committed_setting_and_the_publish_workflow_reads_no_variable():
    assert "  draft: !ENV [DRAFT, true]" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    publish = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    assert "vars." not in publish and "ALLOW_DRAFT" not in publish and "DRAFT:" not in publish
    steps = yaml.safe_load(publish)["jobs"]["build"]["steps"]
    gate = next(step for step in steps if "make release-check" in step.get("run", ""))
    assert 'tee -a "$GITHUB_STEP_SUMMARY"' in gate["run"], "the gate's lines must reach the job summary"


def test_h1_every_page_shows_the_draft_banner(site):
    problems = []
    for page in content_pages(site):
        banners = main_content(page).select(".draft-banner")
        text = " ".join(banners[0].get_text().split()) if banners else ""
        if len(banners) != 1 or not text.startswith("This guide is a draft. A health professional has not checked it"):
            problems.append(f"{page.name}: {len(banners)} draft banner(s): {text!r}")
    assert not problems, "\n".join(problems)


def test_h1_the_urgent_help_page_keeps_its_emergency_card_before_the_banner(site):
    content = main_content(site / "get-help-urgently.html")
    card, banner = content.select_one(".admonition.emergency"), content.select_one(".draft-banner")
    assert card is not None and banner is not None
    assert card in banner.find_all_previous("div"), "the draft banner comes before the emergency card"


@pytest.mark.slow
def test_h1_a_site_that_is_not_a_draft_shows_no_banner(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFT", "false")
    result = build_site(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not [page.name for page in content_pages(tmp_path / "site") if read_page(page).select(".draft-banner")]


@pytest.mark.browser
def test_h1_the_draft_banner_is_printed(browser, server):
    from test_print import pdf_text, print_page

    pdf, _ = print_page(browser, server + "what-is-a-pump.html")
    assert "This guide is a draft." in pdf_text(pdf)


# --- M1: everything MkDocs would publish is checked ---------------------------------------------


def test_m1_gate_refuses_pages_and_files_the_checks_do_not_read(project):
    docs = project.parent / "docs"
    (docs / "leaflet.htm").write_text("<h1>Unsigned advice</h1>")
    (docs / "sneaky.markdown").write_text("---\ndescription: x\n---\n\n# Sneaky\n")
    (docs / "draft.docx").write_bytes(b"PK")
    result = release_check(project, DRAFT="true")
    assert result.returncode == 1
    assert [line for line in lines(result) if "MkDocs would" in line] == [
        "  NOT READY  docs/draft.docx: MkDocs would copy this file into the site as it is, unchecked. Only pages "
        "(.md), images, stylesheets and scripts belong in the docs folder: delete the file or move it out.",
        "  NOT READY  docs/leaflet.htm: MkDocs would copy this file into the site as it is, unchecked. Only pages "
        "(.md), images, stylesheets and scripts belong in the docs folder: delete the file or move it out.",
        "  NOT READY  docs/sneaky.markdown: MkDocs would publish this as a page, but the checks read only .md pages. "
        "Rename it to sneaky.md.",
    ]


def test_m1_editors_leftovers_are_never_published(tmp_path):
    project = copy_for_build(tmp_path / "project")
    leftovers = ["glossary.md~", "#glossary.md#", "glossary.md.orig", "about.md.bak", ".~lock.notes.odt#"]
    for name in leftovers:
        (project / "docs" / name).write_text("private notes")
    from checks.release import load_site

    _, files = load_site(project / "mkdocs.yml")
    assert not [file.src_uri for file in files if file.src_uri in leftovers]


# --- M2: every way out runs the gate ------------------------------------------------------------


@pytest.mark.tooling
def test_m2_make_dist_runs_the_release_check_first(tmp_path):
    from test_tooling import make_environment, project_copy

    project = project_copy(tmp_path / "project")
    result = subprocess.run(
        ["make", "--no-print-directory", "dist", f"DIST={tmp_path / 'out'}"], cwd=project, env=make_environment(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert result.returncode != 0, result.stdout
    assert "NOT READY  mkdocs.yml: site_url: https://example.org/insulin-pumps/ is a placeholder" in result.stdout
    assert not (tmp_path / "out").exists(), "make dist wrote a copy the release check refused"


CONTAINER_BUILD_STAGE = (ROOT / "deploy" / "Containerfile").read_text(encoding="utf-8").split("\nFROM ")[1]
DOCKERIGNORE = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()


def test_m2_the_container_runs_the_release_check_on_committed_files_only():
    gate, build = CONTAINER_BUILD_STAGE.find("python -m checks.release"), CONTAINER_BUILD_STAGE.find("mkdocs build")
    assert 0 < gate < build, "the container's build stage must run the release check before it builds"
    assert "ARG SITE_URL" in CONTAINER_BUILD_STAGE and "ARG DRAFT" in CONTAINER_BUILD_STAGE
    assert DOCKERIGNORE[DOCKERIGNORE.index("*")] == "*", ".dockerignore must start from nothing and name what is sent"
    assert {"**/*~", "**/#*#", "**/*.bak"} <= set(DOCKERIGNORE)


def container_stage_problems(build_stage: str, folder: Path) -> list[str]:
    """The container's build stage without a container engine: the files its COPY lines take (each one
    .dockerignore must send) copied into `folder`, then its release check and its build run there."""
    problems = []
    for line in build_stage.splitlines():
        if not line.startswith("COPY "):
            continue
        *sources, target = line.split()[1:]
        for source in sources:
            if f"!{source}" not in DOCKERIGNORE and f"!{source}/" not in DOCKERIGNORE:
                problems.append(f"deploy/Containerfile copies {source}, which .dockerignore does not send: add !{source}")
            destination = folder / target / Path(source).name if target.endswith("/") else folder / target
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, destination)
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(ROOT / source, destination)
    # The release check refuses this repository's placeholder addresses: it must run, not pass.
    check = subprocess.run(
        [sys.executable, "-m", "checks.release", "--config", "mkdocs.yml"], cwd=folder, capture_output=True, text=True
    )
    if "Traceback" in check.stderr:
        last_line = check.stderr.strip().splitlines()[-1]
        problems.append(f"the release check fails on the files deploy/Containerfile copies: {last_line}")
    build = build_site(folder, folder / "site")
    if build.returncode != 0:
        problems.append(f"the build fails on the files deploy/Containerfile copies: {build_problems(build)[0]}")
    return problems


@pytest.mark.slow
def test_m2_the_container_copies_all_its_release_check_and_build_need(tmp_path):
    problems = container_stage_problems(CONTAINER_BUILD_STAGE, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_m2_container_check_catches_a_forgotten_module_and_hook(tmp_path):
    forgetful = CONTAINER_BUILD_STAGE.replace(" checks/translation.py", "").replace("COPY hooks hooks\n", "")
    problems = container_stage_problems(forgetful, tmp_path)
    assert [problem.split(":")[0] for problem in problems] == [
        "the release check fails on the files deploy/Containerfile copies",
        "the build fails on the files deploy/Containerfile copies",
    ], problems


# --- M3: a sign-off means what it says ----------------------------------------------------------


def test_m3_sign_offs_are_plain_text_with_no_placeholders_or_repeated_fields():
    assert front_matter_problems(FIXTURES / "sign-offs" / "docs", datetime.date(2026, 11, 25)) == [
        "docs/duplicate-keys.md, line 9: the front matter has `clinical_signoff:` twice (also on line 4); YAML keeps "
        "only the last one. Keep one.",
        "docs/mis-indented.md, lines 5 to 7: `name:`, `role:`, `date:` belong to the sign-off: indent them under "
        "`clinical_signoff:` with two spaces, as in CONTRIBUTING.md (\"Add a page\").",
        "docs/name-as-a-list.md, line 5: `clinical_signoff: name:` must be plain words (the clinician's full name), not "
        "\"['Fictional', 'Example']\": YAML reads yes, no, lists and brackets as something else.",
        "docs/placeholders-none-dash.md, line 5: `clinical_signoff: name: None` is a placeholder, not a name. Leave it empty "
        "until a clinician signs the page.",
        "docs/placeholders-none-dash.md, line 6: `clinical_signoff: role: -` is a placeholder, not a role. Leave it empty "
        "until a clinician signs the page.",
        "docs/placeholders-tbd-na.md, line 5: `clinical_signoff: name: TBD` is a placeholder, not a name. Leave it empty "
        "until a clinician signs the page.",
        "docs/placeholders-tbd-na.md, line 6: `clinical_signoff: role: n/a` is a placeholder, not a role. Leave it empty "
        "until a clinician signs the page.",
        "docs/yaml-yes.md, line 5: `clinical_signoff: name:` must be plain words (the clinician's full name), not 'True': "
        "YAML reads yes, no, lists and brackets as something else.",
        "docs/yaml-yes.md, line 6: `clinical_signoff: role:` must be plain words (their professional role), not 'True': YAML "
        "reads yes, no, lists and brackets as something else.",
    ]


def test_m3_a_sign_off_slip_stops_the_gate_even_for_a_draft(project):
    shutil.copy(FIXTURES / "sign-offs" / "docs" / "yaml-yes.md", project.parent / "docs")
    result = release_check(project, DRAFT="true")
    assert result.returncode == 1
    assert lines(result)[0] == "Release check: fix these front matter mistakes first (they would show readers a wrong status):"


@pytest.mark.parametrize(
    "file, change, still_ready",
    [
        ("docs/signed.md", lambda text: text + "\nGive double the dose.\n", False),
        ("includes/references.md", lambda text: text.replace("*A source the signed page cites*", "*Another title*"), False),
        ("includes/disclaimer.md", lambda text: text.replace("does not replace", "replaces"), False),
        ("includes/references.md", lambda text: text.replace("*A source no page here cites*", "*Another title*"), True),
    ],
    ids=["page text", "a reference it cites", "the disclaimer", "a reference it does not use"],
)
def test_m3_a_page_changed_after_signing_is_not_ready(project, file, change, still_ready):
    path = project.parent / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    signed = [line for line in lines(release_check(project)) if "docs/signed.md" in line]
    if still_ready:
        assert signed == [SIGNED]
    else:
        assert len(signed) == 1 and signed[0].startswith(
            "  NOT READY  docs/signed.md: its text or an include it uses changed since it was signed (sha256 766d69b1f409"
        ), signed


def test_m3_a_sign_off_without_its_hash_is_not_ready(project):
    page = project.parent / "docs" / "signed.md"
    page.write_text(re.sub(r"  sha256: .*\n", "", page.read_text()))
    assert (
        "  NOT READY  docs/signed.md: the sign-off has no `sha256:` of what was signed: record it with `make sign`."
    ) in lines(release_check(project))


def test_m3_make_sign_records_who_when_and_what_was_signed(project):
    page = project.parent / "docs" / "unsigned.md"
    result = subprocess.run(
        ["make", "--no-print-directory", "sign", f"SIGN_CONFIG={project}", f"PAGE={page}", "NAME=Dr Fictional Example",
         "ROLE=diabetes specialist nurse", "DATE=2026-11-20"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    front_matter = page.read_text().split("---")[1]
    assert "  name: Dr Fictional Example\n  role: diabetes specialist nurse\n  date: 2026-11-20\n  sha256: " in front_matter
    assert (
        "  ready      docs/unsigned.md: signed by Dr Fictional Example (diabetes specialist nurse) on 2026-11-20; "
        "next review due 2027-01-10."
    ) in lines(release_check(project))


# --- M4: review dates are kept after publishing ---------------------------------------------------


def test_m4_a_weekly_workflow_runs_the_release_check():
    workflow = yaml.safe_load((WORKFLOWS / "review-dates.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"], "the review-dates workflow needs a schedule"  # YAML reads `on:` as True
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("make release-check" in run and "GITHUB_STEP_SUMMARY" in run for run in runs)


def test_m4_the_docs_cite_only_test_files_that_exist():
    for document in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / document).read_text(encoding="utf-8")
        missing = [name for name in re.findall(r"tests/test_\w+\.py", text) if not (ROOT / name).is_file()]
        assert not missing, f"{document} names test files that do not exist: {missing}"


@pytest.mark.browser
def test_m4_a_page_past_its_review_date_says_so(browser, status_site):
    from checks.browser import serving

    overdue = "Review overdue: this page was due to be reviewed by 1 March 2026."
    script = ROOT / "docs" / "javascripts" / "review-date.js"  # the fixture's mkdocs.yml names the real one
    with serving(status_site) as base:
        for scripts, page_name, shown in ((True, "overdue", True), (True, "signed", False), (False, "overdue", False)):
            context = browser.new_context(java_script_enabled=scripts)
            context.route("**/javascripts/review-date.js", lambda route: route.fulfill(path=script))
            page = context.new_page()
            page.goto(base + page_name + ".html")
            text = " ".join(page.locator(".page-status").inner_text().split())
            context.close()
            assert (overdue in text) is shown, f"{page_name}.html, scripts {'on' if scripts else 'off'}: {text!r}"
            if not scripts:
                assert "Next review due by 1 March 2026." in text, "without its script the page still gives the date"


from test_page_status import status_site  # noqa: E402,F401  (the page-status fixture, built once)


# --- M5: the CSP trusts only the theme's scripts, titles are escaped ------------------------------


def csp_hashes(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "csp_hashes.py"), *map(str, arguments)], capture_output=True, text=True
    )


def test_m5_csp_hashes_refuses_an_inline_script_that_is_not_the_themes(site, tmp_path):
    assert csp_hashes(site, tmp_path / "csp.conf").returncode == 0
    copy = shutil.copytree(site, tmp_path / "site")
    page = copy / "glossary.html"
    page.write_text(page.read_text().replace("</body>", "<script>alert('nav')</script></body>"))
    result = csp_hashes(copy, tmp_path / "csp.conf")
    assert result.returncode == 1
    assert result.stdout.startswith("glossary.html: an inline script that is not the theme's or the site's own: 'alert('nav')'.")


@pytest.mark.slow
def test_m5_titles_are_escaped_and_the_mail_subject_is_one_line(tmp_path):
    project = copy_for_build(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Glossary: glossary.md", "  - \"Glossary <script>alert('nav')</script>\": glossary.md"))
    config.write_text(config.read_text().replace(
        "  - Questions this guide does not cover: not-covered.md", '  - "Sport & travel\\nsecond line": not-covered.md'
    ))
    assert build_site(project, project / "site").returncode == 0
    contents = read_page(project / "site" / "print.html").select_one(".print-guide__contents")
    assert "Glossary <script>alert('nav')</script>" in contents.get_text() and not contents.select("script")
    link = read_page(project / "site" / "not-covered.html").select_one(".page-feedback a")["href"]
    subject = parse_qs(urlsplit(link).query)["subject"][0]
    assert subject == "Feedback on: Sport & travel second line", subject
    # Material's own menu still writes the title as HTML: the CSP script refuses to trust it.
    assert csp_hashes(project / "site", tmp_path / "csp.conf").returncode == 1


def test_m5_every_page_names_its_referrer_policy(site):
    assert not [page.name for page in content_pages(site) if not read_page(page).select('meta[name="referrer"][content="no-referrer"]')]


@pytest.mark.browser
def test_m5_github_pages_gets_the_csp_as_a_meta_tag(browser, site, tmp_path):
    from checks.browser import serving
    from test_hosting import browser_problems

    copy = shutil.copytree(site, tmp_path / "pages")
    assert csp_hashes("--meta", copy).returncode == 0
    meta = read_page(copy / "index.html").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None and "'unsafe-inline'" not in meta["content"] and "default-src 'none'" in meta["content"]
    probe = copy / "csp-probe.html"
    probe.write_text((copy / "index.html").read_text().replace("</body>", "<script>document.title='x'</script></body>"))
    with serving(copy) as base:
        assert browser_problems(browser, base, ["index.html", "glossary.html", "is-a-pump-right-for-me.html"]) == []
        assert [p for p in browser_problems(browser, base, [probe.name]) if "script-src" in p]


def test_m5_nginx_holds_many_connections_and_drops_slow_ones():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert int(re.search(r"worker_connections (\d+);", conf)[1]) >= 4096
    assert re.search(r"client_header_timeout 10s;", conf) and re.search(r"keepalive_timeout 15s;", conf)


def test_m5_every_publishing_job_has_a_time_limit():
    for workflow in WORKFLOWS.glob("*.yml"):
        for name, job in yaml.safe_load(workflow.read_text())["jobs"].items():
            assert job.get("timeout-minutes"), f"{workflow.name}: job {name} has no timeout-minutes"


def test_m5_a_build_never_empties_a_folder_of_kept_files(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("kept")
    subprocess.run(["git", "add", "overrides"], cwd=tmp_path, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "checks.build", "overrides"], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stdout.startswith("overrides holds files git keeps (overrides/main.html)")
    assert (tmp_path / "overrides" / "main.html").read_text() == "kept"


# --- M7: the site's address is never a placeholder -------------------------------------------------


@pytest.mark.parametrize("address", ["https://example.org/insulin-pumps/", "https://www.example.com/", "https://guide.invalid/"])
def test_m7_gate_refuses_a_placeholder_site_address(project, address):
    assert (
        f"  NOT READY  mkdocs.yml: site_url: {address} is a placeholder, and would be printed in every canonical "
        "link, the sitemap and the decision-aid summary. Give the address readers will use: "
        "SITE_URL=https://.../insulin-pumps/ before the command."
    ) in lines(release_check(project, SITE_URL=address))


def test_m7_the_address_reaches_the_offline_copy_and_the_container():
    steps = yaml.safe_load((WORKFLOWS / "publish.yml").read_text())["jobs"]["build"]["steps"]
    for command in ("make release-check", "make pages", "make dist"):
        step = next(step for step in steps if command in step.get("run", ""))
        assert "SITE_URL" in step.get("env", {}), f"publish.yml: `{command}` runs without SITE_URL"
    assert "ARG SITE_URL" in (ROOT / "deploy" / "Containerfile").read_text()


def test_m7_the_offline_copy_names_the_address_it_was_given(offline_copy):
    """`make offline-copy SITE_URL=...` (conftest.py, offline_zip) names that address as each page's own."""
    canonical = read_page(offline_copy / "is-a-pump-right-for-me.html").select_one('link[rel="canonical"]')
    assert unquote(canonical["href"]) == f"{OFFLINE_COPY_ADDRESS}is-a-pump-right-for-me.html"
