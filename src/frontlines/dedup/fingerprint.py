"""Near-duplicate documents: word-shingle MinHash fingerprints and an LSH index over them.

A syndicated copy (the same wire story under another outlet's boilerplate) or an updated version of one story
(a revised toll, an added paragraph) shares most of its word 3-shingles with the original. ``fingerprint(text)``
hashes the shingles of the normalised words (lower case, numbers folded to ``0`` so a revised number does not make a
different story) into a MinHash signature; two signatures agree in a position with probability equal to the
Jaccard similarity of the shingle sets. Hashes come from ``hashlib.blake2b`` and the permutations from fixed
seeds, never from Python's salted ``hash()``, so signatures are identical across processes and machines.

``LshIndex`` splits each signature into :data:`BANDS` bands of :data:`ROWS` rows; documents sharing any band are
candidates, verified by the estimated similarity. A query touches only the buckets of its own bands.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Shingle width in words: 3 keeps light edits (a changed word breaks 3 shingles) from hiding a copy.
SHINGLE_WORDS = 3
# Signature length = BANDS * ROWS. With 40 bands of 3 rows a pair becomes a candidate with probability
# 1 - (1 - J**3) ** 40: J 0.5 -> 0.995, 0.4 -> 0.93, 0.2 -> 0.27, 0.1 -> 0.04, 0.05 -> 0.005 (the verification
# step removes the false candidates; same-topic stories sit near 0.02).
NUM_PERM = 120
BANDS = 40
ROWS = NUM_PERM // BANDS
# A pair is a near duplicate when the estimated Jaccard similarity of shingles reaches this ...
DUPLICATE_THRESHOLD = 0.5
# ... or when the shorter text is almost all inside the longer one (a brief later expanded into a full story).
CONTAINMENT_THRESHOLD = 0.8
# Containment is only trusted for texts with at least this many shingles (tiny texts share stock phrases).
MIN_CONTAINMENT_SHINGLES = 30

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A MinHash signature of a text's word shingles, and how many distinct shingles the text had."""

    signature: tuple[int, ...]
    shingles: int

    def to_bytes(self) -> bytes:
        """The signature as little-endian uint32s (what a store keeps in a BLOB/BYTEA column)."""
        return np.asarray(self.signature, dtype="<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, *, shingles: int) -> Fingerprint:
        return cls(signature=tuple(int(v) for v in np.frombuffer(data, dtype="<u4")), shingles=shingles)

    def band_keys(self) -> list[bytes]:
        """One bucket key per LSH band: the band number and its rows, hashed to 8 bytes."""
        raw = np.asarray(self.signature, dtype="<u4")
        return [
            hashlib.blake2b(raw[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8, person=b"band%04d" % i).digest()
            for i in range(BANDS)
        ]


def words(text: str) -> list[str]:
    """Lower-cased words; a word of digits only (a number) is folded to ``0``."""
    return ["0" if w.isdigit() else w for w in _WORD.findall(text.lower())]


def shingles(text: str, *, width: int = SHINGLE_WORDS) -> set[str]:
    """The distinct ``width``-word shingles of a text; a text shorter than ``width`` words is one shingle."""
    tokens = words(text)
    if len(tokens) <= width:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + width]) for i in range(len(tokens) - width + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) coefficients of the NUM_PERM hash permutations, derived from fixed seeds."""
    coeffs = [
        int.from_bytes(hashlib.blake2b(f"frontlines-minhash-{i}".encode(), digest_size=16).digest(), "little")
        for i in range(NUM_PERM)
    ]
    mod = (1 << 61) - 1
    a = np.array([(c & ((1 << 64) - 1)) % (mod - 1) + 1 for c in coeffs], dtype=np.uint64)
    b = np.array([(c >> 64) % mod for c in coeffs], dtype=np.uint64)
    return a, b


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "little")


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a text (deterministic across processes)."""
    found = shingles(text)
    if not found:
        return Fingerprint(signature=(0xFFFFFFFF,) * NUM_PERM, shingles=0)
    hashes = np.fromiter((_hash32(s) for s in found), dtype=np.uint64, count=len(found))
    a, b = _permutations()
    with np.errstate(over="ignore"):
        permuted = ((np.outer(hashes, a) + b) % _MERSENNE) & _MAX32
    return Fingerprint(signature=tuple(int(v) for v in permuted.min(axis=0)), shingles=len(found))


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0 when either text is empty)."""
    if not a.shingles or not b.shingles:
        return 0.0
    same = sum(1 for x, y in zip(a.signature, b.signature, strict=True) if x == y)
    return same / NUM_PERM


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller text's shingles found in the larger one, from the Jaccard estimate."""
    small = min(a.shingles, b.shingles)
    if small < MIN_CONTAINMENT_SHINGLES:
        return 0.0
    j = jaccard(a, b)
    shared = j * (a.shingles + b.shingles) / (1.0 + j)
    return min(1.0, shared / small)


