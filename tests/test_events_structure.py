"""Event typing read from the parse of a sentence (events/structure.py and the rules of detect.py that use it).

Sentences written for these tests, one or more per mechanism: who an act hit (object, passive subject,
"attack on"), background parts (relative clauses, reasons, "after"/"since" phrases, history told with "years
after"), acts that did not happen (plans, threats, fears, trials, headline infinitives, future dates), and words of
diplomacy or sport that frame an act or only describe it.
"""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events.detect import detect_events, primary_sub_event
from frontlines.events.lexicon import NON_EVENT_GOVERNORS
from frontlines.events.structure import (
    cue_span,
    cue_token,
    frames,
    governed_by,
    subordinate,
    target_side,
    time_reference,
    unrealised,
)
from frontlines.model import Document
from frontlines.relevance import is_relevant

pytestmark = pytest.mark.model


def _primary(text: str) -> str:
    return primary_sub_event(detect_events(Document(raw=text, text=text)))


def _sentence(text: str) -> Any:
    from frontlines.nlp.model import load_spacy

    return next(iter(load_spacy()(text).sents))


def _token(sent: Any, text: str, word: str) -> tuple[Any, Any]:
    at = text.index(word)
    span = cue_span(sent, at, at + len(word))
    return cue_token(span), span


@pytest.mark.parametrize(
    ("text", "cue", "side"),
    [
        ("A village headman was murdered by suspected insurgents in Pattani.", "murdered", "civilian"),
        ("Three soldiers were shot by militants at a checkpoint.", "shot", "armed"),
        ("Militants raided a refugee camp near Diffa.", "raided", "civilian"),
        ("Militants raided an army camp near Diffa.", "raided", "armed"),
        ("Soldiers opened fire on a minibus at a checkpoint.", "opened", "civilian"),
        ("The attack on the police station lasted an hour.", "attack", "armed"),
        ("Gunmen attacked overnight.", "attacked", None),
    ],
)
def test_the_target_of_an_act_comes_from_the_parse(text: str, cue: str, side: str | None) -> None:
    sent = _sentence(text)
    at = text.index(cue)
    assert target_side(sent, at, at + len(cue), []) == side


def test_a_cue_in_a_clause_below_another_cue_is_subordinate_to_it() -> None:
    text = "Security forces detained a man suspected of planting the roadside bomb."
    sent = _sentence(text)
    detained, _ = _token(sent, text, "detained")
    bomb, _ = _token(sent, text, "roadside bomb")
    assert subordinate(bomb, [detained, bomb]) == 0
    assert subordinate(detained, [detained, bomb]) is None


def test_an_act_coordinated_with_another_is_not_subordinate() -> None:
    text = "Gunmen attacked the village and abducted ten women."
    sent = _sentence(text)
    attacked, _ = _token(sent, text, "attacked")
    abducted, _ = _token(sent, text, "abducted")
    assert subordinate(abducted, [attacked, abducted]) is None


def test_since_phrases_and_fronted_after_clauses_only_date_the_event() -> None:
    text = "The first civilian died in shelling since the start of the truce."
    sent = _sentence(text)
    truce, _ = _token(sent, text, "truce")
    shelling, _ = _token(sent, text, "shelling")
    assert time_reference(truce, [truce, shelling])
    assert not time_reference(shelling, [truce, shelling])
    text = "After a bombing killed nine soldiers, artillery shelled the town."
    sent = _sentence(text)
    bombing, _ = _token(sent, text, "bombing")
    shelled, _ = _token(sent, text, "shelled")
    assert time_reference(bombing, [bombing, shelled])
    assert not time_reference(bombing, [bombing])  # nothing else reported: the clause is the news


