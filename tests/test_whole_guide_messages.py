"""Messages about the whole-guide page (print.md, built from every other page) name the page to fix.

docs/print.md holds only an introduction: a mistake shown on the whole-guide page is in one of the
pages it gathers. The fixture site has a whole-guide page built with the site's own template.
"""

from checks.images import image_alt_problems
from checks.passages import passage_problems
from checks.sitecheck import bad_external_links, broken_links, heading_problems, unlinked_terms


def test_no_message_names_the_whole_guide_page(broken_site):
    assert (broken_site / "print.html").read_text(encoding="utf-8").count("print-guide__page") > 1
    checks = [broken_links, bad_external_links, heading_problems, unlinked_terms, image_alt_problems, passage_problems]
    messages = [message for check in checks for message in check(broken_site)]
    assert messages and not [message for message in messages if "print.md" in message], messages


def test_a_broken_link_shown_in_the_whole_guide_names_its_own_page(broken_site):
    assert (
        "docs/index.md (as shown in the whole guide): a href='no-such-page.md' (link text 'dead link') points "
        "to a file that does not exist. Check the file name."
    ) in broken_links(broken_site)
