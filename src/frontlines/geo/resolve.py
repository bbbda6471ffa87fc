"""Choosing one place for each toponym: population, feature class, the document's country focus, co-mentioned
admin areas, containment ("Hajin, Deir ez-Zor", "X in Y province") and nearness to the other names' picks."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from frontlines.geo.data import ADMIN1_SUFFIXES, ADMIN2_SUFFIXES
from frontlines.geo.gazetteer import NAMED_AREA_CODE, Gazetteer, Match
from frontlines.geo.metrics import haversine_km
from frontlines.geo.normalize import name_key
from frontlines.geo.recognize import Toponym
from frontlines.model import Place, PlaceMention

# Score weights, in log10-population units.
POPULATION_WEIGHT = 0.35
HOW_PENALTY = {"name": 0.0, "alt": 0.8, "loose": 1.5}
# A document whose country votes give one country this share is clearly about it; a pick reached only through an
# alternate or loose name in a country with less than FOREIGN_SHARE of the votes is dropped as far-fetched.
STRONG_FOCUS = 0.5
FOREIGN_SHARE = 0.1
CAPITAL_BONUS = 0.5
COUNTRY_BONUS = 1.5  # a country or named area by its own name: "Georgia", "Lebanon", "Eastern Ghouta"
HOMONYM_ADMIN_PENALTY = 1.0  # "Aleppo" is the city, not the governorate, unless "province" follows
SUFFIX_BONUS = 2.5
BARE_ADM2_PENALTY = 0.7  # "Logan" is the town before Logan County
FOCUS_WEIGHT = 2.5  # times the candidate country's share of the document's country votes
ADMIN1_WEIGHT = 1.2  # times the (capped) votes of the other names for the candidate's admin1
CONTAINMENT_BONUS = 3.0
ADMIN2_NAMED_BONUS = 1.0  # "Paris ... Henry County": the town whose county the document names elsewhere
COUNTY_HOLDS_BONUS = 0.5  # "Walker County ... Huntsville": the county holding a town the document names
# Each other name's pick, weighted by its confidence, pulls towards candidates near it: PROXIMITY_WEIGHT times
# exp(-distance / PROXIMITY_KM), summed and capped at PROXIMITY_CAP picks' worth.
PROXIMITY_WEIGHT = 1.2
PROXIMITY_KM = 100.0
PROXIMITY_CAP = 2.0
MAX_ANCHORS = 30
# Rounds of picking with the previous round's picks as anchors, until the picks stop changing.
COHERENCE_ROUNDS = 3
# A name mentioned n times votes with weight n ** MENTION_DAMPING: a repeated name (or a repeated false toponym,
# "Hartmann" twelve times) does not outvote several distinct names.
MENTION_DAMPING = 0.5
# "Dublin City" is the same name as "Dublin": it does not vouch for it. Words dropped from the end of a name key
# when names are grouped.
SAME_NAME_SUFFIXES = ("city",)
# cities500 lists towns of unknown size with population 0 (admin seats and places over 500 people): score them as
# a town of this size rather than as an empty hamlet, so "Ariha" (0) is not outweighed by a 20,000 alternate.
UNKNOWN_TOWN_POPULATION = 2000
_ADMIN1_SUFFIXES = frozenset(ADMIN1_SUFFIXES)
_ADMIN2_SUFFIXES = frozenset(ADMIN2_SUFFIXES)


def prior(match: Match, toponym: Toponym, homonym_countries: frozenset[tuple[str, str]]) -> float:
    """Context-free score of one candidate."""
    place = match.place
    population = place.population or (UNKNOWN_TOWN_POPULATION if place.feature_class == "P" else 0)
    score = POPULATION_WEIGHT * math.log10(population + 1) - HOW_PENALTY[match.how]
    code = place.feature_code
    if code == "PPLC":
        score += CAPITAL_BONUS
    if (code.startswith("PCL") or code == NAMED_AREA_CODE) and match.how != "loose":
        score += COUNTRY_BONUS  # an area named by one of its own names: "Georgia", "Lebanon", "Darfur"
    if toponym.suffix in _ADMIN1_SUFFIXES:
        score += SUFFIX_BONUS if code == "ADM1" else 0.0
    elif toponym.suffix in _ADMIN2_SUFFIXES:
        score += SUFFIX_BONUS if code == "ADM2" and not _other_kind(place, toponym.suffix) else 0.0
    elif place.feature_class == "A" and (place.country, place.admin1) in homonym_countries:
        score -= HOMONYM_ADMIN_PENALTY
    elif code == "ADM2":
        score -= BARE_ADM2_PENALTY
    return score


def _other_kind(place: Place, suffix: str) -> bool:
    """Whether the area's own name makes it another kind of area than the word written after the toponym: "Ohio
    County" is not what "the Ohio Department of Development" names."""
    last = place.name.rsplit(" ", 1)[-1].lower()
    return last in _ADMIN2_SUFFIXES and last != suffix


