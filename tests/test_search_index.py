"""Search index: the built-in search knows each section and each glossary term on its own."""

import json

from checks.sitecheck import glossary_entries


def search_index(site) -> dict[str, dict]:
    """Each searchable section's location (page.html#id) -> its entry."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: doc for doc in docs}


def test_dawn_phenomenon_has_its_own_search_entries(site):
    index = search_index(site)
    for location in ("glossary.html#dawn-phenomenon", "who-can-use-a-pump.html#dawn-phenomenon"):
        assert location in index, f"The search index has no entry for {location}. Is the heading still there?"
        assert "dawn phenomenon" in index[location]["title"].lower()
        assert "early morning" in index[location]["text"], f"{location} must explain the term in plain words"


def test_every_glossary_term_has_its_own_search_entry(site):
    index = search_index(site)
    missing = [
        f"'{term}' (glossary.html#{entry_id})"
        for entry_id, (term, _) in glossary_entries(site / "glossary.html").items()
        if f"glossary.html#{entry_id}" not in index or term not in index[f"glossary.html#{entry_id}"]["title"]
    ]
    assert not missing, f"These glossary terms are not in the search index as their own entries: {missing}"
