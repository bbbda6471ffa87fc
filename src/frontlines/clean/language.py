"""Is a text English? py3langid with a confidence, and a stopword test where the text is too short to trust it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 2500  # the first few paragraphs decide; the whole page costs time and adds nothing
SHORT_WORDS = 20  # below this many words, a headline or a snippet: the classifier is unreliable
MIN_CONFIDENCE = 0.8  # py3langid probability above which its answer stands on its own
UNSURE = 0.5  # below this, py3langid is guessing: any English function word tips Latin-script text to English
MIN_STOPWORD_SHARE = 0.12  # English running text is ~40% function words; even headlines have some
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN = re.compile(r"[A-Za-z]")

# English function words: frequent, short and rare in other languages written in Latin script.
_STOPWORD_TEXT = """the of and to in is was for on that with as by at from it its are were be been has have had not this
    but or an which who they their he she his her after over about against into than more will would said says
    say could should what when where how why all also some new two three killed near during while amid"""
ENGLISH_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=1)
def load_identifier() -> Any:
    """The py3langid identifier with normalized probabilities, loaded once."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def stopword_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(word.lower() in ENGLISH_STOPWORDS for word in words) / len(words)


def classify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of py3langid on the start of the text."""
    code, confidence = load_identifier().classify(text[:SAMPLE_CHARS])
    return str(code), float(confidence)


def detect_language(text: str) -> tuple[str, float]:
    """The text's language and how sure we are; short or unsure Latin-script text falls back to stopwords.

    Short texts (headlines) default to English unless they are clearly in another script or language, so a terse
    English headline is never discarded.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if not words:
        return "", 0.0
    code, confidence = classify(sample)
    if code == "en":
        return code, confidence
    latin = len(_LATIN.findall(sample)) / max(1, sum(len(w) for w in words))
    share = stopword_share(words)
    if len(words) < SHORT_WORDS:
        if latin > 0.5 and (share > 0 or confidence < 0.99):
            return "en", 0.5
        return code, confidence
    if latin > 0.5 and confidence < MIN_CONFIDENCE and share >= MIN_STOPWORD_SHARE:
        return "en", share
    if latin > 0.5 and confidence < UNSURE and share > 0:
        return "en", share
    return code, confidence
