"""Casualty extraction and coding (frontlines.casualties), on fixtures written for these tests.

Most cases run sentence by sentence without the spaCy model (``sentence_reports`` needs only the text); the
``model`` tests run the whole ``extract_casualties`` on Documents.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.casualties import casualty_summary, extract_casualties, extract_force_sizes, summarize
from frontlines.casualties.coref import resolve_references
from frontlines.casualties.extract import sentence_reports
from frontlines.casualties.forces import sentence_force_sizes
from frontlines.casualties.metrics import casualty_scores
from frontlines.model import (
    Actor,
    ActorKind,
    Block,
    BlockKind,
    CasualtyKind,
    CasualtyReport,
    Count,
    Document,
    Span,
    VictimCategory,
)

_PIECES = st.sampled_from(
    ["Two", "soldiers", "and", "a", "civilian", "were", "killed", "injuring", "at least", "12", "people", ",",
     "including", "3", "children", "no one", "was", "hurt", "the", "couple", "lost", "The Front", "about", "900",
     "25-year-old", "since 2011", "(35)", "identified as", "Ali Khan", "dead", "left", "another", "died", "."]
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _reports(text: str, actors: list[tuple[Span, Actor]] | None = None) -> list[CasualtyReport]:
    """Reports of a text split on sentence ends, as extract_casualties would see it (without the model)."""
    reports: list[CasualtyReport] = []
    start, previous = 0, ""
    for piece in [*_SENTENCE_END.split(text)]:
        base = text.index(piece, start)
        reports += sentence_reports(piece, base, actors=actors or [], previous=previous)
        start, previous = base + len(piece), piece
    return reports


def _summary(text: str) -> tuple[int | None, ...]:
    s = summarize(_reports(text))
    return s["fatalities"], s["wounded"], s["killed_civilians"], s["killed_security"], s["killed_perpetrators"]


N = None
# (text, (fatalities, wounded, killed_civilians, killed_security, killed_perpetrators))
CASES = [
    # plain counts with victims and verbs after or before them
    ("Gunmen shot dead three villagers in the market on Monday.", (3, N, 3, N, N)),
    ("Two soldiers and four rebels were killed in a clash near the river.", (6, N, N, 2, 4)),
    ("At least 12 people were killed and 30 others injured when a bomb went off.", (12, 30, N, N, N)),
    ("The explosion left 7 dead and 15 injured, officials said.", (7, 15, N, N, N)),
    ("Troops killed nine insurgents during a raid on the camp.", (9, N, N, N, 9)),
    ("The attack claimed the lives of 14 civilians in the town.", (14, N, 14, N, N)),
    ("Nineteen people lost their lives in the shelling.", (19, N, N, N, N)),
    ("The airstrike on the village killed 8, a local official said.", (8, N, N, N, N)),
    ("A roadside bomb exploded on the highway, killing five and injuring twelve.", (5, 12, N, N, N)),
    ("Eleven killed, 20 wounded in market blast.", (11, 20, N, N, N)),
    ("Police said 4 dead after gunmen stormed a bus station.", (4, N, N, N, N)),
    ("The group mourned 6 martyrs after the clash.", (6, N, N, N, N)),
    # word and conventional quantities, qualifiers, ranges
    ("More than two dozen fighters were killed in the offensive.", (2, N, N, N, 2)),
    ("Dozens of civilians were killed in the air raids.", (12, N, 12, N, N)),
    ("Between 10 and 15 soldiers died in the ambush.", (10, N, N, 10, N)),
    ("About nine hundred militants were killed in the battle for the town.", (900, N, N, N, 900)),
    ("Several people were killed and many injured in the riot.", (N, N, N, N, N)),
    # singular and named victims
    ("A policeman was shot dead at a checkpoint in the city.", (1, N, N, 1, N)),
    ("The couple were killed when their house was shelled.", (2, N, N, N, N)),
    ("Militants killed a schoolteacher and his son in the village.", (2, N, 2, N, N)),
    ("A soldier was killed and another was injured in the blast.", (1, 1, N, 1, N)),
    ("The 25-year-old trader was killed by unidentified assailants.", (1, N, 1, N, N)),
    ("A 40 year old farmer was shot dead in his field.", (1, N, 1, N, N)),
    ("The 25-year-old was killed when gunmen opened fire on the car.", (1, N, N, N, N)),
    ("A 30-year-old, who was walking home, was wounded by a stray bullet.", (N, 1, N, N, N)),
    ("A constable, identified as Ram Prasad (41), was gunned down near the market.", (1, N, N, 1, N)),
    # sub-counts are parts, never added
    ("At least 12 people were killed, including 3 children, in the attack.", (12, N, 3, N, N)),
    ("Nine persons, including four women, were killed when rebels fired on the bus.", (9, N, 4, N, N)),
    ("The blast injured 20 people, including 6 policemen.", (N, 20, N, N, N)),
    # attackers who died
    ("A suicide bomber blew himself up at the gate, killing four guards.", (5, N, N, 4, 1)),
    ("Six soldiers were killed in the attack. The suicide bomber also died.", (7, N, N, 6, 1)),
    # explicit zeros
    ("A grenade exploded near the police station but no one was hurt.", (0, 0, N, N, N)),
    ("The bomb damaged the bridge; there were no casualties.", (0, 0, N, N, N)),
    ("A trader was killed in the attack. No one else was injured.", (1, 0, 1, N, N)),
    ("The convoy was ambushed. The officer escaped unhurt.", (0, 0, N, N, N)),
    # lumped killed-and-wounded is neither a death toll nor an injury count
    ("The fighting left 40 people killed or wounded.", (N, N, N, N, N)),
    ("Officials reported 25 casualties after the shelling.", (N, N, N, N, N)),
    # never casualties: sizes, ages, dates, money, distances, vehicles, durations
    ("A force of 17,000 fighters advanced on the town.", (N, N, N, N, N)),
    ("About 3,000 troops were deployed to the province on 12 March.", (N, N, N, N, N)),
    ("The rebels burned 20 vehicles and 14 houses 30 kilometres from the city.", (N, N, N, N, N)),
    ("The clashes lasted 6 hours and the group demanded Rs 50,000.", (N, N, N, N, N)),
    ("Two militants were arrested in connection with the attack.", (N, N, N, N, N)),
    # background and consequences are not the incident
    ("Since 2011 the war has killed 300,000 people.", (N, N, N, N, N)),
    ("So far this year, militants have killed 85 soldiers in the district.", (N, N, N, N, N)),
    ("The group has killed hundreds of people over the years.", (N, N, N, N, N)),
    ("Two suspects confessed to killing four policemen in the town.", (N, N, N, N, N)),
    ("The rebels killed 5 soldiers in 2019 in the same valley.", (N, N, N, N, N)),
    # separate incidents add up; repeated details do not
    (
        "A militant was killed in an encounter. In another incident, a militant was killed in the hills.",
        (2, N, N, N, 2),
    ),
    (
        "Three soldiers were killed in an ambush. The three soldiers were identified as Ali, Omar and Sami.",
        (3, N, N, 3, N),
    ),
    (
        "Four policemen and two militants were killed in the attack. Police said the two militants were killed in "
        "the retaliatory fire.",
        (6, N, N, 4, 2),
    ),
    # differing figures for a side: the lowest stands (casualty-coding.md), whichever comes first
    (
        "Seven soldiers and ten militants were killed in the clash. The rebels claimed that 30 soldiers were killed.",
        (17, N, N, 7, 10),
    ),
    ("The army said 40 rebels were killed. The rebels said they lost only nine fighters.", (9, N, N, N, 9)),
    # ... but a part of them is no other figure for them
    ("Five bandits were killed in the raid. Two of the bandits were identified by villagers.", (5, N, N, N, 5)),
    # a second unattributed toll from another source does not replace the first
    (
        "Eight people were confirmed dead after the attack. Local leaders said that fifteen people were killed.",
        (8, N, N, N, N),
    ),
    # a later unattributed toll adds to a first clause that named its victims
    (
        "A shopkeeper was shot dead in the bazaar. At least four people were killed in three separate shootings.",
        (4, N, 1, N, N),
    ),
    # a background cue far away in a long run-on sentence does not touch the incident
    (
        "One rebel was killed and a soldier injured in a gunfight at the river crossing on the night of the raid "
        "reports the local daily and the army said the rebel had joined the group three years ago",
        (1, 1, N, N, 1),
    ),
    # days are not names
    ("Six people were killed Wednesday night in the blast.", (6, N, N, N, N)),
    # deaths from injuries leave the injured
    ("Three workers were injured in the blast. One of the injured later succumbed to his injuries.", (1, 2, N, N, N)),
    # victims on top of those already reported: "also", "while", "another", "a third"
    ("Four soldiers were killed in the ambush. A passer-by was also killed.", (5, N, 1, 4, N)),
    ("Gunmen killed five miners and also shot dead a guard dog's owner, police said.", (6, N, 6, N, N)),
    ("A man was shot dead near the bus stand while a man was killed in his shop in another street.", (2, N, N, N, N)),
    ("Two villagers were killed in the shelling. A third villager died in hospital on Friday.", (3, N, 3, N, N)),
    ("A trader was killed while a policeman was injured in the firing.", (1, 1, 1, N, N)),
    # a restated toll stands for the whole incident
    ("At least 30 people were killed in the blast. By Sunday the death toll had risen to 41.", (41, N, N, N, N)),
    (
        "An injured guard died on Monday, raising the death toll from Friday's raid on the depot to six.",
        (6, N, N, 1, N),
    ),
    (
        "Three rebels, who were wounded in the clash, died later, raising the number of rebels killed to eight.",
        (8, N, N, N, 8),
    ),
    # people pointed back at: "two of them", "himself", "one of the injured", "four of the dead were ..."
    ("The gunmen seized three teachers and shot dead two of them.", (2, N, 2, N, N)),
    ("A suicide bomber killed himself and six policemen at the gate.", (7, N, N, 6, 1)),
    ("Militants fled, leaving behind the bodies of two of their comrades.", (2, N, N, N, 2)),
    ("Four porters were injured in the blast. One of the injured died on the way to hospital.", (1, 3, N, N, N)),
    ("At least nine people died in the attack. Five of the dead were pilgrims.", (9, N, 5, N, N)),
    # ranks inside a group take the group's side; militias are non-state unless on the state's side
    ("Eleven insurgents, including a senior leader, were killed in the operation.", (11, N, N, N, 11)),
    ("Four Mai-Mai militiamen and a soldier were killed.", (5, N, N, 1, 4)),
    ("A pro-government militiaman was shot dead.", (1, N, N, 1, N)),
    # deaths outside armed conflict: the people are civilians
    ("Flash floods killed 23 people in the district on Monday.", (23, N, 23, N, N)),
    # wording of deaths and victims
    ("Two soldiers embraced shahadat in the exchange of fire.", (2, N, N, 2, N)),
    ("Troops killed four bandits and two kidnappers in the forest.", (6, N, N, N, 6)),
    ("Two brothers, aged 17 and 22, were shot dead outside their home.", (2, N, 2, N, N)),
    ("A prosecutor and his cousin were killed when gunmen opened fire on their car.", (2, N, 2, N, N)),
    ("Gunmen killed a farmer and his three sons in the village.", (4, N, 4, N, N)),
    ("Two soldiers and their civilian driver were killed by the mine.", (3, N, 1, 2, N)),
    ("A commander of the Red Hand militia and his two bodyguards were killed in the ambush.", (3, N, N, N, 1)),
    ("Three guards were killed and another, identified as Ali Raza, was injured.", (3, 1, N, 3, N)),
    ("Two policemen, Arif Khan and Jamil Shah, were shot dead at the checkpoint.", (2, N, N, 2, N)),
    ("The Taliban have killed more than 20 soldiers in the province.", (20, N, N, 20, N)),
    ("Rebels attacked a police post killing a constable while two others sustained injuries.", (1, 2, N, 1, N)),
    ("The head of the health department said at least six people had been wounded.", (N, 6, N, N, N)),
    # zeros: "nobody was killed" says nothing of the injured; "did not harm anyone" says both
    ("Nobody was killed when the shell hit the school.", (0, N, N, N, N)),
    ("The attackers looted the office but did not harm anyone.", (0, 0, N, N, N)),
    # background: a year, a dated earlier attack, a period
    ("The group has killed 120 people since January 2019.", (N, N, N, N, N)),
    ("He recalled the 2016 attack on the base, in which 19 soldiers were killed.", (N, N, N, N, N)),
    ("Police said 80 militants were killed during the year.", (N, N, N, N, N)),
    ("The ministry said 35 insurgents were killed over the past 24 hours.", (35, N, N, N, 35)),
    # several incidents in one sentence: "in each of", "and another three", "and ... were killed in"
    ("One rebel was killed in each of four clashes in the hills on Sunday.", (4, N, N, N, 4)),
    ("Three soldiers were killed in Kidal and another two in Gao on Friday.", (5, N, N, 5, N)),
    (
        "A policeman was shot dead in the old city and two policemen were killed in a blast in the cantonment.",
        (3, N, N, 3, N),
    ),
    # attackers killed after the toll of their victims add to it; a body found is no other figure
    ("Gunmen killed eight people at a wedding. Three of the gunmen were killed by guards.", (11, N, N, N, 3)),
    (
        "Nine soldiers were killed in the ambush. The army said four rebels were also killed, though only the body "
        "of one rebel was found.",
        (13, N, N, 9, 4),
    ),
    # attackers dying with their victims, apposition of the attacker
    (
        "A bomber believed to be a teenage boy blew himself up, killing six shoppers in addition to himself.",
        (7, N, 6, N, 1),
    ),
    ("The bomber was the only fatality when the device went off early.", (1, N, N, N, 1)),
    ("The bomber, a young man, also died in the blast that killed two guards.", (3, N, N, 2, 1)),
    ("The kidnappers executed three hostages, all foreign engineers.", (3, N, N, N, N)),
    # manners of killing before the victims; sources are not victims
    ("A mob hacked to death a shopkeeper in the market.", (1, N, 1, N, N)),
    ("Four constables were wounded in the firing, a police spokesman said.", (N, 4, N, N, N)),
    # who the people are: complements, titles, ranks of a named group
    ("Six members of a family were killed when a shell hit their home.", (6, N, 6, N, N)),
    ("Gunmen shot dead the district police chief on his way to the office.", (1, N, N, 1, N)),
    ("The deputy commander of the Red Hand group was killed in the raid.", (1, N, N, N, 1)),
    ("Forty people, including 10 women and three children, sustained injuries in the blast.", (N, 40, N, N, N)),
    # elliptical losses
    ("The Northern Front lost 200 fighters, the Southern Army about 150.", (350, N, N, N, 350)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_casualty_coding(text: str, expected: tuple[int | None, ...]) -> None:
    assert _summary(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_sentence_reports_never_crash_and_spans_are_exact(pieces: list[str]) -> None:
    text = " ".join(pieces)
    reports = sentence_reports(text, 7)
    for report in reports:
        assert report.span is not None
        assert text[report.span.start - 7 : report.span.end - 7] == report.span.text
        assert report.count.best >= 0
    summary = summarize(reports)
    assert all(value is None or value >= 0 for value in summary.values())


def test_spans_are_exact_and_kinds_set() -> None:
    text = "Gunmen killed two farmers and abducted three traders. Four others went missing."
    reports = _reports(text)
    kinds = {(r.kind, r.count.best) for r in reports}
    assert (CasualtyKind.KILLED, 2) in kinds
    assert (CasualtyKind.CAPTURED, 3) in kinds
    for report in reports:
        assert text[report.count.span.start : report.count.span.end] == report.count.span.text
        assert report.span is not None and text[report.span.start : report.span.end] == report.span.text


@pytest.mark.parametrize(
    ("text", "kind", "best"),
    [
        ("Police arrested 14 suspects after the riot.", CasualtyKind.CAPTURED, 14),
        ("Gunmen abducted two engineers from the site.", CasualtyKind.CAPTURED, 2),
        ("Six fishermen were taken hostage by pirates.", CasualtyKind.CAPTURED, 6),
        ("Five soldiers are missing after the attack.", CasualtyKind.MISSING, 5),
    ],
)
def test_captured_and_missing(text: str, kind: CasualtyKind, best: int) -> None:
    assert [(r.kind, r.count.best) for r in _reports(text)] == [(kind, best)]
    assert summarize(_reports(text))["fatalities"] is None


def test_named_party_from_actor_spans() -> None:
    text = "The Liberation Front lost 50 fighters in the assault."
    front = Actor(id="lf", name="Liberation Front", kind=ActorKind.REBEL_GROUP)
    reports = _reports(text, actors=[(Span.of(text, 4, 20), front)])
    assert len(reports) == 1
    assert reports[0].actor == front and reports[0].category == VictimCategory.PERPETRATORS
    assert reports[0].count.best == 50


def test_elliptical_second_party_takes_its_actor() -> None:
    text = "Losses were heavy: the Western Brigade lost 80 soldiers, the Eastern Front about 120."
    army = Actor(id="wb", name="Western Brigade", kind=ActorKind.STATE_FORCES)
    rebels = Actor(id="ef", name="Eastern Front", kind=ActorKind.REBEL_GROUP)
    actors = [(Span.of(text, 23, 38), army), (Span.of(text, 61, 74), rebels)]
    reports = _reports(text, actors=actors)
    assert [(r.actor, r.category, r.count.best) for r in reports] == [
        (army, VictimCategory.SECURITY, 80),
        (rebels, VictimCategory.PERPETRATORS, 120),
    ]
    assert summarize(reports)["fatalities"] == 200


def test_summarize_empty_and_zero_only() -> None:
    empty = summarize([])
    assert empty == dict.fromkeys(
        ("fatalities", "wounded", "killed_civilians", "killed_security", "killed_perpetrators")
    )
    zero = Count(0, 0, 0, Span(0, 0, ""), "none")
    only_zero = summarize([CasualtyReport(kind=CasualtyKind.KILLED, count=zero)])
    assert only_zero["fatalities"] == 0 and only_zero["killed_civilians"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army deployed 300 troops to the border.", [(300, "")]),
        ("3,000 troops were deployed in the district.", [(3000, "")]),
        ("A force of 17,000 fighters crossed the river.", [(17000, "")]),
        ("A 500-strong militia attacked the town.", [(500, "")]),
        (
            "An estimated 5,000 militants, including 2,000 foreign fighters, refuse to surrender.",
            [(5000, "including 2,000 foreign fighters")],
        ),
        ("A 15,000 strong crowd rallied against the attacks.", []),
        ("Three soldiers were killed and 5 injured.", []),
        ("The 25-year-old was killed on 3 May.", []),
    ],
)
def test_force_sizes(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.count.best, f.note) for f in sentence_force_sizes(text, 0)] == expected


def test_force_size_actor() -> None:
    text = "The Hill Army deployed 300 troops near the pass."
    army = Actor(id="ha", name="Hill Army", kind=ActorKind.STATE_FORCES)
    found = sentence_force_sizes(text, 0, actors=[(Span.of(text, 4, 13), army)])
    assert [(f.actor, f.count.best) for f in found] == [(army, 300)]


def test_casualty_scores() -> None:
    gold: dict[str, int | None] = {"fatalities": 3, "wounded": None, "killed_civilians": 1}
    items: list[tuple[dict, dict[str, int | None]]] = [
        (gold, {"fatalities": 3, "wounded": None, "killed_civilians": 2}),
        ({"fatalities": None, "wounded": 4}, {"fatalities": 5, "wounded": 4}),
    ]
    scores = casualty_scores(items)
    assert scores["fatalities_exact"] == 0.5 and scores["fatalities_n"] == 2 and scores["fatalities_mae"] == 0
    assert scores["wounded_exact"] == 1.0 and scores["wounded_mae"] == 0
    assert scores["killed_civilians_exact"] == 0 and scores["killed_civilians_mae"] == 1
    assert scores["killed_civilians_n"] == 1 and "killed_security_exact" not in scores


@pytest.mark.model
def test_extract_casualties_on_a_document() -> None:
    text = (
        "Clashes on the frontline. Losses on both sides were great. Government troops lost 40 soldiers, "
        "the rebels about 60. At least 25 civilians were killed by shelling, and 70 people were wounded. "
        "A force of 4,000 fighters now holds the hills."
    )
    doc = Document(raw=text, text=text)
    summary = casualty_summary(doc)
    assert summary["fatalities"] == 125
    assert summary["wounded"] == 70
    assert summary["killed_civilians"] == 25
    assert [f.count.best for f in extract_force_sizes(doc)] == [4000]


@pytest.mark.model
def test_captions_never_count() -> None:
    body = "A bomb exploded near the market on Sunday. Two people were injured."
    caption = "Archive photo: 40 people were killed here in 2015."
    text = f"{body}\n{caption}"
    blocks = [Block(BlockKind.BODY, 0, len(body)), Block(BlockKind.CAPTION, len(body) + 1, len(text))]
    doc = Document(raw=text, text=text, blocks=blocks)
    reports = extract_casualties(doc)
    assert [(r.kind, r.count.best) for r in reports] == [(CasualtyKind.WOUNDED, 2)]
    assert all(r.span is not None and r.span.end <= len(body) for r in reports)


@pytest.mark.model
def test_named_victims_with_the_parser() -> None:
    text = "Gunmen shot dead Imran Qadir near his shop on Friday. Qadir died on the spot."
    assert casualty_summary(Document(raw=text, text=text))["fatalities"] == 1


@pytest.mark.parametrize(
    ("text", "civilians"),
    [
        ("Militants shot and injured a trader, identified as Nazir Ahmad, in the bazaar. Nazir succumbed later.", 1),
        ("Three porters were injured in the blast. One of the injured died on the way to hospital.", 1),
        ("Forty people, including 4 children, were injured. Two of the injured died later.", None),
    ],
)
def test_references_take_the_category_of_earlier_victims(text: str, civilians: int | None) -> None:
    reports = resolve_references(_reports(text), text)
    assert summarize(reports)["killed_civilians"] == civilians


def test_counted_phrases_are_a_fresh_list_each_time() -> None:
    """The phrases of a sentence are remembered for the force-size reader; a caller's list is its own."""
    from frontlines.casualties.phrases import counted_phrases

    sentence = "Three soldiers and two civilians were killed."
    first = counted_phrases(sentence, 100)
    first.append(first[0])
    again = counted_phrases(sentence, 100)
    assert [(p.count.best, p.head, p.count.span.start) for p in again] == [(3, "soldiers", 100), (2, "civilians", 119)]


def test_subcount_cue_far_into_a_long_sentence() -> None:
    """Only the words just before a victim phrase are searched for "including": a long sentence reads the same."""
    tail = "nine people were killed, including four children."
    lead = "In the northern district of the province, far from the capital and its main roads, " * 3

    def reports(sentence: str) -> list[tuple[str, int, str, int]]:
        shift = len(sentence) - len(tail)
        return [
            (r.kind.value, r.count.best, r.category.value, r.span.start - shift) for r in sentence_reports(sentence, 0)
        ]

    assert reports(lead + tail) == reports(tail) == [("killed", 9, "unknown", 0), ("killed", 4, "civilians", 25)]
