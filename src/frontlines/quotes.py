"""Direct quotes and who said them.

1. find quoted stretches by scanning quote marks (straight, curly, guillemets), nested marks, quotes that run over
   several paragraphs (a paragraph left open and the next one opened again), and stray marks, which are skipped;
2. keep quotes in event text only (never a caption or pull-quote block) with at least two words;
3. drop a quote whose words are contained in another quote's (a repeated pull-quote appears once);
4. find the speaker through the parse: the subject of a speech verb after the quote, before it in its sentence, or in
   the sentence before ("Colonel X, spokesperson for Y, speaks of a milestone. “...”"), else a name next to it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from frontlines.attribution_lexicon import HEARSAY_NOUNS, ROLE_NOUNS, SPEAKER_NOUNS, TITLES, speech_verb_forms
from frontlines.model import Document, Quote, Span

_MARKS = re.compile(r"[“”\"«»„]")
_SINGLE_MARKS = re.compile(r"[‘’]")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_HYPHENATED = re.compile(r"(?:-\w+)+")
_WORD = re.compile(r"\w+")
_NORMALIZE = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
OPEN, CLOSE, EITHER = "open", "close", "either"
_LEFT_CONTEXT = "([{—–-/:"
_RIGHT_CONTEXT = ".,;:!?)]}—–-"
MIN_WORDS = 2  # a one-word "scare quote" is not a quote
AFTER_WINDOW = 12  # tokens after a closing mark searched for the attribution
PERSON_LOOKBACK = 3000  # characters searched back for the person a "he"/"she" refers to
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PHRASE_DROP_DEPS = ("appos", "relcl", "acl", "punct", "cc", "conj", "advcl")
_PRONOUNS = {"he", "she", "him", "her"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: ``open``/``close`` are the indexes of its quote marks."""

    open: int
    close: int


# -- 1. quote marks -----------------------------------------------------------------------------------------------


def _kind(text: str, index: int) -> str:
    char = text[index]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    space_before = before.isspace() or before in _LEFT_CONTEXT or before in "“«„"
    space_after = after.isspace() or after in _RIGHT_CONTEXT or after in "”»"
    if char in "“«„":
        return CLOSE if (space_after and not space_before) else OPEN
    if char in "”»":
        return OPEN if (space_before and not space_after) else CLOSE
    if space_before and not space_after:
        return OPEN
    if space_after and not space_before:
        return CLOSE
    return EITHER


def _closing(text: str, marks: list[tuple[int, str]], first: int) -> int | None:
    """Index in ``marks`` of the mark closing the quote opened by ``marks[first]``, or None when it never closes."""
    depth = 0
    for j in range(first, len(marks)):
        position, kind = marks[j]
        if j > first and "\n" in text[marks[j - 1][0] : position]:
            paragraph_start = text.rfind("\n", 0, position) + 1
            if kind == CLOSE or text[paragraph_start:position].strip():
                return None  # the paragraph ended with the quote open and the next does not reopen it
            continue  # a new paragraph of the same quote
        if kind == CLOSE or (kind == EITHER and depth > 0):
            depth -= 1
            if depth <= 0:
                return j
        else:
            depth += 1
    return None


