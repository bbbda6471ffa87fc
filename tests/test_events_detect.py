"""Event detection and typing: a table of short sentences written for these tests, one or more per sub-event type.

Ordinary crime is not coded: ACLED records arrests of political figures, activists and militants, not of thieves, so
"police arrested a thief for burglary" is ``none``. Sexual violence is coded whenever a text reports it (as the
shared-task gold does). Accidents and disasters (gas explosions, floods) are ``none``.
"""

from __future__ import annotations

import pytest

from frontlines.events.detect import (
    GOVERNMENT_REGAINS,
    NON_STATE_OVERTAKES,
    EventMention,
    detect_events,
    kind_from_words,
    primary_sub_event,
    territory_subtype,
)
from frontlines.events.taxonomy import SUB_EVENT_NAMES, sub_event_info
from frontlines.model import Actor, ActorKind, Block, BlockKind, Document, Span

pytestmark = pytest.mark.model

PRIMARY_CASES = [
    # Battles
    ("Government troops and rebels clashed for hours near the northern town of Kalemi on Sunday.", "Armed clash"),
    (
        "Insurgents attacked an army checkpoint outside the provincial capital overnight, killing four soldiers.",
        "Armed clash",
    ),
    ("Heavy fighting broke out between two rival militias in the southern district on Tuesday.", "Armed clash"),
    ("The army recaptured the border town of Mersa from the rebels after a three-day offensive.", GOVERNMENT_REGAINS),
    ("Security forces retook control of the district headquarters, officials said.", GOVERNMENT_REGAINS),
    ("Jihadist fighters seized the town of Dalo after soldiers fled their positions.", NON_STATE_OVERTAKES),
    ("Rebels captured a strategic village on the main highway on Friday.", NON_STATE_OVERTAKES),
    # Explosions/Remote violence
    ("Warplanes struck a market in the rebel-held town, killing at least twelve people.", "Air/drone strike"),
    ("A drone strike hit a vehicle carrying two commanders near the border.", "Air/drone strike"),
    (
        "Artillery shells landed on a residential neighbourhood of the city, wounding five civilians.",
        "Shelling/artillery/missile attack",
    ),
    ("Militants fired several rockets at the air base late on Monday.", "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a police patrol in the south, killing two officers.", "Remote explosive/landmine/IED"),
    ("Three children were killed when their cart hit a landmine near the village.", "Remote explosive/landmine/IED"),
    ("A car bomb exploded outside a government office in the capital.", "Remote explosive/landmine/IED"),
    ("Unknown attackers hurled a grenade at a police station, injuring three constables.", "Grenade"),
    ("A suicide bomber blew himself up at a crowded mosque during Friday prayers.", "Suicide bomb"),
    (
        "Residents said the shells released chlorine gas over the town, leaving dozens struggling to breathe.",
        "Chemical weapon",
    ),
    # Violence against civilians
    ("Gunmen stormed a village and shot dead eleven farmers on Wednesday night.", "Attack"),
    ("Armed men killed a local journalist outside his home in the provincial capital.", "Attack"),
    ("Gunmen abducted twenty passengers from a bus on the highway.", "Abduction/forced disappearance"),
    (
        "The activist disappeared after being taken away by men in plain clothes, his family said.",
        "Abduction/forced disappearance",
    ),
    ("Soldiers raped several women during a raid on the settlement, a rights group said.", "Sexual violence"),
    # Protests
    (
        "Thousands of people marched through the capital to demand the resignation of the prime minister.",
        "Peaceful protest",
    ),
    ("Teachers staged a sit-in outside the education ministry over unpaid wages.", "Peaceful protest"),
    (
        "Police fired tear gas to disperse hundreds of students protesting against fee increases.",
        "Protest with intervention",
    ),
    (
        "Dozens of demonstrators were detained as police broke up a rally in the city centre.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on protesters in the capital, killing at least six.",
        "Excessive force against protesters",
    ),
    # Riots
    ("Protesters threw stones at police and set tyres on fire in the main square.", "Violent demonstration"),
    ("Rioters torched cars and looted shops after the verdict was announced.", "Violent demonstration"),
    ("An angry mob beat a man to death after accusing him of theft.", "Mob violence"),
    ("Villagers lynched two suspected cattle thieves on Saturday.", "Mob violence"),
    # Strategic developments
    ("The two sides signed a ceasefire agreement in the capital on Monday.", "Agreement"),
    ("The government and the rebels exchanged prisoners under the new deal.", "Agreement"),
    ("Police arrested twelve opposition activists ahead of the planned election rally.", "Arrests"),
    ("Security forces detained a senior leader of the separatist movement at his home.", "Arrests"),
    (
        "Over two hundred fighters defected from the militia to join the army, a spokesman said.",
        "Change to group/activity",
    ),
    ("The army deployed additional troops and armoured vehicles to the restive province.", "Change to group/activity"),
    ("Bomb disposal experts defused an explosive device found near the bridge.", "Disrupted weapons use"),
    ("Soldiers seized a large cache of weapons and ammunition in a raid on a farmhouse.", "Disrupted weapons use"),
    ("The military set up a new base on the outskirts of the town.", "Headquarters or base established"),
    ("Armed men looted the health centre and set fire to several houses.", "Looting/property destruction"),
    (
        "Government forces withdrew from the town, handing it over to the local militia without a fight.",
        "Non-violent transfer of territory",
    ),
    # none: crime without political dimension, disasters, accidents, sport, diplomacy, economics, figures of speech
    ("Police arrested a thief for burglary at a jewellery shop.", "none"),
    ("The film was a bomb at the box office.", "none"),
    ("A gas cylinder exploded in a restaurant kitchen, injuring three workers.", "none"),
    ("Floods swept away dozens of homes after days of torrential rain.", "none"),
    ("The home side stormed to a 3-0 victory in the cup final.", "none"),
    ("The foreign minister held talks with his counterpart on trade and investment.", "none"),
    ("Inflation rose to nine percent in March, the central bank said.", "none"),
    ("The company's shares fell sharply after the quarterly results.", "none"),
    ("A bus plunged into a ravine, killing fourteen passengers.", "none"),
    ("The government expelled two diplomats and announced new sanctions.", "none"),
]


