"""Normalized lookup keys for place names, so that spelling variants of one name meet.

``name_key`` is the strict key used for the main alias index: case-folded, diacritics stripped, hyphens, apostrophes
and dots unified, Arabic article variants dropped ("al-", "el-", "ad-", "ez-" and the assimilated "Ezzor" form),
doubled letters collapsed and a final vowel+h folded ("Hamah" -> "hama"). ``loose_key`` goes further (vowels and the
semi-vowels y/w dropped after the first letter) and is only consulted when the strict key finds nothing:
"Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr" and "Deir al-Zour" all share one loose key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from frontlines.geo.data import ARABIC_ARTICLES, REGION_SUFFIXES

# Letters NFKD does not decompose into ASCII + combining marks.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "đ": "d", "ð": "d", "þ": "th", "ħ": "h"}
)
# Apostrophe-like marks (ayn/hamza transliterations included) vanish: "Ma'arrat" == "Maarrat".
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u2032]")
# Everything that is not a letter or digit separates words: hyphens, dots, commas, slashes.
_SEPARATORS = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_VOWEL_H = re.compile(r"(?<=[aeiou])h\b")
# An article fused to the following sun letter: "Ezzor" -> "zor", "Arraqqa" -> "raqqa", "Assafira" -> "safira".
_FUSED_ARTICLE = re.compile(r"^[aeu]([dnrstz])\1(?=[a-z]{2})")
_LOOSE_DROP = re.compile(r"(?<=[a-z])[aeiouyw]+")
_ARTICLES = frozenset(ARABIC_ARTICLES)
_SUFFIXES = frozenset(REGION_SUFFIXES)


def fold(text: str) -> str:
    """Case-fold and strip diacritics: 'Ḥalab' -> 'halab'. Non-Latin letters are kept (they never match)."""
    if text.isascii():  # the common case: nothing to decompose (a third of the gazetteer build otherwise)
        return _APOSTROPHES.sub("", text.lower())
    text = _APOSTROPHES.sub("", text.casefold()).translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a name, separators unified."""
    return [w for w in _SEPARATORS.split(fold(text)) if w]


def _strip_article(word: str) -> str:
    return _FUSED_ARTICLE.sub(r"\1", word)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The strict lookup key of a name ('' for a name with no Latin letters or digits)."""
    tokens = [_strip_article(w) for w in words(text) if w not in _ARTICLES]
    joined = " ".join(t for t in tokens if t)
    if not joined and text.strip():
        joined = " ".join(words(text))  # a name that is nothing but an article ("As") keeps itself
    joined = _DOUBLE.sub(r"\1", joined.replace("ou", "u"))
    return _FINAL_VOWEL_H.sub("", joined)


@lru_cache(maxsize=65536)
def loose_key(text: str) -> str:
    """A looser key for transliteration variants: vowels and y/w dropped after each word's first letter."""
    key = name_key(text)
    loose = " ".join(_LOOSE_DROP.sub("", w) for w in key.split())
    loose = _DOUBLE.sub(r"\1", loose.replace("q", "k").replace("kh", "k").replace("c", "k"))
    return loose if len(loose.replace(" ", "")) >= 3 else ""


def split_region_suffix(text: str) -> tuple[str, str]:
    """'Idlib governorate' -> ('Idlib', 'governorate'); 'Hama countryside' -> ('Hama', 'countryside')."""
    parts = text.rsplit(None, 1)
    if len(parts) == 2 and parts[1].casefold() in _SUFFIXES:
        return parts[0], parts[1].casefold()
    return text, ""