def _homonym_countries(matches: tuple[Match, ...]) -> frozenset[tuple[str, str]]:
    """(country, admin1) areas holding a populated place of the same name: there the town is the usual reading
    ("Aleppo", "Idlib"), the area named after it the lesser one."""
    return frozenset(
        (m.place.country, m.place.admin1) for m in matches if m.place.feature_class == "P" and m.how != "loose"
    )


def _priors(toponym: Toponym) -> list[float]:
    homonyms = _homonym_countries(toponym.matches)
    return [prior(m, toponym, homonyms) for m in toponym.matches]


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


Votes = dict[str, float]
Pick = tuple[Place, float] | None  # a toponym's place and the confidence in it


def _summed(parts: list[Votes]) -> Votes:
    total: Votes = defaultdict(float)
    for part in parts:
        for key, value in part.items():
            total[key] += value
    return total


def _by_name(keys: list[str], parts: list[Votes]) -> dict[str, Votes]:
    """The votes of each name: its mentions' votes summed, scaled so that n mentions weigh n ** MENTION_DAMPING."""
    grouped: dict[str, list[Votes]] = defaultdict(list)
    for key, votes in zip(keys, parts, strict=True):
        grouped[key].append(votes)
    out: dict[str, Votes] = {}
    for key, group in grouped.items():
        scale = len(group) ** MENTION_DAMPING / len(group)
        out[key] = {area: value * scale for area, value in _summed(group).items()}
    return out


def _group_key(name: str) -> str:
    """The key under which mentions count as one name: "Dublin City" and "Dublin" are one name."""
    key = name_key(name)
    for word in SAME_NAME_SUFFIXES:
        if key.endswith(" " + word) and len(key) > len(word) + 1:
            return key[: -len(word) - 1]
    return key


def country_votes(toponyms: list[Toponym], priors: list[list[float]]) -> list[Votes]:
    """Per toponym, one vote spread over its candidates' countries; demonyms give theirs whole."""
    out: list[Votes] = []
    for toponym, scores in zip(toponyms, priors, strict=True):
        votes: Votes = defaultdict(float)
        if toponym.demonym:
            votes[toponym.demonym] += 1.0
        elif toponym.matches:
            for match, weight in zip(toponym.matches, _softmax(scores), strict=True):
                votes[match.place.country] += weight
        out.append(votes)
    return out


def _admin1_votes(toponyms: list[Toponym], priors: list[list[float]]) -> list[Votes]:
    """Per toponym, the admin1 areas ("country|admin1") its candidates fall in, weighted like the country votes."""
    out: list[Votes] = []
    for toponym, scores in zip(toponyms, priors, strict=True):
        counter: Votes = defaultdict(float)
        if toponym.matches:
            for match, weight in zip(toponym.matches, _softmax(scores), strict=True):
                if match.place.admin1:
                    counter[f"{match.place.country}|{match.place.admin1}"] += weight
        out.append(counter)
    return out


def _contained_in(place: Place, container: Toponym) -> bool:
    """Whether one of the container's candidates is the candidate's admin1, admin2 or country."""
    for match in container.matches:
        other = match.place
        if other.feature_class != "A" or other.country != place.country or other.geonameid == place.geonameid:
            continue
        if other.feature_code.startswith("PCL"):
            return True
        if name_key(other.name) in (name_key(place.admin1), name_key(place.admin2)):
            return True
    return False


def _only(toponym: Toponym, place: Place) -> Toponym:
    """The toponym with one candidate."""
    return replace(toponym, matches=tuple(m for m in toponym.matches if m.place == place))


def _container(toponyms: list[Toponym], index: int, text: str) -> Toponym | None:
    """The toponym that qualifies this one: 'X, Y' or 'X in Y' right after it."""
    if index + 1 >= len(toponyms):
        return None
    here, nxt = toponyms[index], toponyms[index + 1]
    between = text[here.span.end : nxt.span.start].strip().lower()
    return nxt if between in (",", "in", ", in", "in the", "of", "near") else None


