"""ACLED's taxonomy as data: names, hierarchy and interaction codes."""

from __future__ import annotations

import pytest

from frontlines.events.taxonomy import (
    DISORDER_TYPES,
    EVENT_TYPES,
    NONE,
    SUB_EVENT_NAMES,
    SUB_EVENT_ROWS,
    disorder_type_of,
    event_type_of,
    interaction_code,
    sub_event_info,
    sub_events_of,
)
from frontlines.model import ActorKind


def test_twenty_five_unique_sub_event_types_with_definitions() -> None:
    assert len(SUB_EVENT_NAMES) == 25
    assert len(set(SUB_EVENT_NAMES)) == 25
    assert all(row[3] and row[3].endswith(".") for row in SUB_EVENT_ROWS)


def test_every_row_uses_known_event_and_disorder_types() -> None:
    for name, event_type, disorder_type, _ in SUB_EVENT_ROWS:
        assert event_type in EVENT_TYPES, name
        assert disorder_type in DISORDER_TYPES, name


@pytest.mark.parametrize(
    ("event_type", "count"),
    [
        ("Battles", 3),
        ("Explosions/Remote violence", 6),
        ("Violence against civilians", 3),
        ("Protests", 3),
        ("Riots", 2),
        ("Strategic developments", 8),
    ],
)
def test_sub_events_per_event_type(event_type: str, count: int) -> None:
    assert len(sub_events_of(event_type)) == count


@pytest.mark.parametrize(
    ("sub_event", "event_type", "disorder_type"),
    [
        ("Armed clash", "Battles", "Political violence"),
        ("Government regains territory", "Battles", "Political violence"),
        ("Air/drone strike", "Explosions/Remote violence", "Political violence"),
        ("Abduction/forced disappearance", "Violence against civilians", "Political violence"),
        ("Peaceful protest", "Protests", "Demonstrations"),
        ("Excessive force against protesters", "Protests", "Political violence; Demonstrations"),
        ("Mob violence", "Riots", "Political violence; Demonstrations"),
        ("Violent demonstration", "Riots", "Political violence; Demonstrations"),
        ("Non-violent transfer of territory", "Strategic developments", "Strategic developments"),
        (NONE, NONE, NONE),
    ],
)
def test_lookup(sub_event: str, event_type: str, disorder_type: str) -> None:
    assert event_type_of(sub_event) == event_type
    assert disorder_type_of(sub_event) == disorder_type


def test_unknown_sub_event_raises_key_error() -> None:
    with pytest.raises(KeyError):
        sub_event_info("Armed Clash")


@pytest.mark.parametrize(
    ("kind1", "kind2", "code"),
    [
        (ActorKind.STATE_FORCES, ActorKind.REBEL_GROUP, 12),
        (ActorKind.REBEL_GROUP, ActorKind.STATE_FORCES, 12),
        (ActorKind.POLITICAL_MILITIA, ActorKind.CIVILIANS, 37),
        (ActorKind.STATE_FORCES, ActorKind.PROTESTERS, 16),
        (ActorKind.PROTESTERS, None, 60),
        (ActorKind.STATE_FORCES, None, 10),
        (ActorKind.EXTERNAL_FORCES, ActorKind.IDENTITY_MILITIA, 48),
        (None, None, 0),
    ],
)
def test_interaction_code(kind1: ActorKind | None, kind2: ActorKind | None, code: int) -> None:
    assert interaction_code(kind1, kind2) == code
