"""ACLED's event taxonomy as data: disorder types, event types and sub-event types with short definitions.

The names are ACLED's own, spelled exactly as in the ACLED codebook, so exported rows line up with ACLED data.
``sub_event_info("Armed clash")`` gives the sub-event's event type and disorder type; ``interaction_code`` gives
ACLED's two-digit interaction code for a pair of actor kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from frontlines.model import ActorKind

# The three disorder types, and the combined one ACLED uses for mob violence (a demonstration that is also violence).
POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
DISORDER_TYPES = (POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC_DEVELOPMENTS, POLITICAL_VIOLENCE_DEMONSTRATIONS)

# The six event types.
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
EVENT_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)

# What a text is labelled with when it reports no event of ACLED's kind.
NONE = "none"


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str


# (name, event type, disorder type, definition) for the 25 sub-event types, grouped by event type.
SUB_EVENT_ROWS: tuple[tuple[str, str, str, str], ...] = (
    # Battles: violent interaction between two organised armed groups.
    ("Armed clash", BATTLES, POLITICAL_VIOLENCE, "Armed, organised groups fight each other; no territory changes."),
    (
        "Government regains territory",
        BATTLES,
        POLITICAL_VIOLENCE,
        "State forces or their affiliates win back territory from a non-state armed group by fighting.",
    ),
    (
        "Non-state actor overtakes territory",
        BATTLES,
        POLITICAL_VIOLENCE,
        "A non-state armed group takes territory from state forces or another non-state group by fighting.",
    ),
    # Explosions/Remote violence: one-sided violence by weapons used from afar or explosives.
    ("Chemical weapon", EXPLOSIONS, POLITICAL_VIOLENCE, "Use of chemical weapons (chlorine, sarin, mustard gas...)."),
    ("Air/drone strike", EXPLOSIONS, POLITICAL_VIOLENCE, "Strikes from aircraft or drones: bombs, missiles, gunfire."),
    (
        "Suicide bomb",
        EXPLOSIONS,
        POLITICAL_VIOLENCE,
        "An attacker detonates explosives carried on the body or in a vehicle, dying in the attack.",
    ),
    (
        "Shelling/artillery/missile attack",
        EXPLOSIONS,
        POLITICAL_VIOLENCE,
        "Long-range ground-launched fire: artillery, mortars, rockets, missiles, tank fire.",
    ),
    (
        "Remote explosive/landmine/IED",
        EXPLOSIONS,
        POLITICAL_VIOLENCE,
        "Explosives detonated remotely or by the victim: IEDs, car bombs, roadside bombs, landmines.",
    ),
    ("Grenade", EXPLOSIONS, POLITICAL_VIOLENCE, "A grenade or similar hand-thrown explosive is used."),
    # Violence against civilians: organised armed groups deliberately harm unarmed non-combatants.
    ("Sexual violence", VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "Rape, sexual assault or abuse of civilians."),
    ("Attack", VIOLENCE_AGAINST_CIVILIANS, POLITICAL_VIOLENCE, "Armed actors attack, kill or injure civilians."),
    (
        "Abduction/forced disappearance",
        VIOLENCE_AGAINST_CIVILIANS,
        POLITICAL_VIOLENCE,
        "Civilians are kidnapped, taken hostage or disappeared by an armed actor.",
    ),
    # Protests: non-violent public demonstrations.
    (
        "Peaceful protest",
        PROTESTS,
        DEMONSTRATIONS,
        "Demonstrators gather without violence and are not interfered with.",
    ),
    (
        "Protest with intervention",
        PROTESTS,
        DEMONSTRATIONS,
        "A peaceful protest is dispersed, blocked or met with arrests, tear gas or other non-lethal force.",
    ),
    (
        "Excessive force against protesters",
        PROTESTS,
        POLITICAL_VIOLENCE_DEMONSTRATIONS,
        "Lethal or serious force (live fire, killings, beatings) is used against peaceful protesters.",
    ),
    # Riots: violent demonstrations and mob violence.
    (
        "Violent demonstration",
        RIOTS,
        POLITICAL_VIOLENCE_DEMONSTRATIONS,
        "Demonstrators turn violent: stone throwing, arson, vandalism, clashes with police.",
    ),
    ("Mob violence", RIOTS, POLITICAL_VIOLENCE_DEMONSTRATIONS, "An unorganised crowd or vigilantes attack people."),
    # Strategic developments: non-violent but significant activity of armed and political groups.
    (
        "Agreement",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "Ceasefires, peace deals, prisoner exchanges or releases, surrenders, negotiated evacuations.",
    ),
    ("Arrests", STRATEGIC, STRATEGIC_DEVELOPMENTS, "State forces detain political figures, activists or militants."),
    (
        "Change to group/activity",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "A group forms, splits, defects, redeploys, reinforces or otherwise changes its activity.",
    ),
    (
        "Disrupted weapons use",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "Weapons or explosives are seized, defused, found or intercepted before use.",
    ),
    (
        "Headquarters or base established",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "An armed group sets up a base, headquarters, post or checkpoint.",
    ),
    (
        "Looting/property destruction",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "Property is looted, burned or destroyed without a clash or demonstration.",
    ),
    (
        "Non-violent transfer of territory",
        STRATEGIC,
        STRATEGIC_DEVELOPMENTS,
        "Territory changes hands without fighting: withdrawal, handover.",
    ),
    ("Other", STRATEGIC, STRATEGIC_DEVELOPMENTS, "A significant development that fits no other sub-event type."),
)

SUB_EVENT_NAMES: tuple[str, ...] = tuple(row[0] for row in SUB_EVENT_ROWS)


@lru_cache(maxsize=1)
def sub_event_table() -> dict[str, SubEventType]:
    """Every sub-event type by its ACLED name."""
    return {row[0]: SubEventType(*row) for row in SUB_EVENT_ROWS}


def sub_event_info(name: str) -> SubEventType:
    """The entry for an ACLED sub-event type name; ``KeyError`` for an unknown name."""
    return sub_event_table()[name]


def event_type_of(sub_event_type: str) -> str:
    """The event type of a sub-event type; ``"none"`` for ``"none"``."""
    return NONE if sub_event_type == NONE else sub_event_info(sub_event_type).event_type


def disorder_type_of(sub_event_type: str) -> str:
    """The disorder type of a sub-event type; ``"none"`` for ``"none"``."""
    return NONE if sub_event_type == NONE else sub_event_info(sub_event_type).disorder_type


def sub_events_of(event_type: str) -> tuple[str, ...]:
    """The sub-event types of an event type, in codebook order."""
    return tuple(row[0] for row in SUB_EVENT_ROWS if row[1] == event_type)


# ACLED's actor-type digits (inter1/inter2): 1 state forces ... 8 external/other forces.
INTER_CODE_OF_KIND: dict[ActorKind, int] = {
    ActorKind.STATE_FORCES: 1,
    ActorKind.GOVERNMENT: 1,
    ActorKind.REBEL_GROUP: 2,
    ActorKind.POLITICAL_MILITIA: 3,
    ActorKind.IDENTITY_MILITIA: 4,
    ActorKind.RIOTERS: 5,
    ActorKind.PROTESTERS: 6,
    ActorKind.CIVILIANS: 7,
    ActorKind.EXTERNAL_FORCES: 8,
    ActorKind.OTHER: 8,
}


def inter_code(kind: ActorKind | None) -> int:
    """ACLED's one-digit actor type for an actor kind; 0 when there is no actor or its kind is unknown."""
    return 0 if kind is None else INTER_CODE_OF_KIND.get(kind, 0)


def interaction_code(kind1: ActorKind | None, kind2: ActorKind | None) -> int:
    """ACLED's interaction code: the two actor-type digits, smaller first (state vs rebels -> 12; one actor -> 10)."""
    first, second = sorted((inter_code(kind1), inter_code(kind2)))
    if first == 0:
        return second * 10
    return first * 10 + second