@dataclass(frozen=True, slots=True)
class _DocContext:
    """What the other toponyms of the document say about one toponym's candidates."""

    votes: Votes  # country votes of the other names
    admin: Votes  # admin1 votes of the other names
    container: Toponym | None  # "X, Y": Y
    contained: Toponym | None  # "X, Y" seen from Y: X
    anchors: tuple[tuple[Place, float], ...] = ()  # other names' picks with their weights (coherence rounds)
    names: frozenset[str] = frozenset()  # name keys of every toponym of the document
    counties: frozenset[tuple[str, str, str]] = frozenset()  # (country, admin1, admin2 key) of other names' towns


def _candidate_score(match: Match, base: float, toponym: Toponym, ctx: _DocContext) -> float:
    place = match.place
    total_votes = sum(ctx.votes.values()) or 1.0
    score = base + FOCUS_WEIGHT * ctx.votes.get(place.country, 0.0) / total_votes
    score += ADMIN1_WEIGHT * min(_area_votes(match, toponym, ctx), 2.0)
    if ctx.container is not None and _contained_in(place, ctx.container):
        score += CONTAINMENT_BONUS
    if ctx.contained is not None and any(_contained_in(m.place, _only(toponym, place)) for m in ctx.contained.matches):
        score += CONTAINMENT_BONUS  # "Hajin, Deir ez-Zor": the second name is the area holding the first
    own = name_key(toponym.span.text)
    if place.feature_class == "P" and place.admin2 and name_key(place.admin2) in ctx.names - {own}:
        score += ADMIN2_NAMED_BONUS  # not "Mansfield" for Mansfield town in the Shire of Mansfield
    if (
        place.feature_code == "ADM2"
        and name_key(place.name) == own
        and (place.country, place.admin1, own) in ctx.counties
    ):
        score += COUNTY_HOLDS_BONUS
    return score + PROXIMITY_WEIGHT * _nearness(place, ctx.anchors)


def _area_votes(match: Match, toponym: Toponym, ctx: _DocContext) -> float:
    """The other names' votes for the candidate's admin1 area. A state, a country or a national capital named by
    its own name stands above the document's local areas: it takes the best area's votes of its country, so that
    "California" in a story about Missouri towns is the state, not California, Missouri. Not an area named after
    its own main town ("Aleppo"), where the town is the usual reading."""
    place = match.place
    own = ctx.admin.get(f"{place.country}|{place.admin1}", 0.0)
    code = place.feature_code
    if match.how != "name" or not (code in ("ADM1", "PPLC") or code.startswith("PCL")):
        return own
    if place.feature_class == "A" and (place.country, place.admin1) in _homonym_countries(toponym.matches):
        return own
    prefix = f"{place.country}|"
    return max((v for area, v in ctx.admin.items() if area.startswith(prefix)), default=own)


def _nearness(place: Place, anchors: tuple[tuple[Place, float], ...]) -> float:
    """How many (weighted) anchor towns lie close to the candidate, decaying with distance, capped."""
    near = 0.0
    for anchor, weight in anchors:
        if anchor.geonameid != place.geonameid:
            near += weight * math.exp(-haversine_km(anchor.lat, anchor.lon, place.lat, place.lon) / PROXIMITY_KM)
    return min(near, PROXIMITY_CAP)


def _contexts(toponyms: list[Toponym], priors: list[list[float]], text: str) -> list[_DocContext]:
    groups = [_group_key(t.span.text) for t in toponyms]
    # a name does not vouch for itself: each toponym sees the votes of the other names only
    by_name = _by_name(groups, country_votes(toponyms, priors))
    admin_by_name = _by_name(groups, _admin1_votes(toponyms, priors))
    all_votes, admin_total = _summed(list(by_name.values())), _summed(list(admin_by_name.values()))
    doc_names = frozenset(name_key(t.span.text) for t in toponyms)
    towns: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for group, toponym in zip(groups, toponyms, strict=True):
        towns[group].update(
            (m.place.country, m.place.admin1, name_key(m.place.admin2))
            for m in toponym.matches
            if m.place.feature_class == "P" and m.place.admin2 and m.how != "loose"
        )
    out = []
    for i, toponym in enumerate(toponyms):
        mine, my_admin = by_name[groups[i]], admin_by_name[groups[i]]
        out.append(
            _DocContext(
                votes={cc: v - mine.get(cc, 0.0) for cc, v in all_votes.items()},
                admin={area: v - my_admin.get(area, 0.0) for area, v in admin_total.items()},
                container=_container(toponyms, i, text),
                contained=toponyms[i - 1] if i > 0 and _container(toponyms, i - 1, text) is toponym else None,
                names=doc_names,
                counties=frozenset().union(*(v for k, v in towns.items() if k != groups[i])),
            )
        )
    return out


