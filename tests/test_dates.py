"""Date expressions found and resolved against the publication date: every form, year rollover, no future."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.dates import FALLBACK_PRECISION, find_dates, resolve_event_date
from frontlines.model import Block, BlockKind, DatePrecision, Document, Span

DAY, WEEK, MONTH, YEAR = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR
FRIDAY = date(2019, 3, 15)  # a Friday


def doc_of(text: str, published: date | None = FRIDAY, blocks: list[Block] | None = None) -> Document:
    return Document(raw=text, text=text, published=published, blocks=blocks or [])


def only_date(text: str, published: date | None = FRIDAY) -> tuple[Span, tuple[date, date, DatePrecision]]:
    found = find_dates(doc_of(text, published))
    assert len(found) == 1, found
    span, rng = found[0]
    return span, (rng.start, rng.end, rng.precision)


@pytest.mark.parametrize(
    ("sentence", "expression", "start", "end", "precision"),
    [
        # absolute dates, year inferred as the latest one not after publication
        ("Rebels attacked the base on July 23.", "July 23", date(2018, 7, 23), date(2018, 7, 23), DAY),
        ("Rebels attacked the base on March 10.", "March 10", date(2019, 3, 10), date(2019, 3, 10), DAY),
        ("The convoy was ambushed on March 20.", "March 20", date(2018, 3, 20), date(2018, 3, 20), DAY),
        ("The siege began on 23 July 2018 at dawn.", "23 July 2018", date(2018, 7, 23), date(2018, 7, 23), DAY),
        ("Clashes erupted December 14, 2018, in the north.", "December 14, 2018", date(2018, 12, 14), None, DAY),
        ("Talks collapsed on the 5th of March.", "5th of March", date(2019, 3, 5), None, DAY),
        ("Shelling resumed Sept. 9 near the dam.", "Sept. 9", date(2018, 9, 9), None, DAY),
        ("The report is dated 2019-03-02.", "2019-03-02", date(2019, 3, 2), None, DAY),
        ("The raid took place on 02/03/2019.", "02/03/2019", date(2019, 3, 2), None, DAY),
        ("Protests were held on Friday, March 8.", "Friday, March 8", date(2019, 3, 8), None, DAY),
        ("Fighting raged on March 11-12 around the port.", "March 11-12", date(2019, 3, 11), date(2019, 3, 12), WEEK),
        # weekdays: the latest such day on or before publication
        ("Militants stormed the village on Friday.", "Friday", FRIDAY, None, DAY),
        ("Militants stormed the village on Thursday.", "Thursday", date(2019, 3, 14), None, DAY),
        ("Militants stormed the village last Friday.", "last Friday", date(2019, 3, 8), None, DAY),
        ("A car bomb exploded Sunday night in the market.", "Sunday night", date(2019, 3, 10), None, DAY),
        ("Gunmen opened fire late on Tuesday.", "late on Tuesday", date(2019, 3, 12), None, DAY),
        # relative days and periods
        ("Two soldiers were killed yesterday.", "yesterday", date(2019, 3, 14), None, DAY),
        ("An airstrike hit the camp yesterday morning.", "yesterday morning", date(2019, 3, 14), None, DAY),
        ("Explosions were heard last night.", "last night", date(2019, 3, 14), None, DAY),
        ("The army said today it had retaken the hill.", "today", FRIDAY, None, DAY),
        ("The bridge was blown up three days ago.", "three days ago", date(2019, 3, 12), None, DAY),
        ("The town fell two weeks ago.", "two weeks ago", date(2019, 2, 25), date(2019, 3, 3), WEEK),
        ("Dozens were arrested last week.", "last week", date(2019, 3, 4), date(2019, 3, 10), WEEK),
        ("Dozens were arrested this week.", "this week", date(2019, 3, 11), FRIDAY, WEEK),
        ("The offensive started last month.", "last month", date(2019, 2, 1), date(2019, 2, 28), MONTH),
        ("The leader was last heard in August.", "August", date(2018, 8, 1), date(2018, 8, 31), MONTH),
        ("The leader was last heard last August.", "last August", date(2018, 8, 1), date(2018, 8, 31), MONTH),
        ("The camp was emptied in March.", "March", date(2019, 3, 1), FRIDAY, MONTH),
        ("The camp was emptied last March.", "last March", date(2018, 3, 1), date(2018, 3, 31), MONTH),
        ("Raids intensified in mid-January.", "mid-January", date(2019, 1, 1), date(2019, 1, 31), MONTH),
        ("The group took the city in May.", "May", date(2018, 5, 1), date(2018, 5, 31), MONTH),
        ("The ceasefire collapsed in August 2017.", "August 2017", date(2017, 8, 1), date(2017, 8, 31), MONTH),
        ("Troops withdrew earlier this year.", "earlier this year", date(2019, 1, 1), FRIDAY, YEAR),
        ("Troops withdrew last year.", "last year", date(2018, 1, 1), date(2018, 12, 31), YEAR),
        ("The caliphate was declared in 2014.", "2014", date(2014, 1, 1), date(2014, 12, 31), YEAR),
        ("Shops were looted recently.", "recently", date(2019, 3, 9), FRIDAY, WEEK),
    ],
)
def test_expression_resolves(
    sentence: str, expression: str, start: date, end: date | None, precision: DatePrecision
) -> None:
    span, resolved = only_date(sentence)
    assert span.text == expression
    assert sentence[span.start : span.end] == expression
    assert resolved == (start, end or start, precision)


@pytest.mark.parametrize(
    ("published", "sentence", "expected"),
    [
        (date(2019, 1, 5), "The attack came on Dec. 14.", date(2018, 12, 14)),
        (date(2019, 1, 5), "The attack came on Jan. 3.", date(2019, 1, 3)),
        (date(2019, 1, 5), "The attack came on 30 December.", date(2018, 12, 30)),
        (date(2019, 1, 2), "The attack came on Friday.", date(2018, 12, 28)),
        (date(2019, 1, 2), "The attack came last week.", date(2018, 12, 24)),
        (date(2019, 1, 10), "The attack came last month.", date(2018, 12, 1)),
        (date(2019, 1, 10), "The attack came in December.", date(2018, 12, 1)),
        (date(2020, 3, 1), "The attack came on Feb. 29.", date(2020, 2, 29)),
        (date(2019, 3, 1), "The attack came on Feb. 29.", date(2016, 2, 29)),
    ],
)
def test_year_rollover(published: date, sentence: str, expected: date) -> None:
    _, (start, _end, _precision) = only_date(sentence, published)
    assert start == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Elections are planned for 20 March 2019.",
        "The talks will resume next Friday.",
        "The talks will resume on the coming Monday.",
        "Elections are due in 2020.",
        "A summit is scheduled for December 2019.",
    ],
)
def test_no_future_dates(sentence: str) -> None:
    assert find_dates(doc_of(sentence)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It was only after three months of bloody fighting that the town fell.",
        "The region was held for three years by the militia.",
        "The recording lasted over 45 minutes.",
        "A 24-hour ceasefire was agreed.",
        "The three-day offensive left the town in ruins.",
        "Over the past three years the group lost ground.",
        "May God protect them, the imam said.",
        "A force of 2,000 fighters crossed the river.",
        "They will march on the capital.",
        "March organisers said the route was changed.",
    ],
)
def test_durations_and_non_dates_rejected(sentence: str) -> None:
    assert find_dates(doc_of(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "resolves"),
    [
        ("Militants stormed the village on Friday.", False),
        ("Two soldiers were killed yesterday.", False),
        ("The leader was last heard in August.", False),
        ("The siege began on 23 July 2018.", True),
        ("The caliphate was declared in 2014.", True),
    ],
)
def test_without_publication_only_absolute_dates(sentence: str, resolves: bool) -> None:
    assert bool(find_dates(doc_of(sentence, published=None))) is resolves


def test_no_future_of_today_without_publication() -> None:
    assert find_dates(doc_of("The festival is planned for 1 January 2099.", published=None)) == []


# -- event dates --------------------------------------------------------------------------------------------------

STORY = (
    "Fighting has raged in the province since 2014. "
    "On Tuesday, rebels overran an army post near the river. "
    "Eleven soldiers were killed. "
    "The group first seized the area in 2016."
)


def sentence_span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span.of(text, start, start + len(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected_start", "expected_precision"),
    [
        ("On Tuesday, rebels overran an army post near the river.", date(2019, 3, 12), DAY),
        ("Eleven soldiers were killed.", date(2019, 3, 12), DAY),  # carried over from the sentence before
        ("The group first seized the area in 2016.", date(2016, 1, 1), YEAR),
        ("Fighting has raged in the province since 2014.", date(2014, 1, 1), YEAR),  # only a boundary: still used
    ],
)
def test_event_date_of_sentence(sentence: str, expected_start: date, expected_precision: DatePrecision) -> None:
    found = resolve_event_date(doc_of(STORY), sentence_span(STORY, sentence))
    assert found is not None
    assert (found.start, found.precision) == (expected_start, expected_precision)
    assert found.span is not None and STORY[found.span.start : found.span.end] == found.span.text


def test_boundary_date_loses_to_plain_date() -> None:
    text = "Fighting has raged since 2014, and on Friday rebels took the town."
    found = resolve_event_date(doc_of(text), Span.of(text, 0, len(text)))
    assert found is not None and found.start == FRIDAY and found.span is not None and found.span.text == "Friday"


def test_background_year_does_not_carry_over() -> None:
    text = "The group declared its caliphate in 2014. Gunmen attacked a checkpoint."
    found = resolve_event_date(doc_of(text), sentence_span(text, "Gunmen attacked a checkpoint."))
    assert found is not None
    assert (found.start, found.end, found.precision, found.span) == (FRIDAY, FRIDAY, FALLBACK_PRECISION, None)


def test_fallback_needs_publication() -> None:
    text = "Gunmen attacked a checkpoint."
    assert resolve_event_date(doc_of(text, published=None), Span.of(text, 0, len(text))) is None


def test_document_level_date_is_the_lead_date() -> None:
    found = resolve_event_date(doc_of(STORY), None)
    assert found is not None and found.start == date(2019, 3, 12)


def test_caption_dates_are_not_carried_over() -> None:
    caption = "Photo taken on Monday. "
    body = "Gunmen attacked a checkpoint."
    text = caption + body
    blocks = [Block(BlockKind.CAPTION, 0, len(caption)), Block(BlockKind.BODY, len(caption), len(text))]
    found = resolve_event_date(doc_of(text, blocks=blocks), sentence_span(text, body))
    assert found is not None and found.span is None


# -- robustness ---------------------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "on Friday", "July 23", "23 July 2019", "Dec. 14", "yesterday", "last week", "in May", "May", "2019-02-30",
        "31/02/2019", "Feb. 29", "since 2014", "three days ago", "mid-", "Sunday night", ", ", " ", "\n", "the 5th of",
        "next", "March 11-", "99", "12/13/2018", "earlier this year", "Sat.", "Jan", "recently", "ago", "last",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=12),
    published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
)
def test_find_dates_never_crashes_and_spans_are_exact(parts: list[str], published: date | None) -> None:
    text = " ".join(parts)
    bound = published or date.today()
    for span, rng in find_dates(doc_of(text, published)):
        assert text[span.start : span.end] == span.text
        assert rng.span == span
        assert rng.start <= rng.end <= bound


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Rebels attacked on Monday. The previous day, a drone was shot down.", "The previous day", date(2019, 3, 10)),
        ("Rebels attacked on March 4. Two days later the army struck back.", "Two days later", date(2019, 3, 6)),
        ("Rebels attacked on Tuesday. That night the town was shelled.", "That night", date(2019, 3, 12)),
        ("The previous day, a drone was shot down.", "The previous day", None),  # nothing to count from
        ("Rebels attacked on Monday. The next day is a holiday.", "The next day", date(2019, 3, 12)),
    ],
)
def test_anaphoric_days_follow_the_last_named_day(text: str, expression: str, expected: date | None) -> None:
    found = {span.text: rng.start for span, rng in find_dates(doc_of(text))}
    assert found.get(expression) == expected


FORMATS = ["%d %B %Y", "%B %d, %Y", "%b. %d, %Y", "%Y-%m-%d", "%A, %B %d, %Y", "%d/%m/%Y", "%d-%b-%Y"]
YEARLESS = ["%B %d", "%d %B", "%b. %d", "the %dth of %B"]


@settings(max_examples=200, deadline=None)
@given(
    published=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
    back=st.integers(min_value=0, max_value=364),
    layout=st.sampled_from(FORMATS + YEARLESS),
)
def test_rendered_dates_resolve_to_themselves(published: date, back: int, layout: str) -> None:
    """Any day up to a year before publication, written in a common layout, resolves to that day (year inferred
    for the layouts without one)."""
    from datetime import timedelta

    day = published - timedelta(days=back)
    if layout == "%d/%m/%Y" and day.day <= 12 and day.day != day.month:
        return  # day/month order is ambiguous there: covered by the table above
    expression = day.strftime(layout).replace(" 0", " ")
    if expression.startswith("0"):
        expression = expression[1:]
    text = f"Gunmen attacked the post on {expression} at dawn."
    found = find_dates(doc_of(text, published))
    assert [(rng.start, rng.precision) for _, rng in found] == [(day, DAY)], expression


def test_every_relative_phrase_has_an_anchor_word() -> None:
    """The page is searched only around anchor words: each relative phrase of the lexicon must contain one."""
    from frontlines.dates import lexicon

    phrases = [
        *lexicon.RELATIVE_DAYS,
        *lexicon.RELATIVE_PERIODS,
        *lexicon.RECENT_WORDS,
        *lexicon.ANAPHORIC_DAYS,
        "three days ago",
    ]
    for phrase in phrases:
        assert set(phrase.lower().split()) & lexicon.RELATIVE_ANCHORS, phrase


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("MOGADISHU, March 14 - A strike hit the town on Sunday.", True),
        ("KABUL (Reuters) Aug 3 — Gunmen attacked a post.", True),
        ("April 8 – Fighting resumed near the town on Monday.", True),
        ("Fighting resumed on April 8 - the army said.", False),
        ("The attack on March 14 killed five people.", False),
    ],
)
def test_datelines_are_report_dates_not_event_dates(text, dateline):
    from frontlines.dates.find import date_hits, is_dateline

    first = date_hits(text, date(2024, 4, 9))[0]
    assert is_dateline(text, first.span) is dateline
