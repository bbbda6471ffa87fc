"""Choosing one place for each toponym: population, feature class, the document's country focus, co-mentioned
admin areas, and containment ("Hajin, Deir ez-Zor", "X in Y province")."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from frontlines.geo.data import ADMIN1_SUFFIXES, ADMIN2_SUFFIXES
from frontlines.geo.gazetteer import NAMED_AREA_CODE, Gazetteer, Match
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
ADMIN1_WEIGHT = 1.2  # times the (capped) number of other mentions in the candidate's admin1
CONTAINMENT_BONUS = 3.0
ADMIN2_NAMED_BONUS = 1.0  # "Paris ... Henry County": the town whose county the document names elsewhere
PROXIMITY_WEIGHT = 0.8  # per confident other town within NEAR_DEGREES (up to two)
NEAR_DEGREES = 1.0
MAX_ANCHORS = 30
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
        score += SUFFIX_BONUS if code == "ADM2" else 0.0
    elif place.feature_class == "A" and (place.country, place.admin1) in homonym_countries:
        score -= HOMONYM_ADMIN_PENALTY
    elif code == "ADM2":
        score -= BARE_ADM2_PENALTY
    return score


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


def _summed(parts: list[Votes]) -> Votes:
    total: Votes = defaultdict(float)
    for part in parts:
        for key, value in part.items():
            total[key] += value
    return total


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
    anchors: tuple[Place, ...] = ()  # confident picks of other names (second pass)
    names: frozenset[str] = frozenset()  # name keys of every toponym of the document


def _candidate_score(match: Match, base: float, toponym: Toponym, ctx: _DocContext) -> float:
    place = match.place
    total_votes = sum(ctx.votes.values()) or 1.0
    score = base + FOCUS_WEIGHT * ctx.votes.get(place.country, 0.0) / total_votes
    score += ADMIN1_WEIGHT * min(ctx.admin.get(f"{place.country}|{place.admin1}", 0.0), 2.0)
    if ctx.container is not None and _contained_in(place, ctx.container):
        score += CONTAINMENT_BONUS
    if ctx.contained is not None and any(_contained_in(m.place, _only(toponym, place)) for m in ctx.contained.matches):
        score += CONTAINMENT_BONUS  # "Hajin, Deir ez-Zor": the second name is the area holding the first
    if place.feature_class == "P" and place.admin2 and name_key(place.admin2) in ctx.names:
        score += ADMIN2_NAMED_BONUS
    near = sum(1 for a in ctx.anchors if a.geonameid != place.geonameid and _near(a, place))
    return score + PROXIMITY_WEIGHT * min(near, 2)


def _near(a: Place, b: Place) -> bool:
    return abs(a.lat - b.lat) < NEAR_DEGREES and abs(a.lon - b.lon) < NEAR_DEGREES


def _contexts(toponyms: list[Toponym], priors: list[list[float]], text: str) -> list[_DocContext]:
    own_votes = country_votes(toponyms, priors)
    all_votes = _summed(own_votes)
    names = [name_key(t.span.text) for t in toponyms]
    grouped: dict[str, list[Votes]] = defaultdict(list)
    for key, votes in zip(names, own_votes, strict=True):
        grouped[key].append(votes)
    by_name = {key: _summed(parts) for key, parts in grouped.items()}  # a name does not vouch for itself
    admin_votes = _admin1_votes(toponyms, priors)
    admin_total = _summed(admin_votes)
    doc_names = frozenset(names)
    out = []
    for i, toponym in enumerate(toponyms):
        mine = by_name[names[i]]
        out.append(
            _DocContext(
                votes={cc: v - mine.get(cc, 0.0) for cc, v in all_votes.items()},
                admin={area: v - admin_votes[i].get(area, 0.0) for area, v in admin_total.items()},
                container=_container(toponyms, i, text),
                contained=toponyms[i - 1] if i > 0 and _container(toponyms, i - 1, text) is toponym else None,
                names=doc_names,
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


def resolve(toponyms: list[Toponym], text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """One PlaceMention per resolvable toponym, in text order: a first pass on priors and document votes, a second
    that also rewards candidates near the confident picks of other names."""
    priors = [_priors(t) if t.matches else [] for t in toponyms]
    contexts = _contexts(toponyms, priors, text)
    first = [_pick(t, p, c) if t.matches else None for t, p, c in zip(toponyms, priors, contexts, strict=True)]
    confident = {
        (name_key(t.span.text), pick[0]) for t, pick in zip(toponyms, first, strict=True) if pick and pick[1] >= 0.85
    }
    out = []
    for toponym, base, ctx in zip(toponyms, priors, contexts, strict=True):
        if toponym.demonym:
            place = gazetteer.country(toponym.demonym)
            if place is not None:
                out.append(PlaceMention(toponym.span, place, 0.6))
            continue
        key = name_key(toponym.span.text)
        anchors = tuple(p for k, p in confident if k != key and p.feature_class == "P")[:MAX_ANCHORS]
        place, confidence = _pick(toponym, base, replace(ctx, anchors=anchors))
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
