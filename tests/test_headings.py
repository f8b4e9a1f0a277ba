"""Headings and navigation: every page has a clear outline and can be reached from the menu."""

from checks.sitecheck import heading_problems, pages_not_in_navigation


def test_each_page_has_one_title_no_skipped_levels_unique_ids_and_no_empty_headings(site):
    problems = heading_problems(site)
    assert not problems, "Heading problems:\n" + "\n".join(problems)


def test_every_page_is_in_the_navigation(site):
    problems = pages_not_in_navigation(site)
    assert not problems, "\n".join(problems)


def test_heading_checker_catches_two_titles_and_a_skipped_level(broken_site):
    problems = "\n".join(heading_problems(broken_site))
    assert "docs/bad-headings.md: has 2 top-level headings (# ...): 'First title', 'Second title'" in problems
    assert "heading 'Skipped straight to level four' is h4 straight after h1, skipping a level" in problems


def test_navigation_checker_catches_an_orphan_page(broken_site):
    assert pages_not_in_navigation(broken_site) == [
        "docs/orphan.md is not in the navigation. Add it under nav: in mkdocs.yml, or delete it."
    ]
