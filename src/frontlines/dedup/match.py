"""Whether two event reports describe one incident: four pieces of evidence (type, place, date, actors), each a
value in [0, 1] or a veto, weighed into a score compared with :data:`rules.MATCH_THRESHOLD`.

- type: the same sub-event type, the same ACLED event type (except where sub-types name different weapons or
  acts, :data:`rules.STRICT_SUBTYPE_EVENT_TYPES`), or sub-event types listed in
  :data:`rules.COMPATIBLE_SUB_EVENTS` (which also caps their date gap, e.g. Armed clash vs Attack only on the
  same day);
- place: haversine distance within :data:`rules.MAX_DISTANCE_KM` of the coarser geo precision; the same country;
  two different precise towns only when both sides' actors agree; a region-level place by its admin1 region;
  reports of different event types only at the same gazetteer place;
- date: the ranges (widened by a precision-dependent slack) overlap; a date that fell back to the publication
  date may be a few days late; month- or year-precision summaries never join day- or week-precision reports;
- actors: per side the same id, parent/child, a generic actor of a compatible kind, or unknown; two different named
  actors on one side veto. Sides may be swapped between reports ("army clashed with IS" / "IS attacked the army").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher

from frontlines.dedup import rules
from frontlines.geometry import haversine_km
from frontlines.model import Actor, DatePrecision, DateRange, Event, PlaceMention

GENERIC_PREFIX = "generic:"
UNRESOLVED_PREFIX = "unresolved:"
_NAME_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on a pair of reports: the weighted score, the veto that ruled the pair out ("" for none), the
    evidence values and whether the second report's actor sides are the first's swapped."""

    score: float
    veto: str = ""
    type_value: float = 0.0
    place_value: float = 0.0
    date_value: float = 0.0
    actor_value: float = 0.0
    swapped: bool = False

    @property
    def matched(self) -> bool:
        return not self.veto and self.score >= rules.MATCH_THRESHOLD


@dataclass(frozen=True, slots=True)
class Dated:
    """A report's effective date range: its own date, widened back when it fell back to the publication date."""

    start: date
    end: date
    precision: DatePrecision
    exact: bool  # read from the text (not a publication-date fallback)


# --- type ---------------------------------------------------------------------------------------------------------


def type_evidence(a: Event, b: Event) -> tuple[float, int | None] | None:
    """(value, largest allowed date gap or None for no extra cap), or None when the types cannot be one incident."""
    if a.sub_event_type == b.sub_event_type:
        return rules.TYPE_SAME_SUB, None
    cap = rules.COMPATIBLE_SUB_EVENTS.get(frozenset({a.sub_event_type, b.sub_event_type}))
    if cap is None and a.event_type == b.event_type and a.event_type not in rules.STRICT_SUBTYPE_EVENT_TYPES:
        return rules.TYPE_SAME_TYPE, None
    if cap is not None:
        return rules.TYPE_COMPATIBLE, cap
    return None


# --- place --------------------------------------------------------------------------------------------------------


def place_evidence(a: PlaceMention | None, b: PlaceMention | None) -> float | None:
    """How well two places agree, or None when they are too far apart or in different countries."""
    if a is None or b is None:
        return rules.PLACE_UNKNOWN
    pa, pb = a.place, b.place
    if pa.geonameid and pa.geonameid == pb.geonameid:
        return 1.0
    if pa.country and pb.country and pa.country != pb.country:
        return None
    coarse = min(3, max(1, pa.precision, pb.precision))
    if coarse == 3 and pa.admin1 and pb.admin1:
        return rules.PLACE_SAME_REGION if pa.admin1 == pb.admin1 else None
    limit = rules.MAX_DISTANCE_KM[coarse]
    distance = haversine_km(pa.lon, pa.lat, pb.lon, pb.lat)
    if distance > limit:
        return None
    closeness = 1.0 - distance / limit
    return (rules.DIFFERENT_TOWN_SCALE if coarse == 1 else rules.PLACE_NEAR_SCALE) * closeness


