"""Images: each picture in a page has alt text that says what it shows, or is marked decorative."""

from checks.images import image_alt_problems


def test_every_image_has_alt_text_or_is_marked_decorative(site):
    problems = image_alt_problems(site)
    assert not problems, "\n".join(problems)


def test_image_check_catches_missing_alt_a_file_name_as_alt_and_a_decorative_image_with_words(broken_site):
    assert image_alt_problems(broken_site) == [
        "docs/hard-reading.md: the image 'pump.svg' has no alt text. Describe what it shows in the square "
        "brackets: ![What the picture shows](pump.svg). If it is only decoration, mark it: ![](pump.svg){ .decorative }",
        "docs/hard-reading.md: the image 'pump.svg' has alt text 'pump.svg', which says nothing about it. Describe "
        "what it shows in the square brackets: ![What the picture shows](pump.svg). If it is only decoration, mark "
        "it: ![](pump.svg){ .decorative }",
        "docs/hard-reading.md: the image 'pump.svg' is marked { .decorative } but has alt text 'A blue shape'. If "
        "the words say something the reader needs, remove { .decorative }; if not, empty the [square brackets].",
    ]
