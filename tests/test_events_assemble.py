"""Assembling events from mentions: merging, leading actor, casualties to their event (hand-built drafts, no model)."""

import pytest

from frontlines.events.assemble import Draft, attach_casualties, freeze, is_specific, merge_mentions
from frontlines.events.roles import is_factual, leading_actor
from frontlines.model import (
    Actor,
    ActorKind,
    CasualtyKind,
    CasualtyReport,
    Claim,
    Count,
    Document,
    Modality,
    Place,
    PlaceMention,
    Span,
)

TEXT = "Rebels of the Northern Front seized Karama from the army. Air strikes hit Karama. Clashes went on."
FRONT = Actor("northern-front", "Northern Front", ActorKind.REBEL_GROUP, "XX")
BRIGADE = Actor("front-brigade", "Front Brigade", ActorKind.REBEL_GROUP, "XX", parent="northern-front")
ARMY = Actor("xx-military", "Military Forces of X", ActorKind.STATE_FORCES, "XX")
GUNMEN = Actor("generic:militants", "Militants", ActorKind.REBEL_GROUP)
STRANGER = Actor("unresolved:karama council", "Karama council")
TOWN = Place(1, "Karama", 10.0, 20.0, "XX", admin1="North", precision=1)
PROVINCE = Place(2, "North", 10.5, 20.5, "XX", admin1="North", feature_class="A", precision=3)
ELSEWHERE = Place(3, "Other", 11.0, 21.0, "XX", admin1="South", precision=1)


def span(text, start=0):
    at = TEXT.index(text, start)
    return Span(at, at + len(text), text)


def draft(sub="Non-state actor overtakes territory", trigger="seized", place=TOWN, actor1=None, actor2=None):
    where = span(trigger)
    return Draft(
        sub_event_type=sub,
        event_type="Strategic developments",
        disorder_type="Strategic developments",
        trigger=where,
        sentence=where,
        confidence=0.8,
        actor1=actor1,
        actor2=actor2,
        location=PlaceMention(where, place) if place else None,
    )


def test_specific_actors_are_named_and_resolved():
    assert is_specific(FRONT) and not is_specific(GUNMEN) and not is_specific(STRANGER) and not is_specific(None)


def test_mentions_in_nested_places_merge_and_keep_the_precise_place_and_named_actor():
    first = draft(place=PROVINCE, actor1=GUNMEN)
    second = draft(trigger="hit", place=TOWN, actor1=FRONT, actor2=ARMY)
    (merged,) = merge_mentions([first, second])
    assert merged.location is not None and merged.location.place == TOWN
    assert merged.actor1 == FRONT and merged.actor2 == ARMY and merged.mentions == 2


def test_mentions_in_separate_places_or_with_conflicting_actors_stay_apart():
    assert len(merge_mentions([draft(place=TOWN), draft(place=ELSEWHERE)])) == 2
    assert len(merge_mentions([draft(actor1=FRONT), draft(actor1=ARMY)])) == 2
    assert len(merge_mentions([draft(actor1=FRONT), draft(actor1=BRIGADE)])) == 1  # a unit of the same side
    assert len(merge_mentions([draft(), draft(sub="Air/drone strike")])) == 2


def test_clashes_merge_whichever_side_is_named_first():
    one = draft(sub="Armed clash", actor1=FRONT, actor2=ARMY)
    two = draft(sub="Armed clash", actor1=ARMY, actor2=BRIGADE)
    assert len(merge_mentions([one, two])) == 1


def test_casualties_go_to_the_event_inside_their_clause_else_to_the_primary():
    primary, strike = draft(), draft(sub="Air/drone strike", trigger="Air strikes")
    inside = CasualtyReport(CasualtyKind.KILLED, Count(3, 3, 3, span("Air")), span=span("Air strikes hit Karama"))
    elsewhere = CasualtyReport(CasualtyKind.KILLED, Count(2, 2, 2, span("Rebels")), span=span("Rebels of the"))
    attach_casualties([primary, strike], [inside, elsewhere], [])
    assert strike.reports == [inside] and primary.reports == [elsewhere]


def test_frozen_territorial_event_records_who_took_the_place_from_whom():
    doc = Document(raw=TEXT, text=TEXT)
    event = freeze(doc, draft(actor1=FRONT, actor2=ARMY), 0)
    assert event.territory is not None
    assert event.territory.to_actor == FRONT and event.territory.from_actor == ARMY
    assert event.territory.place.place == TOWN and event.doc_id == doc.doc_id
    assert freeze(doc, draft(), 1).event_id != event.event_id


