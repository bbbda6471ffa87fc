"""The heuristics of incident matching as data: which event types may describe one incident, how far apart in
space and time two reports of one incident may be, how the evidence is weighed, and the merge threshold."""

from __future__ import annotations

from frontlines.model import DatePrecision

# Sub-event types of different ACLED event types that reporters use for one incident, with the largest date gap
# (days) at which the pair still matches. Unordered pairs.
COMPATIBLE_SUB_EVENTS: dict[frozenset[str], int] = {
    # A raid on a village is a clash to one outlet and an attack on civilians to another: same day only.
    frozenset({"Armed clash", "Attack"}): 0,
    # Clashes fought with artillery are written up as shelling.
    frozenset({"Armed clash", "Shelling/artillery/missile attack"}): 0,
    # Territory taken by fighting is often first reported as a clash.
    frozenset({"Armed clash", "Government regains territory"}): 1,
    frozenset({"Armed clash", "Non-state actor overtakes territory"}): 1,
    frozenset({"Government regains territory", "Non-violent transfer of territory"}): 1,
    frozenset({"Non-state actor overtakes territory", "Non-violent transfer of territory"}): 1,
    # A bombing: suicide attack or remotely detonated device is often unclear in the first reports.
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED"}): 1,
    # A strike on a village reported as an attack on its people.
    frozenset({"Air/drone strike", "Attack"}): 0,
    frozenset({"Shelling/artillery/missile attack", "Attack"}): 0,
    # One demonstration seen as a riot by one outlet and as a protest met with force by another.
    frozenset({"Violent demonstration", "Protest with intervention"}): 0,
    frozenset({"Violent demonstration", "Excessive force against protesters"}): 0,
    frozenset({"Peaceful protest", "Protest with intervention"}): 0,
    frozenset({"Mob violence", "Attack"}): 0,
}

# Sub-event types of different event types (the cross-type pairs above) are a stretch: they also need the same
# gazetteer place (when both reports have one).
CROSS_TYPE_SAME_PLACE = True
# Event types whose sub-event types name different weapons or acts (a drone strike is not a missile strike, an
# abduction is not a killing): their sub-types match only when equal or listed above. In the other event types
# (battles, protests, riots) outlets label one incident with different sub-types of the type.
STRICT_SUBTYPE_EVENT_TYPES = frozenset(
    {"Explosions/Remote violence", "Violence against civilians", "Strategic developments"}
)

# How specific a sub-event type is, for choosing an incident's type on a tie (higher wins).
GENERAL_SUB_EVENTS = {"Armed clash": 1, "Attack": 1, "Other": 0, "Peaceful protest": 1, "Violent demonstration": 1}
DEFAULT_SPECIFICITY = 2

# The largest distance (km) between two reports' places, by the coarser of their geo precisions
# (1 the town is known, 2 near a town / a district, 3 only the region).
MAX_DISTANCE_KM = {1: 25.0, 2: 40.0, 3: 150.0}
# A coarse place (near a town, a district) counts for at most this much, less with distance.
PLACE_NEAR_SCALE = 0.8
# A region-level place (precision 3) against a place in the same admin1 region: the region's centroid says
# nothing about distance, so the shared region is the evidence.
PLACE_SAME_REGION = 0.6
# Two precise places with different gazetteer ids name different towns: they match only this close, and the
# place evidence counts for less (reporters sometimes name the next village for one incident).
DIFFERENT_TOWN_SCALE = 0.5
# ... and only when the actors agree this well (both sides named and the same; victims alone do not tie them).
DIFFERENT_TOWN_MIN_ACTORS = 0.8

# Days of slack added to each side's date range, by its precision: a day-precise report may be a day off.
DATE_SLACK_DAYS = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2, DatePrecision.MONTH: 3, DatePrecision.YEAR: 7}
# Reports dated only to a month or year (summaries: "fighting in February killed dozens") never join a report of
# one day or week: they would pour a period's toll into one incident. They match each other.
SUMMARY_PRECISIONS = frozenset({DatePrecision.MONTH, DatePrecision.YEAR})
# A date that fell back to the publication date (no span) may be this many days late.
FALLBACK_LOOKBACK_DAYS = 2

# Weights of the four pieces of evidence in a match score (they sum to 1).
WEIGHT_TYPE = 0.2
WEIGHT_PLACE = 0.3
WEIGHT_DATE = 0.2
WEIGHT_ACTORS = 0.3

# Evidence values in [0, 1].
TYPE_SAME_SUB = 1.0
TYPE_SAME_TYPE = 0.7
TYPE_COMPATIBLE = 0.6
DATE_SAME_DAY = 1.0
DATE_OVERLAP_COARSE = 0.8  # ranges overlap but one is a week or month
DATE_WITHIN_SLACK = 0.3
# Neither report dated the event (both fell back to publication dates): weak evidence, weaker when they were not
# published on the same day. In a city bombed daily, two undated headlines are rarely one strike.
DATE_BOTH_FALLBACK_SAME_DAY = 0.4
DATE_BOTH_FALLBACK = 0.2
PLACE_UNKNOWN = 0.3  # one report has no place
ACTOR_SAME = 1.0  # the same or a parent/child actor
ACTOR_COMPATIBLE = 0.5  # a generic actor of a compatible kind, state forces of one country, a close spelling
ACTOR_GENERIC = 0.5  # the same generic actor ("gunmen" in both): weak, every attack has gunmen
ACTOR_UNKNOWN = 0.4  # one side unknown, or an unresolved name

# Two reports are one incident when their score reaches this (and no rule vetoes the pair).
MATCH_THRESHOLD = 0.72
# Two unresolved names this alike (difflib ratio) are one actor spelled two ways.
NAME_SIMILARITY = 0.75
# Extra score when the candidate incident already holds a near copy of the new report's document.
DUPLICATE_BONUS = 0.15
DATE_UNKNOWN = 0.3  # one report has no date at all

# Actor kinds that may stand for one party in different reports: a generic actor matches a named one of its group;
# named state forces of one country match each other (army and police are often confused). Kinds not listed
# (other, unknown) match anything. Civilians are "soft": outlets disagree on who the victims were, never a conflict.
KIND_GROUP = {
    "state_forces": "state",
    "external_forces": "state",
    "government": "state",
    "rebel_group": "armed",
    "political_militia": "armed",
    "identity_militia": "armed",
    "protesters": "crowd",
    "rioters": "crowd",
    "civilians": "civilians",
}
SOFT_GROUPS = frozenset({"civilians"})
