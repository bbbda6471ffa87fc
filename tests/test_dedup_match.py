"""The incident matching rules, one row per rule: type family, distance by precision, date windows, actors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from frontlines.dedup import MATCH_THRESHOLD, match_events, rules
from frontlines.dedup.match import effective_date, side_evidence
from frontlines.events.taxonomy import event_type_of
from frontlines.model import Actor, ActorKind, DatePrecision, DateRange, Event, Place, PlaceMention, Span

SPAN = Span(0, 1, "x")
DAY = date(2024, 3, 4)

ACTORS = {
    "iswap": Actor("iswap", "ISWAP", ActorKind.REBEL_GROUP, parent="islamic-state"),
    "is": Actor("islamic-state", "Islamic State", ActorKind.REBEL_GROUP),
    "jas": Actor("jas", "JAS", ActorKind.REBEL_GROUP, country="NG"),
    "ng-army": Actor("ng-military", "Military Forces of Nigeria", ActorKind.STATE_FORCES, country="NG"),
    "ng-police": Actor("ng-police", "Police Forces of Nigeria", ActorKind.STATE_FORCES, country="NG"),
    "cm-army": Actor("cm-military", "Military Forces of Cameroon", ActorKind.STATE_FORCES, country="CM"),
    "troops": Actor("generic:state-forces", "Security forces", ActorKind.STATE_FORCES),
    "gunmen": Actor("generic:militants", "Militants", ActorKind.REBEL_GROUP),
    "civilians": Actor("generic:civilians", "Civilians", ActorKind.CIVILIANS),
    "ansaru": Actor("unresolved:Ansaru", "Ansaru"),
    "ansaroo": Actor("unresolved:Ansaroo", "Ansaroo"),
    "other-unres": Actor("unresolved:Jamaat Nasr", "Jamaat Nasr"),
}

# (id, lat, lon, precision, admin1): a town, a neighbouring village 9 km away, a town 45 km away, a region.
PLACES = {
    "town": (1, 11.652, 13.418, 1, "Borno"),
    "village": (2, 11.716, 13.376, 1, "Borno"),
    "near-town": (1, 11.652, 13.418, 2, "Borno"),
    "near-20km": (3, 11.830, 13.418, 2, "Borno"),
    "far-45km": (4, 12.057, 13.418, 1, "Borno"),
    "region": (5, 11.5, 13.0, 3, "Borno"),
    "other-region": (6, 10.3, 13.2, 3, "Adamawa"),
}


def place(key: str | None) -> PlaceMention | None:
    if key is None:
        return None
    gid, lat, lon, precision, admin1 = PLACES[key]
    return PlaceMention(SPAN, Place(gid, key, lat, lon, "NG", admin1=admin1, precision=precision))


def ev(
    sub: str = "Armed clash",
    *,
    at: str | None = "town",
    day: int | None = 0,
    days: int = 0,
    precision: DatePrecision = DatePrecision.DAY,
    exact: bool = True,
    a1: str | None = "iswap",
    a2: str | None = "ng-army",
    event_id: str = "e",
) -> Event:
    when = None
    if day is not None:
        start = DAY + timedelta(days=day)
        when = DateRange(start, start + timedelta(days=days), precision, SPAN if exact else None)
    return Event(
        event_id=event_id,
        doc_id="d",
        disorder_type="Political violence",
        event_type=event_type_of(sub),
        sub_event_type=sub,
        trigger=SPAN,
        actor1=ACTORS[a1] if a1 else None,
        actor2=ACTORS[a2] if a2 else None,
        date=when,
        location=place(at),
    )


# (id, first report, second report, same incident?, veto expected when not)
CASES = [
    # type family
    ("same-everything", ev(), ev(), True, ""),
    ("clash-vs-regains-territory", ev(), ev("Government regains territory", a1="ng-army", a2="iswap"), True, ""),
    ("clash-vs-attack-same-day", ev(a2="civilians"), ev("Attack", a2="civilians"), True, ""),
    ("clash-vs-attack-next-day", ev(a2="civilians"), ev("Attack", day=1, a2="civilians"), False, "date"),
    ("clash-vs-attack-other-place", ev(a2="civilians"), ev("Attack", at="near-town", a2="civilians"), True, ""),
    ("clash-vs-attack-village", ev(a2="civilians"), ev("Attack", at="village", a2="civilians"), False, "place"),
    ("suicide-vs-ied", ev("Suicide bomb"), ev("Remote explosive/landmine/IED"), True, ""),
    ("air-vs-shelling", ev("Air/drone strike"), ev("Shelling/artillery/missile attack"), False, "type"),
    ("clash-vs-protest", ev(), ev("Peaceful protest", a1=None, a2=None), False, "type"),
    (
        "attack-vs-abduction",
        ev("Attack", a2="civilians"),
        ev("Abduction/forced disappearance", a2="civilians"),
        False,
        "type",
    ),
    # distance by precision
    ("spelling-variant-same-id", ev(), ev(), True, ""),
    ("neighbouring-village-named-actors", ev(), ev(at="village"), True, ""),
    (
        "neighbouring-village-generic-actors",
        ev(a1="gunmen", a2="civilians"),
        ev(at="village", a1="gunmen", a2="civilians"),
        False,
        "place",
    ),
    ("precise-45km", ev(), ev(at="far-45km"), False, "place"),
    ("near-town-20km", ev(at="near-town"), ev(at="near-20km"), True, ""),
    ("near-20km-vs-precise-45km", ev(at="near-20km"), ev(at="far-45km"), True, ""),
    ("region-same-admin1", ev(), ev(at="region"), True, ""),
    ("region-other-admin1", ev(), ev(at="other-region"), False, "place"),
    ("no-place-strong-rest", ev(), ev(at=None), True, ""),
    ("no-place-generic-rest", ev(a1="gunmen", a2="troops"), ev(at=None, a1="gunmen", a2="troops"), False, ""),
    # date windows
    ("next-day-named", ev(), ev(day=1), True, ""),
    ("next-day-generic", ev(a1="gunmen", a2="civilians"), ev(day=1, a1="gunmen", a2="civilians"), False, ""),
    ("two-days-apart", ev(), ev(day=2), False, "date"),
    ("week-range-covers-day", ev(), ev(day=-3, days=6, precision=DatePrecision.WEEK), True, ""),
    ("week-range-nine-days-off", ev(), ev(day=5, days=6, precision=DatePrecision.WEEK), False, "date"),
    ("month-summary-vs-day", ev(), ev(day=-3, days=27, precision=DatePrecision.MONTH), False, "date"),
    (
        "month-vs-month",
        ev(day=-3, days=27, precision=DatePrecision.MONTH),
        ev(day=-3, days=27, precision=DatePrecision.MONTH),
        True,
        "",
    ),
    ("fallback-date-published-next-day", ev(), ev(day=1, exact=False), True, ""),
    ("fallback-date-published-4-days-later", ev(), ev(day=4, exact=False), False, "date"),
    ("no-date-strong-rest", ev(), ev(day=None), True, ""),
    ("both-undated-named", ev(exact=False), ev(exact=False), True, ""),
    ("both-undated-no-actors", ev(exact=False, a1=None, a2=None), ev(exact=False, a1=None, a2=None), False, ""),
    ("both-undated-other-day-named", ev(exact=False, a2=None), ev(day=1, exact=False, a2=None), True, ""),
    (
        "both-undated-other-day-generic",
        ev(exact=False, a1="gunmen", a2=None),
        ev(day=1, exact=False, a1="gunmen", a2=None),
        False,
        "",
    ),
    # actors
    ("parent-and-child", ev(), ev(a1="is"), True, ""),
    ("sides-swapped", ev(), ev(a1="ng-army", a2="iswap"), True, ""),
    ("generic-for-named", ev(), ev(a1="gunmen", a2="troops"), True, ""),
    ("one-side-unknown", ev(), ev(a1=None), True, ""),
    ("army-vs-police-same-country", ev(), ev(a2="ng-police"), True, ""),
    ("two-named-attackers", ev(), ev(a1="jas"), False, "actors"),
    ("state-forces-other-country", ev(), ev(a2="cm-army"), False, "actors"),
    ("generic-wrong-kind", ev(), ev(a1="troops", a2="troops"), False, "actors"),
    ("unresolved-spellings", ev(a1="ansaru"), ev(a1="ansaroo"), True, ""),
    ("unresolved-different-names", ev(a1="ansaru"), ev(a1="other-unres"), False, "actors"),
    (
        "swap-needs-a-matching-actor",
        ev("Attack", a2="civilians"),
        ev("Attack", a1="jas", a2="civilians"),
        False,
        "actors",
    ),
    ("civilians-vs-anyone-is-soft", ev("Attack", a2="civilians"), ev("Attack", a2="ng-police"), True, ""),
]


@pytest.mark.parametrize(("case", "a", "b", "same", "veto"), CASES, ids=[c[0] for c in CASES])
def test_matching_rules(case, a, b, same, veto):
    found = match_events(a, b)
    assert found.matched is same, found
    if veto:
        assert found.veto == veto, found
    if same:
        assert found.score >= MATCH_THRESHOLD


@pytest.mark.parametrize(("case", "a", "b", "same", "veto"), CASES, ids=[c[0] for c in CASES])
def test_matching_is_symmetric(case, a, b, same, veto):
    assert match_events(a, b).score == pytest.approx(match_events(b, a).score)
    assert match_events(a, b).veto == match_events(b, a).veto


def test_swapped_sides_are_reported():
    assert match_events(ev(), ev(a1="ng-army", a2="iswap")).swapped
    assert not match_events(ev(), ev()).swapped


def test_missing_date_falls_back_to_publication():
    undated = ev(day=None)
    assert effective_date(undated) is None
    found = effective_date(undated, DAY)
    assert found is not None and not found.exact
    assert found.start == DAY - timedelta(days=rules.FALLBACK_LOOKBACK_DAYS) and found.end == DAY
    assert (
        match_events(ev(), ev(day=None, a1="gunmen", a2="troops"), published_b=DAY + timedelta(days=9)).veto == "date"
    )


@pytest.mark.parametrize(
    ("x", "y", "value"),
    [
        ("iswap", "iswap", rules.ACTOR_SAME),
        ("iswap", "is", rules.ACTOR_SAME),
        ("gunmen", "gunmen", rules.ACTOR_GENERIC),
        ("gunmen", "iswap", rules.ACTOR_COMPATIBLE),
        ("ng-army", "ng-police", rules.ACTOR_COMPATIBLE),
        ("iswap", None, rules.ACTOR_UNKNOWN),
        ("ansaru", "iswap", rules.ACTOR_UNKNOWN),
        ("iswap", "jas", None),
        ("gunmen", "troops", None),
        ("ng-army", "cm-army", None),
    ],
)
def test_side_evidence(x, y, value):
    assert side_evidence(ACTORS[x], ACTORS[y] if y else None) == value


def test_threshold_and_weights_are_named_data():
    total = rules.WEIGHT_TYPE + rules.WEIGHT_PLACE + rules.WEIGHT_DATE + rules.WEIGHT_ACTORS
    assert total == pytest.approx(1.0)
    assert 0.5 < rules.MATCH_THRESHOLD < 1.0
    for pair in rules.COMPATIBLE_SUB_EVENTS:
        assert all(event_type_of(sub) for sub in pair)  # every listed sub-event type is an ACLED name


def test_location_identity_beats_distance():
    moved = replace(ev(), location=replace(place("town"), place=replace(place("town").place, lat=11.9)))  # same id
    assert match_events(ev(), moved).place_value == 1.0
