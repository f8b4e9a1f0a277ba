"""Form controls (tick boxes, choices, text boxes) must each say what they are for.

A screen reader announces a control by its label; without one, a reader hears only "tick box".
A control is labelled when it sits inside a <label>, or a <label for="its id"> names it, or it
has aria-label / aria-labelledby, and the label has words. A group of choices (radio buttons)
also needs a <fieldset> with a <legend> that says what is being chosen.
"""

from pathlib import Path

from checks.sitecheck import content_pages, main_content, source_name

NOT_LABELLED_TYPES = {"hidden", "submit", "reset", "button", "image"}  # these show their own words or nothing


def label_words(control) -> str:
    """The words of the control's label, '' when it has none."""
    page = list(control.parents)[-1]  # the whole page: a label or a name may sit outside the article
    if control.get("aria-label", "").strip():
        return control["aria-label"].strip()
    if control.get("aria-labelledby"):
        named = [page.find(id=name) for name in control["aria-labelledby"].split()]
        return " ".join(element.get_text(" ", strip=True) for element in named if element is not None)
    wrapping = control.find_parent("label")
    if wrapping is not None:
        return wrapping.get_text(" ", strip=True)
    if control.get("id"):
        pointing = page.find("label", attrs={"for": control["id"]})
        if pointing is not None:
            return pointing.get_text(" ", strip=True)
    return ""


def describe(control) -> str:
    kind = control.get("type", "text") if control.name == "input" else control.name
    name = control.get("name") or control.get("id") or "without a name"
    value = f", value {control['value']!r}" if control.get("value") else ""
    return f"<{control.name}> {kind} {name!r}{value}"


def unlabelled_form_controls(site: Path) -> list[str]:
    problems = []
    for page in content_pages(site):
        article = main_content(page)
        if article is None:
            continue
        for control in article.find_all(["input", "select", "textarea"]):
            if control.name == "input" and control.get("type", "text") in NOT_LABELLED_TYPES:
                continue
            where = f"{source_name(site, page)}: the form control {describe(control)}"
            if not label_words(control):
                problems.append(
                    f"{where} has no label. Put it inside <label> ... </label> together with the words "
                    "that say what it is, for example <label><input type=\"checkbox\"> I have type 1 diabetes</label>."
                )
            if control.get("type") == "radio":
                group = control.find_parent("fieldset")
                legend = group.find("legend") if group is not None else None
                if legend is None or not legend.get_text(strip=True):
                    problems.append(
                        f"{where} is a choice in a group, but the group has no <fieldset> with a <legend>. "
                        "Put the choices inside <fieldset><legend>the question</legend> ... </fieldset>."
                    )
    return problems
