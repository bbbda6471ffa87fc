"""find_actors over annotated documents: every mention, exact spans, resolution, context country."""

from __future__ import annotations

import pytest

from frontlines.actors import find_actors
from frontlines.actors.resolve import unresolved_actor
from frontlines.model import ActorKind, Document
from frontlines.nlp.annotate import annotate

pytestmark = pytest.mark.model

REPORT = (
    "Fighters loyal to the Islamic State (ISIS) stormed an outpost of the Syrian Democratic Forces east of the "
    "river on Sunday. YPG fighters, backed by American elite troops and coalition aircraft, pushed them back, while "
    "the Iraqi army shelled Daesh positions across the border. Two policemen and five villagers died, the "
    "Kurdish-led administration said. The Northern Falcons Brigade, a little-known faction, claimed a second attack, "
    "Reuters and AFP reported."
)
INDIA_REPORT = (
    "Security forces killed two Maoists in an encounter in Sukma district of Chhattisgarh, India, on Tuesday. "
    "A CRPF jawan was injured. The CPI-Maoist cadres fled into the forest, police said. Indian officials "
    "praised the SFs."
)


def _found(text: str) -> list[tuple[str, str, ActorKind, str, str]]:
    doc = annotate(Document(raw=text, text=text))
    return [(span.text, actor.id, actor.kind, actor.country, actor.parent) for span, actor in find_actors(doc)]


@pytest.fixture(scope="module")
def report() -> list[tuple[str, str, ActorKind, str, str]]:
    return _found(REPORT)


def test_spans_are_exact_and_in_reading_order() -> None:
    doc = annotate(Document(raw=REPORT, text=REPORT))
    found = find_actors(doc)
    starts = [span.start for span, _ in found]
    assert starts == sorted(starts) and len(found) >= 8
    for span, _ in found:
        assert REPORT[span.start : span.end] == span.text


def test_aliases_resolve_to_one_id(report: list) -> None:
    ids = {text: actor_id for text, actor_id, *_ in report}
    assert ids["Islamic State"] == ids["ISIS"] == ids["Daesh"] == "islamic-state"
    assert ids["Syrian Democratic Forces"] == "sdf"


def test_parent_and_head_noun(report: list) -> None:
    ypg = next(r for r in report if r[1] == "ypg")
    assert ypg[0] == "YPG fighters" and ypg[4] == "sdf"


def test_demonym_forces(report: list) -> None:
    by_text = {text: (actor_id, country) for text, actor_id, _kind, country, _p in report}
    assert by_text["American elite troops"] == ("us-military", "US")
    assert by_text["Iraqi army"] == ("iq-military", "IQ")


def test_generic_nouns(report: list) -> None:
    by_text = {text: (actor_id, kind) for text, actor_id, kind, _c, _p in report}
    assert by_text["policemen"] == ("generic:police", ActorKind.STATE_FORCES)
    assert by_text["villagers"] == ("generic:civilians", ActorKind.CIVILIANS)
    assert by_text["coalition aircraft"][1] == ActorKind.EXTERNAL_FORCES


def test_unknown_org_kept_unresolved(report: list) -> None:
    unresolved = [r for r in report if r[1].startswith("unresolved:")]
    assert any("Northern Falcons Brigade" in text for text, *_ in unresolved)
    falcons = next(r for r in unresolved if "Northern Falcons" in r[0])
    assert falcons[1] == "unresolved:northern falcons brigade" and falcons[2] == ActorKind.REBEL_GROUP


def test_media_are_not_actors(report: list) -> None:
    texts = {text for text, *_ in report}
    assert not texts & {"Reuters", "AFP"}


def test_generic_state_forces_take_context_country() -> None:
    found = _found(INDIA_REPORT)
    by_text = {text: (actor_id, country) for text, actor_id, _k, country, _p in found}
    assert by_text["Security forces"] == ("generic:state-forces", "IN")
    assert by_text["Maoists"][0] == "cpi-maoist"
    assert by_text["CRPF"][0] == "crpf" or by_text.get("CRPF jawan", ("",))[0] == "crpf"
    assert by_text["Indian officials"] == ("in-government", "IN")


def test_actor_ruler_respects_case() -> None:
    text = "What is clear is that IS lost the town."
    found = _found(text)
    assert [(t, i) for t, i, *_ in found] == [("IS", "islamic-state")]


@pytest.mark.parametrize(
    ("surface", "kind"),
    [
        ("Karachi Police", ActorKind.STATE_FORCES),
        ("Liberation Front of Upper Valley", ActorKind.REBEL_GROUP),
        ("Provincial Assembly", ActorKind.GOVERNMENT),
        ("Acme Holdings", ActorKind.UNKNOWN),
    ],
)
def test_unresolved_kind_from_words(surface: str, kind: ActorKind) -> None:
    actor = unresolved_actor(surface)
    assert actor is not None and actor.kind == kind and not actor.resolved


def test_unresolved_media_name_is_dropped() -> None:
    assert unresolved_actor("Valley Daily News") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tanks of the United States support the Syrian Democratic Armed Forces (SDF) near the dam.",
            ("the Syrian Democratic Armed Forces", "sdf"),
        ),
        ("Gunmen of the Tehreek e Taliban Pakistan (TTP) fired on a van.", ("Tehreek e Taliban Pakistan", "ttp")),
    ],
)
def test_vague_name_before_known_acronym(text: str, expected: tuple[str, str]) -> None:
    found = _found(text)
    assert expected in {(t, i) for t, i, *_ in found}


def test_coordinated_generic_forces_share_country() -> None:
    found = _found("Help came from British special forces and air force, officials said in Baghdad.")
    by_text = {text: (actor_id, country) for text, actor_id, _k, country, _p in found}
    assert by_text["British special forces"] == ("gb-military", "GB")
    assert by_text["air force"] == ("generic:state-forces", "GB")


def test_demonym_adjective_alone_is_dropped_plural_people_kept() -> None:
    found = _found("The Kurds rallied in the Kurdish region while Afghan civilians fled.")
    by_text = {text: (actor_id, country) for text, actor_id, _k, country, _p in found}
    assert by_text.get("Kurds", ("",))[0] == "unresolved:kurds"
    assert "Kurdish" not in by_text
    assert by_text["Afghan civilians"] == ("generic:civilians", "AF")


@pytest.mark.parametrize("surface", ["Karachi", "the Punjab", "Khyber Agency", "Lower Kurram Agency"])
def test_places_tagged_as_organisations_are_not_actors(surface: str) -> None:
    assert unresolved_actor(surface) is None


def test_reuses_cached_mentions() -> None:
    doc = annotate(Document(raw=REPORT, text=REPORT))
    first = find_actors(doc)
    assert find_actors(doc) == first and first is not find_actors(doc)