def _single_kind(text: str, index: int) -> str | None:
    """‘ opens before a word; ’ closes after one unless it is an apostrophe (don’t, the soldiers’ families)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    space_before = before.isspace() or before in _LEFT_CONTEXT or before in "“"
    space_after = after.isspace() or after in _RIGHT_CONTEXT or after in "”"
    if text[index] == "‘":
        return OPEN if space_before and not after.isspace() else None
    if space_before or not space_after:
        return None
    possessive = before in "sS" and _LOWER_NEXT.match(text, index + 1) is not None
    return None if possessive else CLOSE


def _pair(text: str, marks: list[tuple[int, str]]) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    index = 0
    while index < len(marks):
        if marks[index][1] == CLOSE:
            index += 1
            continue
        closing = _closing(text, marks, index)
        if closing is None:
            index += 1
            continue
        found.append(QuoteSpan(marks[index][0], marks[closing][0]))
        index = closing + 1
    return found


def scan_quotes(text: str) -> list[QuoteSpan]:
    """Every balanced quoted stretch in ``text``, in text order; an opening mark that never closes is skipped.

    Double marks first; curly single marks (‘...’, the British style) count outside double-quoted stretches.
    """
    doubles = _pair(text, [(match.start(), _kind(text, match.start())) for match in _MARKS.finditer(text)])
    if "‘" not in text:
        return doubles
    starts = [quote.open for quote in doubles]

    def outside(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index < 0 or doubles[index].close < offset

    singles = []
    for match in _SINGLE_MARKS.finditer(text):
        kind = _single_kind(text, match.start()) if outside(match.start()) else None
        if kind is not None:
            singles.append((match.start(), kind))
    clear = [q for q in _pair(text, singles) if not any(q.open < d.open < q.close for d in doubles)]
    return sorted(doubles + clear, key=lambda quote: quote.open)


def _content(text: str, quote: QuoteSpan) -> Span:
    start, end = quote.open + 1, quote.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span.of(text, start, end)


def _clean(text: str) -> str:
    """Quote text for reading: paragraph-continuation marks removed, whitespace collapsed."""
    return _SPACES.sub(" ", re.sub(r"\n\s*[“\"«„‘]", " ", text)).strip()


# -- 3. duplicates ------------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " " + _NORMALIZE.sub(" ", text.lower()).strip() + " "


def drop_contained(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(kept, dropped): a quote whose words lie inside another quote's words goes; of equal ones the first stays."""
    keys = [_key(span.text) for span in spans]
    kept: list[Span] = []
    dropped: list[Span] = []
    for index, span in enumerate(spans):
        inside = any(
            other != index and keys[index] in keys[other] and (keys[index] != keys[other] or other < index)
            for other in range(len(spans))
        )
        (dropped if inside else kept).append(span)
    return kept, dropped


# -- 4. speakers --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str = ""
    span: Span | None = None


class ParsedDoc:
    """The spaCy doc with the lookups speaker finding needs: PERSON entities by token, quoted character ranges."""

    def __init__(self, doc: Document, nlp_doc: Any, quotes: list[QuoteSpan]) -> None:
        self.text = doc.text
        self.nlp = nlp_doc
        self.entity_of = {token.i: ent for ent in nlp_doc.ents for token in ent}
        self.persons = [ent for ent in nlp_doc.ents if ent.label_ == "PERSON"]
        self.person_starts = [ent.start_char for ent in self.persons]
        self.opens = [quote.open for quote in quotes]
        self.quotes = quotes

    def quoted(self, offset: int) -> bool:
        index = bisect.bisect_right(self.opens, offset) - 1
        return index >= 0 and self.quotes[index].open <= offset <= self.quotes[index].close

    def token_at(self, offset: int) -> Any:
        span = self.nlp.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def person_before(self, offset: int) -> Any:
        """The nearest PERSON entity starting before ``offset`` (within :data:`PERSON_LOOKBACK`)."""
        index = bisect.bisect_left(self.person_starts, offset) - 1
        if index >= 0 and self.persons[index].start_char >= offset - PERSON_LOOKBACK:
            return self.persons[index]
        return None


def _trimmed(tokens: list[Any]) -> tuple[int, int] | None:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _phrase(token: Any) -> list[Any]:
    """The noun phrase headed by ``token``, without appositions, relative clauses and coordination."""
    dropped = {t.i for child in token.children if child.dep_ in _PHRASE_DROP_DEPS for t in child.subtree}
    kept = sorted((t for t in token.subtree if t.i not in dropped), key=lambda t: t.i)
    # stop at the first gap a dropped part leaves after the head ("spokesman, X, for the army" -> "spokesman")
    phrase = [t for t in kept if t.i <= token.i]
    for t in kept:
        if t.i > token.i and t.i == phrase[-1].i + 1:
            phrase.append(t)
    return phrase


def _appositive(token: Any) -> Any:
    for child in token.children:
        if child.dep_ == "appos":
            return child
    return None


