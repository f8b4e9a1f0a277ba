"""Every point of the source text, in our own words, with where it lives in the guide.

The source text is not kept in this repository; this list is the record of what it says.
For each point: the page and section (page.md#section-id) that must carry it, and words that
must appear in that section (any letter case). If you reword a page, keep these words or
update them here, so that no point of the source is lost.
"""

from typing import NamedTuple


class SourcePoint(NamedTuple):
    point: str
    section: str
    must_say: tuple[str, ...]


SOURCE_POINTS = [
    # What an insulin pump is
    SourcePoint("A pump is a small computerised device that gives insulin", "what-is-a-pump.md#what-is-an-insulin-pump",
                ("small device that gives you insulin", "computer", "battery")),
    SourcePoint("Its parts: the case, the insulin reservoir, a small battery-driven pump and a computer chip",
                "what-is-a-pump.md#parts", ("case", "reservoir", "battery-driven pump", "computer chip")),
    SourcePoint("The chip lets the patient control the insulin dose accurately", "what-is-a-pump.md#parts",
                ("set how much insulin", "control your dose")),
    SourcePoint("Insulin flows through a thin, soft plastic tube to a small needle", "what-is-a-pump.md#tube-and-needle",
                ("thin, soft plastic tube", "small needle")),
    SourcePoint("The small needle goes under the skin", "what-is-a-pump.md#tube-and-needle", ("under your skin",)),
    SourcePoint("A small basal amount of insulin is given all the time, 24 hours a day", "what-is-a-pump.md#basal",
                ("small amount of insulin all the time", "24 hours a day", "basal insulin")),
    SourcePoint("A larger dose is given at meals, before eating", "what-is-a-pump.md#bolus",
                ("larger dose", "before your meal", "bolus")),
    SourcePoint("Together these keep blood sugar steadier, without big swings up and down",
                "what-is-a-pump.md#steadier-blood-sugar", ("steady", "swinging a lot, up and down")),
    SourcePoint("The pump works like a simple artificial pancreas", "what-is-a-pump.md#artificial-pancreas",
                ('simple "artificial pancreas"',)),
    SourcePoint("Its medical name is continuous subcutaneous insulin infusion (CSII)", "what-is-a-pump.md#medical-name",
                ("continuous subcutaneous insulin infusion", "CSII")),
    # Short-term pump therapy
    SourcePoint("Some patients need short-term pump therapy", "who-can-use-a-pump.md#short-term",
                ("short-term", "four groups")),
    SourcePoint("Type 2 diabetes, newly diagnosed or not, needing short-term intensive insulin therapy",
                "who-can-use-a-pump.md#newly-diagnosed-type-2",
                ("just found out", "had it for a while", "short course", "intensive insulin therapy")),
    SourcePoint("Type 2 diabetes in a stress state", "who-can-use-a-pump.md#stress", ("type 2 diabetes", "stress state")),
    SourcePoint("Gestational diabetes", "who-can-use-a-pump.md#pregnancy", ("gestational diabetes",)),
    SourcePoint("Diabetes that was there before pregnancy", "who-can-use-a-pump.md#pregnancy",
                ("already had diabetes before they became pregnant",)),
    SourcePoint("Women with diabetes preparing for pregnancy", "who-can-use-a-pump.md#pregnancy",
                ("planning a pregnancy",)),
    SourcePoint("Blood sugar control around an operation (perioperative)", "who-can-use-a-pump.md#surgery",
                ("operation", "perioperative", "before, during and after")),
    # Long-term pump therapy
    SourcePoint("Anyone who needs long-term insulin can use a pump; some groups benefit more",
                "who-can-use-a-pump.md#long-term", ("insulin for the long term may be able to use a pump", "gain more")),
    SourcePoint("Type 1 diabetes", "who-can-use-a-pump.md#type-1", ("type 1 diabetes",)),
    SourcePoint("Type 2 diabetes needing long-term insulin", "who-can-use-a-pump.md#type-2-long-term",
                ("type 2 diabetes who need insulin for the long term",)),
    SourcePoint("... especially with large swings in blood sugar", "who-can-use-a-pump.md#big-swings",
                ("swings a lot",)),
    SourcePoint("... or blood sugar not steady despite multiple daily injections",
                "who-can-use-a-pump.md#injections-not-working", ("multiple daily injections", "does not stay steady")),
    SourcePoint("... or a strong dawn phenomenon that spoils overall control", "who-can-use-a-pump.md#dawn-phenomenon",
                ("dawn phenomenon", "early morning", "hard to control overall")),
    SourcePoint("... or hypoglycaemia, especially at night, unnoticed or severe", "who-can-use-a-pump.md#hypos",
                ("hypoglycaemia", "night-time hypos", "hypos you do not notice", "severe hypos")),
    SourcePoint("... or irregular work and rest, or meals not on time", "who-can-use-a-pump.md#irregular-routine",
                ("hours of work and sleep", "cannot eat your meals at set times")),
    SourcePoint("... or not wanting daily injections, wanting a better quality of life",
                "who-can-use-a-pump.md#fewer-injections", ("injections every day", "better quality of life")),
    SourcePoint("... or gastroparesis, or meals that take a long time", "who-can-use-a-pump.md#gastroparesis",
                ("gastroparesis", "long time to eat a meal")),
    SourcePoint("Other types of diabetes needing long-term insulin replacement", "who-can-use-a-pump.md#other-types",
                ("less common types of diabetes", "replace their insulin for the long term")),
]
