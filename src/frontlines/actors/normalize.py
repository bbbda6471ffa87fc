"""Normalizing actor names into lookup keys: case, diacritics, punctuation, hyphens, a leading 'the', plurals."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u2019\u2018`´']")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_LOST_APOSTROPHE = re.compile(r"(?<=[a-z]) s\b")  # "People s Liberation" (apostrophe lost upstream)
_POSSESSIVE_S = re.compile(r"(?<=\w)['\u2019]s\b")

# Irregular plurals of actor nouns: singular forms are tried after the plural ones.
_IRREGULAR_SINGULAR = {"men": "man", "women": "woman", "children": "child", "militiamen": "militiaman"}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(name: str) -> str:
    """A case-, accent- and punctuation-free key: "The Al-Qa'ida" -> "al qaida", "U.S.-led" -> "us led"."""
    text = strip_accents(name).strip()
    text = _LEADING_THE.sub("", text)
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _APOSTROPHES.sub("", text).lower()
    text = _NON_WORD.sub(" ", text).strip()
    return _LOST_APOSTROPHE.sub("s", text)


def case_key(name: str) -> str:
    """The key of a case-sensitive alias (IS, LeT, U.S.): only 'the', dots and spaces are dropped."""
    text = _LEADING_THE.sub("", strip_accents(name).strip())
    return text.replace(".", "").replace(" ", "").strip("()[],;:")


def is_case_sensitive(alias: str) -> bool:
    """Short acronyms with two or more capitals (IS, ADF, LeT, ULFA-I) match only in their own case."""
    if alias.startswith("="):
        return True
    if " " in alias or len(alias) > 7:
        return False
    return sum(ch.isupper() for ch in alias) >= 2


def singular_variants(key: str) -> list[str]:
    """Singular candidates of a normalized key's last word: "militants" -> ["militant"], "militias" -> ["militia"]."""
    head, _, last = key.rpartition(" ")
    prefix = f"{head} " if head else ""
    out: list[str] = []
    if last in _IRREGULAR_SINGULAR:
        out.append(prefix + _IRREGULAR_SINGULAR[last])
    elif last.endswith("men") and len(last) > 4:
        out.append(prefix + last[:-3] + "man")
    if last.endswith("ies") and len(last) > 4:
        out.append(prefix + last[:-3] + "y")
    if last.endswith("es") and len(last) > 3:
        out.append(prefix + last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        out.append(prefix + last[:-1])
    return out


def number_variants(key: str) -> list[str]:
    """Singular, then plural candidates of a normalized key's last word ("herder" -> [..., "herders"])."""
    head, _, last = key.rpartition(" ")
    if len(last) < 5:  # "Hama" must not become "Hamas"
        return singular_variants(key)
    prefix = f"{head} " if head else ""
    plurals = [prefix + last + "s", prefix + last + "es"]
    if last.endswith("man"):
        plurals.insert(0, prefix + last[:-3] + "men")
    if last.endswith("y"):
        plurals.insert(0, prefix + last[:-1] + "ies")
    return [*singular_variants(key), *plurals]


def drop_possessive(text: str) -> str:
    return _POSSESSIVE_S.sub("", text)