def _title_and_name(parse: ParsedDoc, ent: Any) -> tuple[str, Span | None]:
    """Split leading titles off a PERSON entity ("Gen. Ahmed Ali" -> "Gen.", "Ahmed Ali") with titles just before."""
    tokens = list(ent)
    titles: list[Any] = []
    previous = ent.start - 1
    while previous >= 0 and parse.nlp[previous].lower_ in TITLES:
        titles.insert(0, parse.nlp[previous])
        previous -= 1
    while len(tokens) > 1 and tokens[0].lower_ in TITLES:
        titles.append(tokens.pop(0))
    bounds = _trimmed(tokens)
    name = Span.of(parse.text, *bounds) if bounds else None
    return " ".join(t.text for t in titles), name


def _role_text(parse: ParsedDoc, token: Any | None) -> str:
    if token is None:
        return ""
    bounds = _trimmed(sorted(token.subtree, key=lambda t: t.i))
    return parse.text[bounds[0] : bounds[1]] if bounds else ""


def _person_speaker(parse: ParsedDoc, ent: Any, role: str) -> Speaker:
    title, name = _title_and_name(parse, ent)
    full_role = ", ".join(part for part in (title, role) if part)
    if name is None:
        return Speaker(ent.text, full_role)
    return Speaker(name.text, full_role, name)


def speaker_of(parse: ParsedDoc, subject: Any, before: int) -> Speaker | None:
    """The speaker a subject token names: a person (with title and apposition as role), a role phrase, or a body."""
    ent = parse.entity_of.get(subject.i)
    appos = _appositive(subject if ent is None else ent.root)
    if ent is not None and ent.label_ == "PERSON":
        return _person_speaker(parse, ent, _role_text(parse, appos))
    if subject.lower_ in _PRONOUNS:
        person = parse.person_before(before)
        return _person_speaker(parse, person, "") if person is not None else None
    if subject.pos_ == "PRON":
        return None
    bounds = _trimmed(_phrase(subject))
    if bounds is None or not _may_speak(subject, ent):
        return None
    phrase = Span.of(parse.text, bounds[0], _through_hyphens(parse.text, bounds[1]))
    appos_ent = parse.entity_of.get(appos.i) if appos is not None else None
    if appos_ent is not None and appos_ent.label_ == "PERSON":
        return _person_speaker(parse, appos_ent, phrase.text)
    role = phrase.text if subject.lower_ in ROLE_NOUNS else ""
    return Speaker(phrase.text, role, phrase)


def _through_hyphens(text: str, end: int) -> int:
    """Extend a phrase end over hyphenated parts the parse split off ("Wal" -> "Wal-Mart")."""
    found = _HYPHENATED.match(text, end)
    return found.end() if found else end


def _may_speak(subject: Any, ent: Any) -> bool:
    """A name, an organisation, or a common noun of a role, body or hearsay source (not "the topic")."""
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "FAC"):
        return True
    if subject.pos_ == "PROPN" or (subject.is_title and not subject.is_sent_start):
        return True  # a name, also one the tagger missed ("In fact, Hypes said")
    word = subject.lower_
    return word in ROLE_NOUNS or word in SPEAKER_NOUNS or word in HEARSAY_NOUNS


