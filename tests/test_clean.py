"""The clean stage: HTML and plain text in, main text with exact blocks, date, language or a discard out."""

from __future__ import annotations

import itertools
import time
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.clean import MAX_RAW_BYTES, clean_document, main_text
from frontlines.clean.encoding import decode_bytes, looks_binary
from frontlines.clean.html import with_fallback
from frontlines.clean.language import detect_language
from frontlines.clean.metrics import body_scores, pubdate_accuracy, snippet_scores
from frontlines.clean.pubdate import declared_published, is_bare_year, jsonld_published, text_published
from frontlines.clean.text import Unit, assemble, classify, is_caption, is_furniture, split_units
from frontlines.model import Block, BlockKind, Document

PARAGRAPHS = [
    "Government troops retook the river town of Marenko on Tuesday after a week of heavy fighting with fighters "
    "of the Northern Liberation Front, the army said in a statement read on state radio.",
    "At least 14 soldiers and 30 rebels were killed in the clashes, a military spokesman told reporters in the "
    "capital, adding that several hundred families had fled across the river before the assault began.",
    "Residents described days of shelling. \u201cWe hid in the cellar for four nights while the houses above us "
    "burned,\u201d said Amina Doro, a teacher who reached a camp for displaced people on Thursday.",
    "The rebels, who seized Marenko in March, said in a message on social media that their fighters had withdrawn "
    "in good order and that the war for the northern provinces was far from over.",
]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Army retakes Marenko after week of fighting | The Daily Courier</title>
<meta property="og:title" content="Army retakes Marenko after week of fighting">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2021-06-15T08:30:00Z"}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Army retakes Marenko after week of fighting</h1>
<p>{}</p>
<p>{}</p>
<h2>Families flee across the river</h2>
<p>{}</p>
<p>{}</p>
</article>
<section class="comments"><h3>Leave a Reply</h3>
<p>Your email address will not be published. Required fields are marked *</p></section>
<footer><p>Copyright 2021 The Daily Courier. All rights reserved.</p></footer>
</body></html>
""".format(*PARAGRAPHS)

FURNITURE_TEXT = "\n\n".join(
    [
        "Rebels seize Marenko after week-long siege",
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "Heavy losses",
        PARAGRAPHS[2],
        "\u201cWe hid in the cellar for four nights while the houses above us burned,\u201d Amina Doro",
        PARAGRAPHS[3],
        "\u00a9Reuters \u2013 Smoke rises over Marenko during the fighting on Tuesday.",
        "Share this article",
        "Show More",
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Comments are moderated before they appear.",
        "Back to top button",
        "Please disable your ad blocker to keep reading our free journalism.",
    ]
)


PASTED_PAGE = """Home \u00bb World \u00bb Middle East
Dozens killed as air strikes hit market in northern town
By Staff Writer
Published: 12 March 2020 - 10:45
Share on Facebook
Share via Email
At least 34 people were killed on Thursday when air strikes hit a crowded market in the northern town of Kafr Loma, \
a monitoring group and local rescuers said.
ADVERTISEMENT
The strikes came a day after rebel fighters shelled a government checkpoint on the edge of the town, killing two \
soldiers, according to the defence ministry.
READ MORE: Ceasefire talks stall as fighting spreads
Rescue workers said they were still pulling bodies from the rubble late on Thursday. "We have never seen anything \
like this," one volunteer said.
Image: Residents search the rubble of the market after the strikes. (AFP)
Topics: Middle East, Conflict
Subscribe to our newsletter
Most Popular
1. Floods hit coastal villages
2. Election results delayed again
"""


def html_doc(html: str | bytes, **kwargs: object) -> Document:
    return Document(raw=html, media_type="text/html", **kwargs)  # type: ignore[arg-type]


def assert_blocks_valid(doc: Document) -> None:
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start < block.end <= len(doc.text)
        assert doc.text[block.start : block.end] == doc.text[block.start : block.end].strip()
        previous_end = block.end


def texts_of(doc: Document, kind: BlockKind) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == kind]


# --- HTML pages -----------------------------------------------------------------------------------------------------


def test_html_article_main_text_title_date_and_headings() -> None:
    doc = clean_document(html_doc(ARTICLE_HTML, url="https://courier.example/world/marenko"))
    assert doc.discard is None
    assert doc.title == "Army retakes Marenko after week of fighting"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.blocks[0] == Block(BlockKind.TITLE, 0, len(doc.title))
    assert texts_of(doc, BlockKind.TITLE) == [doc.title]
    assert "Families flee across the river" in texts_of(doc, BlockKind.HEADING)
    body = main_text(doc)
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    for furniture in ("Leave a Reply", "Your email address", "All rights reserved", "Sport"):
        assert furniture not in body
    assert doc.published == date(2021, 6, 15)
    assert doc.published_source == "metadata"
    assert doc.language == "en"
    assert_blocks_valid(doc)


def test_page_without_title_metadata_takes_its_first_heading() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = clean_document(html_doc(f"<html><body><article><h2>Marenko retaken</h2>{body}</article></body></html>"))
    assert doc.title == "Marenko retaken"
    assert doc.blocks[0] == Block(BlockKind.TITLE, 0, len("Marenko retaken"))
    assert main_text(doc).startswith(PARAGRAPHS[0])


def test_given_published_wins_over_the_page() -> None:
    doc = clean_document(html_doc(ARTICLE_HTML, given_published=date(2021, 6, 16)))
    assert (doc.published, doc.published_source) == (date(2021, 6, 16), "input")


def test_no_date_after_fetch_day() -> None:
    doc = clean_document(html_doc(ARTICLE_HTML, fetched_at=datetime(2021, 6, 1, 12, 0)))
    assert doc.published is None or doc.published <= date(2021, 6, 1)


def test_html_bytes_in_cp1252_are_decoded() -> None:
    html = ARTICLE_HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    doc = clean_document(html_doc(html.encode("cp1252")))
    assert "\u201cWe hid in the cellar" in doc.text
    assert doc.discard is None


def test_html_with_only_navigation_is_empty() -> None:
    links = "<a href='/'>Home</a> <a href='/news'>News</a> <a href='/contact'>Contact</a>"
    html = f"<html><body><nav>{links}</nav></body></html>"
    doc = clean_document(html_doc(html))
    assert doc.discard is not None and doc.discard.reason == "empty"


def test_fragment_extraction_falls_back_to_baseline() -> None:
    from trafilatura.utils import load_html

    tree = load_html(ARTICLE_HTML)
    units = with_fallback(tree, [Unit("Army retakes Marenko")])
    assert any(PARAGRAPHS[1] in unit.text for unit in units)
    full = [Unit(p) for p in PARAGRAPHS]
    assert with_fallback(tree, full) == full


def test_non_english_page_is_discarded_but_keeps_its_date_and_title() -> None:
    german = " ".join(
        [
            "Die Regierungstruppen haben die Stadt am Dienstag nach einer Woche schwerer Kämpfe zurückerobert.",
            "Mindestens vierzehn Soldaten und dreißig Rebellen wurden bei den Gefechten getötet, sagte ein Sprecher.",
            "Hunderte Familien sind über den Fluss geflohen, bevor der Angriff begann, berichten die Bewohner.",
        ]
    )
    html = (
        '<html lang="de"><head><title>Armee erobert Stadt zurück</title>'
        '<meta property="article:published_time" content="2020-03-04T10:00:00+01:00"></head>'
        f"<body><article><h1>Armee erobert Stadt zurück</h1><p>{german}</p><p>{german}</p></article></body></html>"
    )
    doc = clean_document(html_doc(html))
    assert doc.discard is not None and doc.discard.reason == "not_english"
    assert doc.discard.detail == "de"
    assert doc.published == date(2020, 3, 4)
    assert doc.title == "Armee erobert Stadt zurück"


# --- plain text with site furniture ---------------------------------------------------------------------------------


def test_furniture_text_blocks() -> None:
    doc = clean_document(Document(raw=FURNITURE_TEXT))
    assert doc.discard is None
    assert doc.title == "Rebels seize Marenko after week-long siege"
    assert texts_of(doc, BlockKind.TITLE) == [doc.title]
    assert texts_of(doc, BlockKind.HEADING) == ["Heavy losses"]
    assert texts_of(doc, BlockKind.PULLQUOTE) == [
        "\u201cWe hid in the cellar for four nights while the houses above us burned,\u201d Amina Doro"
    ]
    assert texts_of(doc, BlockKind.CAPTION) == [
        "\u00a9Reuters \u2013 Smoke rises over Marenko during the fighting on Tuesday."
    ]
    assert texts_of(doc, BlockKind.BODY) == PARAGRAPHS
    for furniture in ("Show More", "Related Articles", "Leave a Reply", "Back to top", "ad blocker", "Share this"):
        assert furniture not in doc.text
    assert_blocks_valid(doc)
    assert doc.is_event_text(doc.text.index("Government troops"))
    assert not doc.is_event_text(doc.text.index("Smoke rises"))


def test_pasted_page_with_single_line_breaks() -> None:
    doc = clean_document(Document(raw=PASTED_PAGE))
    assert doc.title == "Dozens killed as air strikes hit market in northern town"
    assert (doc.published, doc.published_source) == (date(2020, 3, 12), "text")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.BODY, BlockKind.BODY, BlockKind.BODY, BlockKind.CAPTION]
    for furniture in ("Home", "Staff Writer", "Share", "ADVERTISEMENT", "READ MORE", "Topics", "newsletter", "Floods"):
        assert furniture not in doc.text
    assert_blocks_valid(doc)


def test_plain_text_date_from_dateline() -> None:
    text = "KABUL, March 3, 2019 - " + PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    doc = clean_document(Document(raw=text))
    assert (doc.published, doc.published_source) == (date(2019, 3, 3), "text")


def test_single_headline_is_body_and_english() -> None:
    doc = clean_document(Document(raw="Gunmen kill 12 in Borno"))
    assert doc.discard is None
    assert doc.language == "en"
    assert [b.kind for b in doc.blocks] == [BlockKind.BODY]


def test_hard_wrapped_paragraph_is_joined() -> None:
    units = split_units("The army said the town\nwas retaken on Tuesday.\n\nA second paragraph.")
    assert [u.text for u in units] == ["The army said the town was retaken on Tuesday.", "A second paragraph."]


WRAPPED = "The army said the town\nwas retaken on  Tuesday.\r\nA  second paragraph\twith tabs.  "


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (PARAGRAPHS[0], PARAGRAPHS[0]),
        ("\n".join(PARAGRAPHS), "\n".join(PARAGRAPHS)),
        ("  " + "\n\n".join(PARAGRAPHS), "  " + "\n\n".join(PARAGRAPHS)),
        (WRAPPED, WRAPPED.replace("town\n", "town ").rstrip()),  # a wrapped line is joined, same length
    ],
)
def test_clean_plain_text_keeps_offsets(raw: str, expected: str) -> None:
    """Text without furniture keeps its characters and offsets, so spans map back onto the input."""
    doc = clean_document(Document(raw=raw))
    assert doc.text == expected
    assert_blocks_valid(doc)


def test_offsets_before_dropped_furniture_are_unchanged() -> None:
    doc = clean_document(Document(raw=FURNITURE_TEXT))
    cut = FURNITURE_TEXT.index("Share this article")
    assert FURNITURE_TEXT[:cut].rstrip() == doc.text


def test_dateline_line_is_dropped_but_gives_the_date() -> None:
    raw = "\n\n".join(["Rebels seize Marenko", "By Jane Doe", "Published: 3 March 2021", *PARAGRAPHS[:2]])
    doc = clean_document(Document(raw=raw))
    assert "Jane Doe" not in doc.text and "Published" not in doc.text
    assert (doc.published, doc.published_source) == (date(2021, 3, 3), "text")
    assert doc.title == "Rebels seize Marenko"


# --- adversarial inputs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(range(256)) * 40, "binary"),
        ("text with a NUL \x00 inside", "binary"),
        ("", "empty"),
        (b"", "empty"),
        ("   \n\n \t ", "empty"),
        ("Show More\n\nRelated Articles\n\nLeave a Reply", "empty"),
        (b"x" * (MAX_RAW_BYTES + 1), "too_large"),
    ],
)
def test_rejections(raw: str | bytes, reason: str) -> None:
    doc = clean_document(Document(raw=raw))
    assert doc.discard is not None and doc.discard.reason == reason


def test_size_limit_is_a_keyword() -> None:
    doc = clean_document(Document(raw=PARAGRAPHS[0]), max_bytes=100)
    assert doc.discard is not None and doc.discard.reason == "too_large"
    assert clean_document(Document(raw=PARAGRAPHS[0]), max_bytes=10_000).discard is None


@pytest.mark.parametrize("media_type", ["text/html", "text/plain"])
def test_garbage_never_raises(media_type: str) -> None:
    for raw in ("<<<>>>", "<html><body></body></html>", "<p>\x7f\x80</p>", "<!-- only a comment -->", "\ufeff"):
        doc = clean_document(Document(raw=raw, media_type=media_type))
        assert doc.discard is not None or doc.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Caf\u00e9 \u201cs\u00fbr\u201d \u2013 na\u00efve".encode("cp1252"),
            "Caf\u00e9 \u201cs\u00fbr\u201d \u2013 na\u00efve",
        ),
        ("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1"), "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"),
        (
            "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430".encode(),
            "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430",
        ),
        ("\ufeffhello".encode("utf-8"), "hello"),
        ("hello".encode("utf-16"), "hello"),
        (b'<meta charset="iso-8859-1"><p>caf\xe9</p>', '<meta charset="iso-8859-1"><p>caf\u00e9</p>'),
    ],
)
def test_decode_bytes(raw: bytes, expected: str) -> None:
    text = decode_bytes(raw)
    assert text.lstrip("\ufeff") == expected
    assert not looks_binary(text)


# --- line classifier ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Show More",
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
        "Share on Facebook Share on Twitter",
        "Advertisement",
        "Sign up for our daily newsletter",
        "Follow us on Twitter for the latest updates",
        "\u00a9 2022 Example Media Group. All rights reserved.",
        "We use cookies to improve your experience on our website.",
        "To continue reading the full story, please subscribe.",
        "Read more \u00bb",
        "12 Comments",
        "Tags: Syria, Islamic State, Hajin",
        "By Jane Doe and John Roe, Reuters",
        "Updated: Tue 3 March 2020, 10:45 GMT",
        "March 3, 2019 | 4 min read",
        "(Credit: Jane Doe / Example Agency)",
        "May 2, 2020 at 10:15 AM | categories: World, Africa | 4 Comments",
        "\u0410dv\u0435rt\u0456\u0455\u0435 w\u0456th us",  # Cyrillic look-alikes
        "This article is the copyrighted property of Example News. Written permission must be obtained before any "
        "reprint in online or print media, and the article may not be rewritten or redistributed in any form.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPHS[0],
        "The rebels said they would subscribe to any ceasefire agreement brokered by the regional bloc.",
        "Read the full statement below.",  # short, but an article's own sentence
        "By the end of the day, the army controlled the bridge.",
        "12 killed in attack on market",
        "| Province | Killed | Wounded |",  # a table row
        "Heavy losses",
        "Three soldiers were killed, the ministry said in a newsletter to reporters on Friday evening in the capital.",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\u00a9AFP \u2013 Fighters stand on a tank near the border.", True),
        ("Photo: Displaced families wait for food at a camp outside the city.", True),
        ("Soldiers patrol the main market on Monday. (Reuters photo)", True),
        ("Image caption Rescuers search the rubble after the strike", True),
        ("Smoke rises over the city after an air strike. AFP/Getty Images", True),
        ("The army said the strike killed 12 fighters, AFP reported.", False),
        (PARAGRAPHS[1], False),
    ],
)
def test_captions(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


def test_pullquote_with_curly_quotes_and_attribution() -> None:
    body = "The commander said: \u201cWe will not leave this town until every family is safe,\u201d and left."
    pieces = classify(
        [
            Unit(body),
            Unit("\u201cWe will not leave this town until every family is safe\u201d \u2014 Col. Ali Warsame"),
        ],
        guess_title=False,
        guess_headings=False,
    )
    assert [p.kind for p in pieces] == [BlockKind.BODY, BlockKind.PULLQUOTE]


def test_duplicated_paragraph_keeps_first_copy_as_body() -> None:
    line = "Fighting resumed on Sunday near the airport, witnesses said."
    pieces = classify([Unit(line), Unit(PARAGRAPHS[0]), Unit(line)], guess_title=False, guess_headings=False)
    assert [p.kind for p in pieces] == [BlockKind.BODY, BlockKind.BODY, BlockKind.PULLQUOTE]


def test_end_marker_cuts_comment_section() -> None:
    units = [Unit(p) for p in PARAGRAPHS] + [Unit("Leave a Reply"), Unit("Great article, thanks for sharing it!")]
    pieces = classify(units, guess_title=False, guess_headings=False)
    assert [p.text for p in pieces] == PARAGRAPHS


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=12))
def test_classifier_on_random_text_keeps_valid_offsets(lines: list[str]) -> None:
    raw = "\n\n".join(lines)
    pieces = classify(split_units(raw), guess_title=True, guess_headings=True)
    text, blocks = assemble(pieces)
    for block, piece in zip(blocks, [p for p in pieces if p.text.strip()], strict=True):
        assert text[block.start : block.end] == piece.text.strip()
        assert block.kind == piece.kind
    assert all(a.end <= b.start for a, b in itertools.pairwise(blocks))


@settings(max_examples=300, deadline=500)
@given(st.text(alphabet=st.sampled_from(list("1 |.,-:/()abxonst\u00a9")), max_size=120))
def test_line_patterns_never_backtrack_on_separator_soup(line: str) -> None:
    """Runs of digits, separators and short words are where nested regex repeats blow up: each line stays fast."""
    is_furniture(line)
    is_caption(line)


@pytest.mark.parametrize(
    "line",
    ["1" * 40 + " x", "| " * 60 + "a", "share " * 30 + "zz", "tel 12345 " * 20 + "x", "by " + "a, " * 30 + "!"],
)
def test_line_patterns_are_fast_on_adversarial_lines(line: str) -> None:
    started = time.perf_counter()
    is_furniture(line)
    is_caption(line)
    assert time.perf_counter() - started < 0.5


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_clean_document_never_raises_on_random_text(raw: str) -> None:
    doc = clean_document(Document(raw=raw))
    assert doc.discard is not None or doc.text
    assert_blocks_valid(doc)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["text/html", "text/plain"]))
def test_clean_document_never_raises_on_random_bytes(raw: bytes, media_type: str) -> None:
    doc = clean_document(Document(raw=b"<html><body><p>" + raw, media_type=media_type))
    assert doc.discard is not None or doc.text
    assert_blocks_valid(doc)


# --- language and dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops retake town", "en"),
        ("Rebels seize Marenko after week-long siege", "en"),
        (PARAGRAPHS[0] + " " + PARAGRAPHS[1], "en"),
        (
            "Les forces gouvernementales ont repris la ville mardi après une semaine de combats intenses avec les "
            "rebelles du nord, a annoncé l'armée dans un communiqué lu à la radio nationale.",
            "fr",
        ),
        (
            "Войска вернули город после недели боёв",
            "ru",
        ),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text)[0] == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('{"datePublished": "2020-09-15T10:01:41-04:00"}', date(2020, 9, 15)),
        ('{"datePublished":"Tue, Sep 15 2020 10:01:41 EDT"}', date(2020, 9, 15)),
        ('{"datePublished": "2999-01-01"}', None),
        ('{"datePublished": "1970-01-01"}', None),
        ('{"dateModified": "2020-09-15"}', None),
    ],
)
def test_jsonld_published(html: str, expected: date | None) -> None:
    assert jsonld_published(html, latest=date(2024, 1, 1)) == expected


@pytest.mark.parametrize(
    ("html", "url", "htmldate_value", "expected"),
    [
        ('"datePublished":"2020-02-18T02:18:11Z"', "https://x.example/2020/02/17/story/", None, date(2020, 2, 17)),
        ('"datePublished":"2020-02-18T14:18:11Z"', "https://x.example/2020/02/17/story/", None, date(2020, 2, 18)),
        ('"datePublished":"2020-02-18T02:18:11Z"', "https://x.example/story/", None, date(2020, 2, 18)),
        ("<p>no structured date</p>", "https://x.example/story/", "2020-05-06", date(2020, 5, 6)),
        ("<footer>Copyright 2020</footer>", "https://x.example/", "2020-01-01", None),
    ],
)
def test_declared_published(html: str, url: str, htmldate_value: str | None, expected: date | None) -> None:
    assert declared_published(html, url=url, htmldate_value=htmldate_value, latest=date(2024, 1, 1)) == expected


def test_bare_year_is_not_a_date() -> None:
    assert is_bare_year(date(2020, 1, 1), "<footer>Copyright 2020</footer>")
    assert not is_bare_year(date(2020, 1, 1), "<time>January 1, 2020</time>")
    assert not is_bare_year(date(2020, 3, 1), "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIRUT, Dec. 14, 2018 (Xinhua) -- Fighting", date(2018, 12, 14)),
        ("Published 3 March 2021. The army said", date(2021, 3, 3)),
        ("Posted on 2019-07-02 by staff", date(2019, 7, 2)),
        ("On February 30, 2019 nothing happened", None),
        ("In 2031-01-01 plans were made", None),
        ("No date here at all", None),
    ],
)
def test_text_published(text: str, expected: date | None) -> None:
    assert text_published(text, latest=date(2025, 1, 1)) == expected


# --- metrics --------------------------------------------------------------------------------------------------------


def test_snippet_scores() -> None:
    gold = {"body_with": ["alpha beta", "gamma"], "body_without": ["Share this", "Reply"]}
    scores = snippet_scores([(gold, "alpha\nbeta and more. Share this")])
    assert scores["n"] == 1
    assert scores["snippet_precision"] == pytest.approx(0.5)
    assert scores["snippet_recall"] == pytest.approx(0.5)
    assert scores["snippet_f1"] == pytest.approx(0.5)


def test_body_scores() -> None:
    scores = body_scores([({"body": "a b c d"}, "a b x"), ({}, "ignored")])
    assert scores["n"] == 1
    assert scores["body_precision"] == pytest.approx(2 / 3)
    assert scores["body_recall"] == pytest.approx(0.5)


def test_pubdate_accuracy() -> None:
    items = [
        ({"published": "2020-01-02"}, date(2020, 1, 2)),
        ({"published": None}, None),
        ({"published": None}, date(2020, 1, 1)),
        ({}, None),
    ]
    assert pubdate_accuracy(items) == {"published_acc": pytest.approx(2 / 3), "n": 3}