def test_leading_actor_is_the_most_prominent_named_party_other_than_the_target():
    doc = Document(raw=TEXT, text=TEXT)
    doc.actors = [(span("Northern Front"), FRONT), (span("army"), ARMY), (span("Rebels"), GUNMEN)]
    doc.actors += [(span("Karama"), FRONT), (span("Clashes"), FRONT)]
    assert leading_actor(doc, exclude=ARMY) == FRONT
    assert leading_actor(doc, exclude=FRONT) is None  # the army is mentioned once: too little to lead


def test_events_under_speculation_or_prediction_are_not_facts_but_hearsay_is():
    text = "There is a chance that air strikes hit Karama. Gunmen reportedly attacked a post."
    doc = Document(raw=text, text=text)
    first, second = text.split(". ")
    doc.claims = [
        Claim("", first, Modality.SPECULATIVE, Span(0, len(first), first), cue="There is a chance"),
        Claim("", second, Modality.SPECULATIVE, Span.of(text, len(first) + 2, len(text)), cue="reportedly"),
    ]
    strikes = Span.of(text, text.index("air strikes"), text.index("air strikes") + 11)
    attacked = Span.of(text, text.index("attacked"), text.index("attacked") + 8)
    assert not is_factual(doc, strikes, doc.claims[0].span)
    assert is_factual(doc, attacked, doc.claims[1].span)


def report(text, count, kind=CasualtyKind.KILLED, category=None):
    from frontlines.model import VictimCategory

    where = span(text)
    return CasualtyReport(kind, Count(count, count, count, where), category or VictimCategory.UNKNOWN, span=where)


def test_a_headline_toll_repeated_in_the_body_counts_once_and_subcounts_are_marked():
    from frontlines.events.assemble import mark_subcounts, without_repeats
    from frontlines.model import VictimCategory

    headline = report("Rebels of the Northern Front", 14)
    body = report("Air strikes hit Karama.", 14)
    whole = report("Clashes went on.", 12)
    part = report("Clashes", 3, category=VictimCategory.CIVILIANS)
    kept = without_repeats(mark_subcounts([headline, body, whole, part]))
    assert [r.count.best for r in kept] == [14, 12, 3]
    assert [r.subcount for r in kept] == [False, False, True]


@pytest.mark.parametrize(
    ("text", "trigger", "background"),
    [
        ("The country has faced an insurgency that has killed thousands of people.", "insurgency", True),
        ("Violence over the past decade forced millions from their homes.", "Violence", True),
        ("Gunmen killed four villagers on Monday.", "killed", False),
        ("The first person dies in a raid since the start of the truce.", "raid", False),
    ],
)
def test_cumulative_summaries_are_background_not_events(text, trigger, background):
    from frontlines.events.roles import is_background

    at = text.index(trigger)
    assert is_background(Document(raw=text, text=text), Span(at, at + len(trigger), trigger)) is background


def test_a_report_naming_several_places_gives_one_event_per_place_and_casualties_stay_with_the_first():
    from frontlines.events.assemble import per_place_copies

    text = "Shells hit Karama and Other, killing 3."
    doc = Document(raw=text, text=text)
    at_town = PlaceMention(Span.of(text, 11, 17), TOWN)
    doc.places = [at_town, PlaceMention(Span.of(text, 22, 27), ELSEWHERE)]
    whole = Span.of(text, 0, len(text))
    first = Draft("Shelling/artillery/missile attack", "Explosions/Remote violence", "Political violence",
                  Span.of(text, 0, 6), whole, 0.9, location=at_town)  # fmt: skip
    (copy,) = per_place_copies(doc, first, whole)
    assert copy.location is not None and copy.location.place == ELSEWHERE and copy.copy
    killed = CasualtyReport(CasualtyKind.KILLED, Count(3, 3, 3, Span.of(text, 37, 38)), span=whole)
    attach_casualties([first, copy], [killed], [])
    assert first.reports == [killed] and copy.reports == []


def test_an_air_strike_without_its_actor_takes_the_one_force_named_flying():
    from frontlines.events.assemble import fill_air_power

    text = "Jets hit Karama. The army of X and its air force backed the rebels."
    doc = Document(raw=text, text=text)
    doc.actors = [(Span.of(text, 21, 32), ARMY)]
    strike = Draft("Air/drone strike", "Explosions/Remote violence", "Political violence",
                   Span.of(text, 0, 4), Span.of(text, 0, 16), 0.9)  # fmt: skip
    clash = Draft("Armed clash", "Battles", "Political violence", Span.of(text, 0, 4), Span.of(text, 0, 16), 0.9)
    fill_air_power(doc, [strike, clash])
    assert strike.actor1 == ARMY and clash.actor1 is None
    doc.actors.append((Span.of(text, 56, 62), FRONT))  # a rebel group is no air power: still one flyer
    strike.actor1 = None
    fill_air_power(doc, [strike])
    assert strike.actor1 == ARMY
