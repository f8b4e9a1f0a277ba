"""Links: every link, image and file on the site leads somewhere real."""

import pytest

from checks.build import build_site, copy_for_build
from checks.sitecheck import bad_external_links, broken_links, external_links, script_links


def test_every_internal_link_image_and_asset_resolves(site):
    problems = broken_links(site)
    assert not problems, "Broken links:\n" + "\n".join(problems)


def test_links_to_other_websites_are_well_formed_https(site):
    problems = bad_external_links(site)
    assert not problems, "\n".join(problems)


def test_no_link_is_a_script_that_search_engines_cannot_follow(site):
    problems = script_links(site)
    assert not problems, "\n".join(problems)


def test_script_link_check_catches_a_javascript_address(tmp_path):
    (tmp_path / "index.html").write_text('<a href="JavaScript: void(0)" title="Share">x</a><a href="?q=">y</a>')
    assert script_links(tmp_path) == [
        "index.html: the link 'Share' has a javascript: address, which search engines cannot follow "
        "(Lighthouse SEO): give it a real address (the header's parts are in overrides/partials/)."
    ]


def test_external_links_are_listed_for_review(site):
    links = external_links(site)
    print(f"\n{len(links)} links to other websites (listed, not fetched):")
    for url, pages in sorted(links.items()):
        print(f"  {url}  <- {', '.join(sorted(pages))}")
    assert links, "No sources are linked. Pages must name the public sources of facts not in the source text."


def test_link_checker_catches_a_dead_link_a_missing_anchor_and_a_link_to_the_same_page(broken_site):
    problems = "\n".join(broken_links(broken_site))
    assert "docs/index.md: a href='no-such-page.md' (link text 'dead link')" in problems
    assert "points to a file that does not exist" in problems
    assert "there is no heading or anchor '#no-such-heading' on bad-headings.html" in problems
    assert "docs/index.md: a href='index.html' (link text 'link to this page') leads back to the page it is on" in problems


def test_external_link_checker_catches_a_plain_http_link(broken_site):
    assert bad_external_links(broken_site) == [
        "docs/index.md: link 'http://example.org/page' is not a well-formed https:// address."
    ]


@pytest.mark.slow  # builds a site of its own: in make test, not in the quick make check
def test_strict_build_fails_on_a_link_to_a_missing_section(tmp_path):
    """MkDocs' own validation is switched on: a bad #anchor stops the build and names the file."""
    project = copy_for_build(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + "\n[Broken](glossary.md#no-such-term)\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "A link to a missing #anchor did not fail the strict build"
    assert "index.md" in result.stderr and "no-such-term" in result.stderr