def _doc(text: str, **kwargs: object) -> Document:
    return Document(raw=text, text=text, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), PRIMARY_CASES)
def test_primary_event_type(text: str, expected: str) -> None:
    assert primary_sub_event(detect_events(_doc(text))) == expected


def test_every_sub_event_type_but_other_has_a_case() -> None:
    covered = {expected for _, expected in PRIMARY_CASES}
    assert set(SUB_EVENT_NAMES) - covered == {"Other"}


def test_mentions_are_consistent_with_the_taxonomy_and_text() -> None:
    text = "Rebels captured the town of Sora on Monday. Warplanes then bombed rebel positions near the town."
    events = detect_events(_doc(text))
    assert events
    for event in events:
        assert isinstance(event, EventMention)
        info = sub_event_info(event.sub_event_type)
        assert (event.event_type, event.disorder_type) == (info.event_type, info.disorder_type)
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.contains(event.trigger)
        assert 0.0 < event.confidence <= 1.0
        assert event.cues


MULTI_EVENT_CASES = [
    (
        "Islamist fighters overran the town of Bura on Saturday after days of heavy fighting. Air strikes hit their "
        "positions on Sunday, and the army shelled the outskirts of the town with artillery.",
        NON_STATE_OVERTAKES,
        {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"},
    ),
    (
        "Hundreds of protesters rallied in front of parliament on Monday. Police later fired tear gas and detained "
        "several organisers.",
        "Protest with intervention",
        {"Protest with intervention"},
    ),
    (
        "A suicide bomber struck a checkpoint in the city on Tuesday. Later, soldiers found and defused a second "
        "explosive device near the market.",
        "Suicide bomb",
        {"Disrupted weapons use"},
    ),
]


@pytest.mark.parametrize(("text", "primary", "others"), MULTI_EVENT_CASES)
def test_multi_event_text_lists_primary_first(text: str, primary: str, others: set[str]) -> None:
    events = detect_events(_doc(text))
    assert events[0].sub_event_type == primary
    assert others <= {e.sub_event_type for e in events}


def test_dictionary_actor_kind_decides_territory_subtype() -> None:
    text = "The Northern Front captured the town of Dara on Monday."
    start = text.index("The Northern Front")
    span = Span.of(text, start, start + len("The Northern Front"))
    state = Actor(id="nf", name="Northern Front", kind=ActorKind.STATE_FORCES)
    rebel = Actor(id="nf", name="Northern Front", kind=ActorKind.REBEL_GROUP)
    assert primary_sub_event(detect_events(_doc(text, actors=[(span, state)]))) == GOVERNMENT_REGAINS
    assert primary_sub_event(detect_events(_doc(text, actors=[(span, rebel)]))) == NON_STATE_OVERTAKES


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (ActorKind.STATE_FORCES, GOVERNMENT_REGAINS),
        (ActorKind.EXTERNAL_FORCES, GOVERNMENT_REGAINS),
        (ActorKind.REBEL_GROUP, NON_STATE_OVERTAKES),
        (ActorKind.IDENTITY_MILITIA, NON_STATE_OVERTAKES),
        (None, NON_STATE_OVERTAKES),
    ],
)
def test_territory_subtype(kind: ActorKind | None, expected: str) -> None:
    assert territory_subtype(kind) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("government troops", ActorKind.STATE_FORCES),
        ("the national army", ActorKind.STATE_FORCES),
        ("rebel fighters", ActorKind.REBEL_GROUP),
        ("IS militants", ActorKind.REBEL_GROUP),
        ("the villagers", None),
        ("this is it", None),
    ],
)
def test_kind_from_generic_words(words: str, expected: ActorKind | None) -> None:
    assert kind_from_words(words) == expected


def test_captions_yield_no_events() -> None:
    title = "Markets reopen after holiday"
    caption = "Rebels captured the town of Sora on Monday."
    text = f"{title}\n{caption}"
    blocks = [Block(BlockKind.TITLE, 0, len(title)), Block(BlockKind.CAPTION, len(title) + 1, len(text))]
    assert detect_events(_doc(text, blocks=blocks)) == []


def test_parse_is_reused_when_present() -> None:
    from frontlines.nlp.model import load_spacy

    text = "A car bomb exploded near the governor's office."
    doc = _doc(text)
    doc.nlp = load_spacy()(text)
    assert primary_sub_event(detect_events(doc)) == "Remote explosive/landmine/IED"


def test_empty_text_has_no_events() -> None:
    assert detect_events(_doc("")) == []