def _subject(verb: Any) -> Any:
    """The subject of a speech verb, climbing through conjoined or embedded verbs ("said and added")."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
        else:
            break
    return None


def _according_to(token: Any) -> Any:
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def find_attribution(parse: ParsedDoc, tokens: list[Any], before: int) -> tuple[Speaker, Any] | None:
    """The first speaker named among ``tokens`` (outside quotes) through a speech verb or "according to", with the
    attributing token (the verb, or "according")."""
    forms = speech_verb_forms()
    for token in tokens:
        lower = token.lower_
        if (lower != "according" and lower not in forms) or parse.quoted(token.idx):
            continue
        subject = _according_to(token)
        if subject is None and token.lower_ in forms and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
        if subject is not None and not parse.quoted(subject.idx):
            found = speaker_of(parse, subject, before)
            if found is not None:
                return found, token
    return None


def _attribution_in(parse: ParsedDoc, tokens: list[Any], before: int) -> Speaker | None:
    found = find_attribution(parse, tokens, before)
    return found[0] if found is not None else None


def _tokens_after(parse: ParsedDoc, quote: QuoteSpan) -> list[Any]:
    token = parse.token_at(quote.close)
    if token is None:
        return []
    tokens = []
    for following in parse.nlp[token.i + 1 : token.i + 1 + AFTER_WINDOW]:
        if "\n" in following.text or following.text in '“"«„':
            break
        tokens.append(following)
    return tokens


def _name_right_after(parse: ParsedDoc, tokens: list[Any]) -> Speaker | None:
    """'“...,” Sean Ryan' or '“...” — Sean Ryan': a person named right after the closing mark."""
    for token in tokens[:4]:
        ent = parse.entity_of.get(token.i)
        if ent is not None and ent.label_ == "PERSON":
            return _person_speaker(parse, ent, "")
        if not (token.is_punct or token.lower_ in TITLES):
            return None
    return None


def _sentence_before(parse: ParsedDoc, sentence: Any) -> Any:
    return parse.nlp[sentence.start - 1].sent if sentence.start > 0 else None


def _nearest_person(parse: ParsedDoc, tokens: list[Any], *, last: bool) -> Speaker | None:
    people = [parse.entity_of[t.i] for t in tokens if t.i in parse.entity_of and not parse.quoted(t.idx)]
    people = [ent for ent in people if ent.label_ == "PERSON"]
    if not people:
        return None
    return _person_speaker(parse, people[-1] if last else people[0], "")


def find_speaker(parse: ParsedDoc, quote: QuoteSpan) -> Speaker | None:
    """Who said ``quote``: attribution after it, before it in its sentence, in the previous sentence, a name nearby."""
    after = _tokens_after(parse, quote)
    opening = parse.token_at(quote.open)
    if opening is None:
        return None
    sentence = opening.sent
    before = [t for t in sentence if t.i < opening.i]
    previous = _sentence_before(parse, sentence)
    previous_tokens = list(previous) if previous is not None else []
    return (
        _attribution_in(parse, after, quote.open)
        or _name_right_after(parse, after)
        or _attribution_in(parse, list(reversed(before)), quote.open)
        or _attribution_in(parse, previous_tokens, quote.open)
        or _nearest_person(parse, before + after, last=True)
        or _nearest_person(parse, previous_tokens, last=True)
    )


# -- the stage ----------------------------------------------------------------------------------------------------


def nlp_of(doc: Document) -> Any:
    """``doc.nlp``, or a parse of ``doc.text`` with the cached pipeline when the annotate stage has not run."""
    if doc.nlp is not None:
        return doc.nlp
    from frontlines.nlp.model import load_spacy

    return load_spacy()(doc.text)


def quote_candidates(doc: Document) -> tuple[list[QuoteSpan], list[Span], list[Span]]:
    """(all balanced quotes, kept content spans, dropped duplicate spans) for quotes in event text."""
    scanned = scan_quotes(doc.text)
    contents = []
    for quote in scanned:
        content = _content(doc.text, quote)
        if doc.is_event_text(quote.open) and len(_WORD.findall(content.text)) >= MIN_WORDS:
            contents.append(content)
    kept, dropped = drop_contained(contents)
    return scanned, kept, dropped


def _marks_of(scanned: list[QuoteSpan], content: Span) -> QuoteSpan:
    """The quote marks around a content span (``scanned`` is in text order)."""
    index = bisect.bisect_left([quote.open for quote in scanned], content.start) - 1
    return scanned[max(index, 0)]


def build_quotes(parse: ParsedDoc, scanned: list[QuoteSpan], kept: list[Span]) -> list[Quote]:
    """A :class:`Quote` for each kept content span, with its speaker where the text says who spoke."""
    quotes = []
    for content in kept:
        speaker = find_speaker(parse, _marks_of(scanned, content))
        quotes.append(
            Quote(
                speaker=speaker.name if speaker else "",
                text=_clean(content.text),
                span=content,
                role=speaker.role if speaker else "",
                speaker_span=speaker.span if speaker else None,
            )
        )
    return quotes


def extract_quotes(doc: Document) -> list[Quote]:
    """Direct quotes in event text, each once, with speaker name, role and spans where the text says who spoke."""
    scanned, kept, _ = quote_candidates(doc)
    if not kept:
        return []
    return build_quotes(ParsedDoc(doc, nlp_of(doc), scanned), scanned, kept)
