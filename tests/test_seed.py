"""End to end on the seed article (read from ../shared, never copied): what the first issue says a good run yields."""

import unicodedata

import pytest

from frontlines.ingest import iter_documents
from frontlines.model import BlockKind, CasualtyKind, Modality, VictimCategory
from frontlines.pipeline import default_pipeline

pytestmark = [pytest.mark.model, pytest.mark.gold]


@pytest.fixture(scope="module")
def seed(seed_path):
    (doc,) = iter_documents([seed_path])
    return default_pipeline().process(doc)


def ascii_fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def killed_by(event, word):
    return [
        r.count.best
        for r in event.casualties.reports
        if r.kind == CasualtyKind.KILLED and r.actor is not None and word in (r.actor.name + " " + r.actor.id).lower()
    ]


def test_no_boilerplate_in_main_text(seed):
    for furniture in ("Leave a Reply", "Related Articles", "Show More", "Back to top", "AdBlock", "Required fields"):
        assert furniture not in seed.text
    kinds = {block.kind for block in seed.blocks}
    assert BlockKind.CAPTION in kinds and BlockKind.PULLQUOTE in kinds


def test_main_event_is_the_capture_of_hajin_by_the_sdf(seed):
    main = seed.events[0]
    assert main.sub_event_type == "Non-state actor overtakes territory"
    assert main.actor1 is not None and "syrian democratic forces" in main.actor1.name.lower()
    assert main.actor2 is not None and "islamic state" in main.actor2.name.lower()
    assert main.location is not None and ascii_fold(main.location.place.name) == "Hajin"  # GeoNames: "Hajīn"
    assert main.location.place.country == "SY" and main.location.place.precision == 1
    assert "deir" in main.location.place.admin1.lower()
    assert main.territory is not None and main.territory.to_actor == main.actor1
    assert main.territory.from_actor == main.actor2


def test_supporting_forces_are_associated(seed):
    names = " ".join(a.name.lower() + " " + a.country for a in seed.events[0].assoc_actor_1)
    assert "ypg" in names or "people's protection units" in names
    assert "US" in names.upper().split() or "united states" in names
    assert "iraq" in names


def test_losses_by_side(seed):
    main = seed.events[0]
    assert killed_by(main, "syrian democratic forces") == [500]
    assert killed_by(main, "islamic state") == [900]
    civilians = [
        r.count
        for event in seed.events
        for r in event.casualties.reports
        if r.kind == CasualtyKind.KILLED and r.category == VictimCategory.CIVILIANS
    ]
    assert [c.best for c in civilians] == [320] and civilians[0].qualifier == "at_least"


def test_force_sizes_are_not_deaths(seed):
    sizes = sorted(f.count.best for e in seed.events for f in e.force_sizes)
    assert 17000 in sizes and 5000 in sizes
    deaths = [r.count.best for e in seed.events for r in e.casualties.reports]
    assert not {17000, 5000, 2000} & set(deaths)


def test_air_raids_are_a_separate_event_flown_by_the_us(seed):
    (strike,) = [e for e in seed.events[1:] if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1 is not None and strike.actor1.country == "US"  # "American elite troops and air force"


def test_spokesman_quoted_once_with_role(seed):
    quotes = [q for q in seed.quotes if "last legs" in q.text]
    assert len(quotes) == 1
    assert "Ryan" in quotes[0].speaker and "spokes" in quotes[0].role.lower()


def test_claims_have_their_modality(seed):
    predicted = [c for c in seed.claims if c.modality == Modality.PREDICTED]
    assert any("Trump" in c.source for c in predicted)
    speculative = [c for c in seed.claims if c.modality == Modality.SPECULATIVE]
    assert any("indications" in c.text or "chance" in c.text for c in speculative)


def test_every_span_points_into_the_text(seed):
    for event in seed.events:
        spans = [event.trigger, *(s for _, s in event.actor_spans)]
        spans += [r.count.span for r in event.casualties.reports]
        if event.location:
            spans.append(event.location.span)
        for span in spans:
            assert seed.text[span.start : span.end] == span.text