def _different_towns(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    """Both places are precise (towns) and not the same gazetteer entry."""
    if a is None or b is None:
        return False
    return a.place.precision == b.place.precision == 1 and a.place.geonameid != b.place.geonameid


def _place_veto(a: Event, b: Event, actor_value: float) -> bool:
    """Different towns need agreeing actors; reports of different event types need the same place."""
    if _different_towns(a.location, b.location) and actor_value < rules.DIFFERENT_TOWN_MIN_ACTORS:
        return True
    if not rules.CROSS_TYPE_SAME_PLACE or a.event_type == b.event_type or a.location is None or b.location is None:
        return False
    return a.location.place.geonameid != b.location.place.geonameid


# --- date ---------------------------------------------------------------------------------------------------------


def effective_date(event: Event, published: date | None = None) -> Dated | None:
    """The event's date range, or the publication date looked back a little when the text gave none."""
    found: DateRange | None = event.date
    if found is not None and found.span is not None:
        return Dated(found.start, found.end, found.precision, exact=True)
    fallback_end = found.end if found is not None else published
    if fallback_end is None:
        return None
    precision = found.precision if found is not None else DatePrecision.DAY
    start = (found.start if found is not None else fallback_end) - timedelta(days=rules.FALLBACK_LOOKBACK_DAYS)
    return Dated(start, fallback_end, precision, exact=False)


def date_gap_days(a: Dated, b: Dated) -> int:
    """Days between two ranges (0 when they overlap)."""
    return max(0, (b.start - a.end).days, (a.start - b.end).days)


def date_evidence(a: Dated | None, b: Dated | None, *, cap: int | None = None) -> float | None:
    """How well two dates agree, or None when they are further apart than their precisions allow."""
    if a is None or b is None:
        return rules.DATE_UNKNOWN
    if (a.precision in rules.SUMMARY_PRECISIONS) != (b.precision in rules.SUMMARY_PRECISIONS):
        return None
    gap = date_gap_days(a, b)
    allowed = max(rules.DATE_SLACK_DAYS[a.precision], rules.DATE_SLACK_DAYS[b.precision])
    if cap is not None:
        allowed = min(allowed, cap)
    if gap > allowed:
        return None
    if not a.exact and not b.exact:
        return rules.DATE_BOTH_FALLBACK_SAME_DAY if a.end == b.end else rules.DATE_BOTH_FALLBACK
    if gap > 0:
        return rules.DATE_WITHIN_SLACK
    day = DatePrecision.DAY
    if a.exact and b.exact and a.precision == b.precision == day and a.start == a.end == b.start == b.end:
        return rules.DATE_SAME_DAY
    return rules.DATE_OVERLAP_COARSE


# --- actors -------------------------------------------------------------------------------------------------------


def kind_group(actor: Actor) -> str:
    return rules.KIND_GROUP.get(actor.kind.value, "")


def _name_key(actor: Actor) -> str:
    name = actor.id[len(UNRESOLVED_PREFIX) :] if actor.id.startswith(UNRESOLVED_PREFIX) else actor.name
    return " ".join(_NAME_WORD.findall(name.lower()))


def _names(actor: Actor) -> set[str]:
    return {_name_key(actor), *(" ".join(_NAME_WORD.findall(a.lower())) for a in actor.aliases)}


def _unresolved_side(x: Actor, y: Actor) -> float | None:
    """An unresolved name against any actor: the same name (or an alias) is the same actor; two different
    unresolved names conflict unless they are close spellings; an unresolved name against a dictionary actor stays
    unknown."""
    if _name_key(x) in _names(y) or _name_key(y) in _names(x):
        return rules.ACTOR_SAME
    if SequenceMatcher(None, _name_key(x), _name_key(y)).ratio() >= rules.NAME_SIMILARITY:
        return rules.ACTOR_COMPATIBLE
    both = x.id.startswith(UNRESOLVED_PREFIX) and y.id.startswith(UNRESOLVED_PREFIX)
    return None if both else rules.ACTOR_UNKNOWN


def _groups_agree(x: Actor, y: Actor) -> bool:
    gx, gy = kind_group(x), kind_group(y)
    return not gx or not gy or gx == gy


def side_evidence(x: Actor | None, y: Actor | None) -> float | None:
    """How well two actors on one side agree, or None for two different named actors (a conflict)."""
    if x is None or y is None:
        return rules.ACTOR_UNKNOWN
    if x.id == y.id and x.id.startswith(GENERIC_PREFIX):
        return rules.ACTOR_GENERIC
    if x.id == y.id or x.parent == y.id or y.parent == x.id:
        return rules.ACTOR_SAME
    if kind_group(x) in rules.SOFT_GROUPS or kind_group(y) in rules.SOFT_GROUPS:
        return rules.ACTOR_UNKNOWN
    if x.id.startswith(UNRESOLVED_PREFIX) or y.id.startswith(UNRESOLVED_PREFIX):
        return _unresolved_side(x, y)
    if not _groups_agree(x, y):
        return None
    if x.country and y.country and x.country != y.country:
        return None
    generic = x.id.startswith(GENERIC_PREFIX) or y.id.startswith(GENERIC_PREFIX)
    same_state = kind_group(x) == "state" and x.country != "" and x.country == y.country
    return rules.ACTOR_COMPATIBLE if generic or same_state else None


def _side_with_assoc(x: Actor | None, xs: tuple[Actor, ...], y: Actor | None, ys: tuple[Actor, ...]) -> float | None:
    value = side_evidence(x, y)
    if value is not None:
        return value
    if any(y is not None and a.id == y.id for a in xs) or any(x is not None and a.id == x.id for a in ys):
        return rules.ACTOR_COMPATIBLE
    return None


def _named_ids(actor: Actor | None, assoc: tuple[Actor, ...]) -> set[str]:
    return {x.id for x in (actor, *assoc) if x is not None and not x.id.startswith(GENERIC_PREFIX)}


def _crossed(a: Event, b1: Actor | None, bs1: tuple[Actor, ...], b2: Actor | None, bs2: tuple[Actor, ...]) -> bool:
    """True when a named actor of one of a's sides stands on the opposite side of b in this alignment."""
    return bool(
        _named_ids(a.actor1, a.assoc_actor_1) & _named_ids(b2, bs2)
        or _named_ids(a.actor2, a.assoc_actor_2) & _named_ids(b1, bs1)
    )


def actor_evidence(a: Event, b: Event) -> tuple[float, bool] | None:
    """(value, swapped) for the better alignment of the two reports' sides, or None when both alignments conflict.
    An alignment that puts one named actor on both sides is a conflict."""
    best: tuple[float, bool] | None = None
    for swapped in (False, True):
        b1, b2 = (b.actor2, b.actor1) if swapped else (b.actor1, b.actor2)
        bs1, bs2 = (b.assoc_actor_2, b.assoc_actor_1) if swapped else (b.assoc_actor_1, b.assoc_actor_2)
        if _crossed(a, b1, bs1, b2, bs2):
            continue
        first = _side_with_assoc(a.actor1, a.assoc_actor_1, b1, bs1)
        second = _side_with_assoc(a.actor2, a.assoc_actor_2, b2, bs2)
        if first is None or second is None:
            continue
        if swapped and max(first, second) < rules.ACTOR_COMPATIBLE:
            continue  # a swap needs an actor that matches across; unknown and victim sides alone do not justify it
        value = (first + second) / 2
        if best is None or value > best[0]:
            best = (value, swapped)
    return best


# --- the verdict --------------------------------------------------------------------------------------------------


def match_events(a: Event, b: Event, *, published_a: date | None = None, published_b: date | None = None) -> Match:
    """Score two event reports as one incident (see the module docstring); ``published_*`` back up missing dates."""
    typed = type_evidence(a, b)
    if typed is None:
        return Match(score=0.0, veto="type")
    type_value, cap = typed
    place_value = place_evidence(a.location, b.location)
    if place_value is None:
        return Match(score=0.0, veto="place", type_value=type_value)
    date_value = date_evidence(effective_date(a, published_a), effective_date(b, published_b), cap=cap)
    if date_value is None:
        return Match(score=0.0, veto="date", type_value=type_value, place_value=place_value)
    actors = actor_evidence(a, b)
    if actors is None:
        return Match(score=0.0, veto="actors", type_value=type_value, place_value=place_value, date_value=date_value)
    actor_value, swapped = actors
    if _place_veto(a, b, actor_value):
        return Match(score=0.0, veto="place", type_value=type_value, place_value=place_value, date_value=date_value)
    score = (
        rules.WEIGHT_TYPE * type_value
        + rules.WEIGHT_PLACE * place_value
        + rules.WEIGHT_DATE * date_value
        + rules.WEIGHT_ACTORS * actor_value
    )
    return Match(
        score=round(score, 6),
        type_value=type_value,
        place_value=place_value,
        date_value=date_value,
        actor_value=actor_value,
        swapped=swapped,
    )