@pytest.mark.parametrize(
    ("text", "cue", "governed"),
    [
        ("The ministry said it was preparing an offensive to retake the city.", "offensive", True),
        ("A court sentenced three men for the attack on a military post.", "attack", True),
        ("The president vowed an inquiry after seven people were murdered.", "murdered", False),
        ("Rebels attacked the town on Monday.", "attacked", False),
    ],
)
def test_words_of_plans_trials_and_denials_govern_their_cues(text: str, cue: str, governed: bool) -> None:
    token, _ = _token(_sentence(text), text, cue)
    assert governed_by(token, NON_EVENT_GOVERNORS) is governed


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("If talks fail, the rebels say they are ready to attack the capital.", "attack", True),
        ("Army to launch offensive against rebels in the north", "offensive", True),
        ("Dozens of residents gathered outside the council to protest against power cuts.", "protest", False),
        ("Troops continued to shell the rebel-held district.", "shell", False),
    ],
)
def test_infinitives_of_readiness_and_headlines_did_not_happen(text: str, cue: str, expected: bool) -> None:
    token, span = _token(_sentence(text), text, cue)
    assert unrealised(token, span) is expected


def test_talk_words_frame_an_act_only_from_outside_its_phrase() -> None:
    text = "The UN condemned the attack on the village."
    sent = _sentence(text)
    attack, _ = _token(sent, text, "attack")
    condemned, _ = _token(sent, text, "condemned")
    assert frames(condemned, attack)
    text = "Gunmen killed a football coach outside his home."
    sent = _sentence(text)
    killed, _ = _token(sent, text, "killed")
    coach, _ = _token(sent, text, "coach")
    assert not frames(coach, killed)


STRUCTURE_CASES = [
    # who was hit: passive subjects, objects, "on" targets
    ("A village headman was murdered by suspected insurgents in Pattani, police said.", "Attack"),
    ("Two teachers were shot by unidentified gunmen on their way to school.", "Attack"),
    ("Three soldiers were shot by militants at a checkpoint near Miranshah.", "Armed clash"),
    ("An aid worker was stabbed to death by men on a motorbike in Goma.", "Attack"),
    ("Militants raided a refugee camp near Diffa, killing 12 refugees.", "Attack"),
    ("Militants raided an army camp near Diffa, killing 12 soldiers.", "Armed clash"),
    ("Soldiers shot dead a farmer they accused of collaborating with rebels.", "Attack"),
    ("Soldiers opened fire on a minibus at a checkpoint, killing three passengers.", "Attack"),
    ("Five soldiers were killed in an attack on their post near Mopti.", "Armed clash"),
    ("Five villagers were killed in an attack on their village near Mopti.", "Attack"),
    ("A citizen was martyred by the bullets of the occupation soldiers at the entrance of the camp.", "Attack"),
    # a base or headquarters taken is territory taken
    ("Rebels captured an army base near the border after hours of fighting.", "Non-state actor overtakes territory"),
    ("The district headquarters was captured by the Taliban on Thursday.", "Non-state actor overtakes territory"),
    # background: relative clauses, reasons, time phrases, history
    ("The army, which recaptured the area last year, clashed again with rebels there on Monday.", "Armed clash"),
    (
        "Security forces detained a man suspected of planting the roadside bomb that killed three soldiers.",
        "Arrests",
    ),
    ("Police arrested five suspects over last month's bombing of a church in Zamboanga.", "Arrests"),
    (
        "Days after the killing of a student by police, hundreds of students marched through the capital.",
        "Peaceful protest",
    ),
    (
        "Weeks after an attack that killed 20 villagers, gunmen kidnapped a pastor from the same village on Sunday.",
        "Abduction/forced disappearance",
    ),
    ("Five years after militants seized the town, residents are slowly returning to rebuild their homes.", "none"),
    ("Residents are still rebuilding homes destroyed in last year's fighting.", "none"),
    ("A decade after the massacre, survivors still await justice.", "none"),
    # acts that did not happen: plans, threats, fears, trials, headline infinitives, future dates
    ("The ministry said it was preparing an offensive to retake the city.", "none"),
    ("A court in Niamey sentenced three men to 20 years in prison for a 2021 attack on a military post.", "none"),
    (
        "The army denied that its soldiers had killed civilians in the village, saying those killed were militants.",
        "none",
    ),
    ("The army chief said the military was ready to defend the country against any attack.", "none"),
    ("Army to launch offensive against rebels in the north", "none"),
    ("Teachers to stage nationwide protest on Monday", "none"),
    ("If talks fail, the rebels say they are ready to attack the capital.", "none"),
    ("The UN fears a massacre if the militia enters the camp.", "none"),
    ("Police are bracing for violent protests during the summit.", "none"),
    ("Unions announced a general strike for next Tuesday.", "none"),
    ("Protest organisers said they would hold another rally next week.", "none"),
    ("Protesters marched through the city on Monday and vowed to return next week.", "Peaceful protest"),
    # an attempt to take a place is a fight; a purpose infinitive of an act stays real
    (
        "Our forces thwarted an attempt by the militia to advance towards the western front and killed a number "
        "of its elements.",
        "Armed clash",
    ),
    ("Dozens of residents gathered outside the council offices to protest against power cuts.", "Peaceful protest"),
    # talk words that only describe the act
    ("Two aid workers were shot dead while distributing vaccines in a village near Peshawar.", "Attack"),
    ("Gunmen killed a football coach outside his home in Cali.", "Attack"),
    ("Hundreds of people protested in Caracas against US sanctions.", "Peaceful protest"),
    ("The EU imposed sanctions on five militia commanders accused of attacks on civilians.", "none"),
    # ceasefires ended or broken; suspended activities; announced splits
    (
        "The rebel group ended its unilateral ceasefire and ordered its fighters to resume operations.",
        "Change to group/activity",
    ),
    ("The militia suspended all attacks on civilians during the talks.", "Change to group/activity"),
    (
        "Two dissident factions announced a split, with one wing agreeing to join peace talks.",
        "Change to group/activity",
    ),
    # ordinary crime and accidents
    ("A man shot dead his neighbour in a row over a parking space in Accra.", "none"),
    ("A ferry capsized on the lake, killing 30 passengers.", "none"),
    ("A bus plunged into a ravine in Nepal, killing 19 passengers.", "none"),
]


