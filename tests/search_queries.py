"""Searches a patient might type, and the section each one should find.

Each query lists the page sections (page.html#heading-id) that answer it; the first of them
is the best answer, and any of them counts as found. The browser tests type every query into the
site's real search box. Mix the reader's own words with clinical words, abbreviations, plural
and singular, and UK and US spellings.
"""

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    answers: tuple[str, ...]


DAWN = ("glossary.html#dawn-phenomenon", "who-can-use-a-pump.html#dawn-phenomenon")
HYPO = ("glossary.html#hypoglycaemia", "who-can-use-a-pump.html#hypos", "get-help-urgently.html#hypo")
NIGHT_HYPO = ("who-can-use-a-pump.html#hypos", "glossary.html#night-time-hypoglycaemia")
UNAWARE = ("who-can-use-a-pump.html#hypos", "glossary.html#hypo-unawareness")
PREGNANCY = ("who-can-use-a-pump.html#pregnancy", "glossary.html#gestational-diabetes")
SURGERY = ("who-can-use-a-pump.html#surgery", "glossary.html#perioperative")
STOMACH = ("who-can-use-a-pump.html#gastroparesis", "glossary.html#gastroparesis")
CSII = ("glossary.html#csii", "what-is-a-pump.html#medical-name")
TUBE = ("what-is-a-pump.html#tube-and-needle", "glossary.html#cannula", "glossary.html#infusion-set")
BACKGROUND = ("what-is-a-pump.html#basal", "glossary.html#basal-insulin")
MEAL_DOSE = ("what-is-a-pump.html#bolus", "glossary.html#bolus")
TYPE_1 = ("who-can-use-a-pump.html#type-1", "glossary.html#type-1-diabetes")
DKA = ("get-help-urgently.html#dka", "glossary.html#dka", "before-you-choose.html#if-insulin-stops")
KETONES = ("get-help-urgently.html#ketones", "glossary.html#ketones")
PUMP_STOPS = ("get-help-urgently.html#pump-not-working", "before-you-choose.html#if-insulin-stops", "not-covered.html#alarms")
SICK_DAYS = ("get-help-urgently.html#sick-days",)
CLOSED_LOOP = (
    "what-is-a-pump.html#sensors-and-closed-loop",
    "glossary.html#hybrid-closed-loop",
    "who-can-use-a-pump.html#closed-loop",
    "not-covered.html#sensors",
)
INJECTIONS = ("who-can-use-a-pump.html#fewer-injections", "who-can-use-a-pump.html#injections-not-working", "glossary.html#mdi")

QUERIES = [
    # Clinical words
    Query("dawn phenomenon", DAWN),
    Query("gastroparesis", STOMACH),
    Query("perioperative", SURGERY),
    Query("gestational diabetes", PREGNANCY),
    Query("hypoglycaemia", HYPO),
    Query("hypoglycemia", HYPO),
    Query("nocturnal hypoglycaemia", NIGHT_HYPO),
    Query("hypo unawareness", UNAWARE),
    Query("severe hypoglycaemia", ("who-can-use-a-pump.html#hypos", "glossary.html#severe-hypoglycaemia")),
    Query("stress state", ("who-can-use-a-pump.html#stress", "glossary.html#stress-state")),
    Query("intensive insulin therapy", ("who-can-use-a-pump.html#newly-diagnosed-type-2", "glossary.html#intensive-insulin-therapy")),
    Query("basal insulin", BACKGROUND),
    Query("bolus", MEAL_DOSE),
    Query("cannula", TUBE),
    Query("infusion set", TUBE),
    Query("reservoir", ("what-is-a-pump.html#parts", "glossary.html#reservoir")),
    Query("diabetic ketoacidosis", DKA),
    Query("artificial pancreas", ("what-is-a-pump.html#artificial-pancreas", "glossary.html#pancreas")),
    Query("continuous subcutaneous insulin infusion", CSII),
    # Abbreviations
    Query("CSII", CSII),
    Query("MDI", INJECTIONS),
    Query("T1D", TYPE_1),
    Query("DKA", DKA),
    Query("HbA1c", ("glossary.html#hba1c", "who-can-use-a-pump.html#closed-loop")),
    Query("CGM", ("glossary.html#cgm", "what-is-a-pump.html#sensors-and-closed-loop")),
    Query("hypo", HYPO),
    Query("hypos", HYPO),
    # The reader's own words
    Query("high blood sugar in the morning", DAWN),
    Query("sugar high when I wake up", DAWN),
    Query("low blood sugar at night", NIGHT_HYPO),
    Query("low sugar while asleep", NIGHT_HYPO),
    Query("can't feel my hypos", UNAWARE),
    Query("pregnant", PREGNANCY),
    Query("pregnancy", PREGNANCY),
    Query("planning a baby", PREGNANCY),
    Query("operation", SURGERY),
    Query("surgery", SURGERY),
    Query("needle", TUBE),
    Query("tube", TUBE),
    Query("sick of injections", INJECTIONS),
    Query("fewer injections", INJECTIONS),
    Query("slow stomach", STOMACH),
    Query("meals take a long time", STOMACH),
    Query("shift work", ("who-can-use-a-pump.html#irregular-routine",)),
    Query("background insulin", BACKGROUND),
    Query("mealtime dose", MEAL_DOSE),
    Query("type 1 diabetes", TYPE_1),
    Query("newly diagnosed type 2", ("who-can-use-a-pump.html#newly-diagnosed-type-2",)),
    Query("what if the pump stops", ("before-you-choose.html#if-insulin-stops",) + PUMP_STOPS),
    Query("back-up insulin", ("before-you-choose.html#back-up-insulin",)),
    Query("training", ("before-you-choose.html#training",)),
    # Questions the guide does not answer: an honest "not covered here" section
    Query("pump cost", ("not-covered.html#cost",)),
    Query("who pays for a pump", ("not-covered.html#cost",)),
    Query("swimming with a pump", ("not-covered.html#sport-and-travel",)),
    Query("travel", ("not-covered.html#sport-and-travel",)),
    Query("pump alarm", ("not-covered.html#alarms",)),
    Query("which pump brand", ("not-covered.html#brands",)),
    Query("closed loop", CLOSED_LOOP),
    Query("hybrid closed loop", ("glossary.html#hybrid-closed-loop",) + CLOSED_LOOP),
    Query("CGM sensor", CLOSED_LOOP + ("glossary.html#cgm",)),
    Query("who can get a closed loop system", ("who-can-use-a-pump.html#closed-loop",) + CLOSED_LOOP),
    # Urgent help: a reader in trouble must land on what to do
    Query("ketones", KETONES),
    Query("ketone levels", KETONES),
    Query("being sick", SICK_DAYS),
    Query("sick day rules", SICK_DAYS),
    Query("hypo what to do", ("get-help-urgently.html#hypo",)),
    Query("severe hypo unconscious", ("get-help-urgently.html#severe-hypo",)),
    Query("pump not working", PUMP_STOPS),
    Query("emergency", ("get-help-urgently.html",)),
]