def near_duplicate(a: Fingerprint | str, b: Fingerprint | str) -> float:
    """Similarity in [0, 1] of two texts or fingerprints: the Jaccard estimate, or the containment of the shorter
    in the longer scaled onto the same cut (containment at :data:`CONTAINMENT_THRESHOLD` scores
    :data:`DUPLICATE_THRESHOLD`), whichever is higher. A pair is a near duplicate at >= DUPLICATE_THRESHOLD."""
    fa = fingerprint(a) if isinstance(a, str) else a
    fb = fingerprint(b) if isinstance(b, str) else b
    scaled = containment(fa, fb) * DUPLICATE_THRESHOLD / CONTAINMENT_THRESHOLD
    return max(jaccard(fa, fb), min(scaled, 1.0))


def is_near_duplicate(a: Fingerprint | str, b: Fingerprint | str) -> bool:
    return near_duplicate(a, b) >= DUPLICATE_THRESHOLD


class LshIndex:
    """Banded LSH over MinHash fingerprints: ``query(fp)`` answers "which stored documents is this a near copy of"
    by looking only at the buckets of the fingerprint's bands, then verifying each candidate's similarity."""

    def __init__(self) -> None:
        self._fingerprints: dict[str, Fingerprint] = {}
        self._buckets: dict[tuple[int, bytes], list[str]] = {}

    def __len__(self) -> int:
        return len(self._fingerprints)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._fingerprints

    def add(self, doc_id: str, fp: Fingerprint) -> None:
        if doc_id in self._fingerprints or not fp.shingles:
            return
        self._fingerprints[doc_id] = fp
        for band, key in enumerate(fp.band_keys()):
            self._buckets.setdefault((band, key), []).append(doc_id)

    def candidates(self, fp: Fingerprint) -> set[str]:
        """Stored documents sharing at least one band with ``fp`` (unverified)."""
        found: set[str] = set()
        for band, key in enumerate(fp.band_keys()):
            found.update(self._buckets.get((band, key), ()))
        return found

    def query(self, fp: Fingerprint, *, threshold: float = DUPLICATE_THRESHOLD) -> list[tuple[str, float]]:
        """Stored near copies of ``fp`` as (doc_id, similarity), most similar first (ties by doc id)."""
        if not fp.shingles:
            return []
        scored = ((doc_id, near_duplicate(fp, self._fingerprints[doc_id])) for doc_id in self.candidates(fp))
        return sorted(((d, s) for d, s in scored if s >= threshold), key=lambda item: (-item[1], item[0]))

    def items(self) -> Iterator[tuple[str, Fingerprint]]:
        return iter(self._fingerprints.items())

    @classmethod
    def from_items(cls, items: Iterable[tuple[str, Fingerprint]]) -> LshIndex:
        index = cls()
        for doc_id, fp in items:
            index.add(doc_id, fp)
        return index