def _pick(toponym: Toponym, base: list[float], ctx: _DocContext) -> tuple[Place, float]:
    """The best candidate and the confidence (a logistic of its margin over the runner-up)."""
    scored = sorted(
        ((_candidate_score(m, b, toponym, ctx), i) for i, (m, b) in enumerate(zip(toponym.matches, base, strict=True))),
        reverse=True,
    )
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
    return toponym.matches[scored[0][1]].place, 1.0 / (1.0 + math.exp(-margin))


def _coherent(
    toponyms: list[Toponym], priors: list[list[float]], contexts: list[_DocContext], picks: list[Pick]
) -> list[Pick]:
    """Picks again with the other names' picks as anchors, until they stop changing (at most COHERENCE_ROUNDS)."""
    groups = [_group_key(t.span.text) for t in toponyms]
    for _ in range(COHERENCE_ROUNDS):
        anchors = _anchors(groups, picks)
        again: list[Pick] = [
            _pick(t, p, replace(c, anchors=tuple(a for k, a in anchors if k != key)[:MAX_ANCHORS]))
            if t.matches
            else None
            for t, p, c, key in zip(toponyms, priors, contexts, groups, strict=True)
        ]
        if again == picks:
            break
        picks = again
    return picks


def _anchors(groups: list[str], picks: list[Pick]) -> list[tuple[str, tuple[Place, float]]]:
    """Per name, its most confident pick when that is a town, weighted 2 * confidence - 1 (0 for a coin toss)."""
    best: dict[str, tuple[Place, float]] = {}
    for key, pick in zip(groups, picks, strict=True):
        if pick is not None and (key not in best or pick[1] > best[key][1]):
            best[key] = pick
    return [(key, (place, 2 * conf - 1)) for key, (place, conf) in best.items() if place.feature_class == "P"]


def resolve(toponyms: list[Toponym], text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """One PlaceMention per resolvable toponym, in text order: a first pass on priors and document votes, then
    rounds that also reward candidates near the other names' picks."""
    priors = [_priors(t) if t.matches else [] for t in toponyms]
    contexts = _contexts(toponyms, priors, text)
    first: list[Pick] = [
        _pick(t, p, c) if t.matches else None for t, p, c in zip(toponyms, priors, contexts, strict=True)
    ]
    picks = _coherent(toponyms, priors, contexts, first)
    out = []
    for toponym, ctx, pick in zip(toponyms, contexts, picks, strict=True):
        if toponym.demonym:
            place = gazetteer.country(toponym.demonym)
            if place is not None:
                out.append(PlaceMention(toponym.span, place, 0.6))
            continue
        if pick is None:
            continue
        place, confidence = pick
        if _far_fetched(toponym, place, ctx):
            continue
        out.append(PlaceMention(toponym.span, _at_seat(_with_precision(place), toponym), round(confidence, 3)))
    return out


def _far_fetched(toponym: Toponym, place: Place, ctx: _DocContext) -> bool:
    """A pick that only an exonym or a loose spelling reached, in a country the document is not about while it is
    clearly about another ("Boni" in a report from Mali is not Bonn): better unresolved than on another continent."""
    how = next((m.how for m in toponym.matches if m.place.geonameid == place.geonameid), "name")
    total = sum(ctx.votes.values())
    if how == "name" or total <= 0 or place.feature_class != "P":
        return False  # countries and regions go by many names ("U.S.", "the States"): only towns are far-fetched
    shares = {country: votes / total for country, votes in ctx.votes.items()}
    return max(shares.values()) >= STRONG_FOCUS and shares.get(place.country, 0.0) < FOREIGN_SHARE


def _with_precision(place: Place) -> Place:
    """Place.precision from its kind: towns 1, admin2 areas 2, admin1 areas and countries 3; named areas their own."""
    if place.feature_code == NAMED_AREA_CODE:
        return place  # a named area carries its own size
    wanted = 1 if place.feature_class == "P" else 2 if place.feature_code == "ADM2" else 3
    return place if place.precision == wanted else replace(place, precision=wanted)


def _at_seat(place: Place, toponym: Toponym) -> Place:
    """A province named after its capital ("Daraa province", "Kano State") is placed at that capital, as ACLED places
    province-level events at the provincial capital; its precision stays that of a province."""
    if place.feature_code != "ADM1":
        return place
    seats = [
        m.place
        for m in toponym.matches
        if m.how == "name"
        and m.place.feature_class == "P"
        and (m.place.country, m.place.admin1) == (place.country, place.admin1)
    ]
    if not seats:
        return place
    seat = max(seats, key=lambda p: p.population)
    return replace(place, lat=seat.lat, lon=seat.lon)