@pytest.mark.parametrize(("text", "expected"), STRUCTURE_CASES)
def test_primary_event_read_from_the_parse(text: str, expected: str) -> None:
    assert _primary(text) == expected


LEXICON_CASES = [
    ("Militants blew up a bridge linking the two towns overnight.", "Looting/property destruction"),
    ("Militants blew up a school, killing two guards.", "Remote explosive/landmine/IED"),
    ("Russian forces launched dozens of Shahed drones at Odesa overnight.", "Air/drone strike"),
    ("Coalition aircraft carried out raids on the capital overnight.", "Air/drone strike"),
    ("Three fishermen were seized by pirates off the coast.", "Abduction/forced disappearance"),
    (
        "A journalist has been missing since masked men took him from his office on Friday.",
        "Abduction/forced disappearance",
    ),
    ("The government and the Houthis swapped 50 detainees in Aden.", "Agreement"),
    ("Both sides agreed to a humanitarian pause to allow the evacuation of the wounded.", "Agreement"),
    ("Authorities cut internet access in the region as unrest spread.", "Other"),
    ("The government declared a six-month state of emergency in the north.", "Other"),
    (
        "A military vehicle jumped on a mine on the road to Ansongo, causing two deaths.",
        "Remote explosive/landmine/IED",
    ),
    ("Wave of arrests of opposition figures in Tunis", "Arrests"),
    ("A mob vandalised shops in the old town after a quarrel.", "Mob violence"),
    ("Villagers set upon two suspected cattle rustlers and beat them to death.", "Mob violence"),
    ("Protesters fought running battles with police, who fired tear gas.", "Violent demonstration"),
    (
        "The army said it had cleared militants from the last villages they held in the district.",
        "Government regains territory",
    ),
    (
        "The rebels withdrew from Kibumba and handed their positions over to the regional force.",
        "Non-violent transfer of territory",
    ),
    ("Troops seized rifles and ammunition from an abandoned rebel camp.", "Disrupted weapons use"),
    ("The rebel group announced the appointment of a new military commander.", "Change to group/activity"),
]


@pytest.mark.parametrize(("text", "expected"), LEXICON_CASES)
def test_primary_event_of_new_phrasings(text: str, expected: str) -> None:
    assert _primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two sides swapped 50 detainees.",
        "A journalist has been missing since Friday.",
        "Investigators found a clandestine grave near the river.",
        "Authorities shut down mobile internet across the province.",
        "Residents gathered peacefully outside the governor's office on Monday.",
        "The wanton destruction of public property must stop.",
    ],
)
def test_the_relevance_gate_lets_through_what_the_typer_reads(text: str) -> None:
    assert is_relevant(Document(raw=text, text=text))
